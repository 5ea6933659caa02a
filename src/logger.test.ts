import { describe, expect, it } from "vitest";
import { serializeRequest } from "./logger.js";

describe("request log lines", () => {
  it("carry method and path, blank tokens in the query and leave out the client address", () => {
    const line = serializeRequest({ method: "GET", url: "/p/musterstadt/kommentar/1/loeschen?token=geheim123&x=1", ip: "203.0.113.9" } as never);
    expect(line).toEqual({ method: "GET", url: "/p/musterstadt/kommentar/1/loeschen?token=[redacted]&x=1" });
    expect(JSON.stringify(line)).not.toContain("203.0.113.9");
  });
});
