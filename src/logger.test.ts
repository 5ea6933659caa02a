import { describe, expect, it } from "vitest";
import { serializeRequest } from "./logger.js";

describe("request log lines", () => {
  it("carry method and path, blank tokens in the query and leave out the client address", () => {
    const line = serializeRequest({
      method: "GET",
      url: "/p/musterstadt/kommentar/1/loeschen?token=geheim123&x=1",
      ip: "203.0.113.9",
    } as never);
    expect(line).toEqual({ method: "GET", url: "/p/musterstadt/kommentar/1/loeschen?token=[redacted]&x=1" });
    expect(JSON.stringify(line)).not.toContain("203.0.113.9");
  });
});

describe("redaction", () => {
  it("never writes channel credentials, tokens or app passwords", async () => {
    const { pino } = await import("pino");
    const { REDACT_PATHS } = await import("./logger.js");
    const lines: string[] = [];
    const log = pino(
      { redact: { paths: REDACT_PATHS, censor: "[redacted]" } },
      { write: (line: string) => void lines.push(line) },
    );
    log.info(
      {
        account: { id: "a1", credentials: { accessToken: "tok-123" } },
        login: { appPassword: "abcd-efgh" },
        client: { clientSecret: "s3cr3t" },
        oauth: { accessToken: "tok-456" },
      },
      "connecting",
    );
    const written = lines.join("");
    for (const secret of ["tok-123", "abcd-efgh", "s3cr3t", "tok-456"]) expect(written).not.toContain(secret);
    expect(written).toContain("a1");
  });
});
