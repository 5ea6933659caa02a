import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialKeyError, createCredentialVault, parseCredentialKey } from "./credentialVault.js";

describe("the credential vault", () => {
  const key = randomBytes(32);

  it("seals a secret so that the database holds no plain text, and opens it again for its own record", () => {
    const vault = createCredentialVault({ current: key });
    const sealed = vault.seal({ accessToken: "geheimes-token-123" }, "account-1");
    expect(JSON.stringify(sealed)).not.toContain("geheimes-token-123");
    expect(vault.open(sealed, "account-1")).toEqual({ accessToken: "geheimes-token-123" });
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(vault.seal({ accessToken: "geheimes-token-123" }, "account-1").ciphertext).not.toBe(sealed.ciphertext);
  });

  it("refuses a seal moved to another record, a tampered one, and one from an unknown key", () => {
    const vault = createCredentialVault({ current: key });
    const sealed = vault.seal({ accessToken: "x" }, "account-1");
    expect(() => vault.open(sealed, "account-2")).toThrow(CredentialKeyError);
    const flipped = Buffer.from(sealed.ciphertext, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => vault.open({ ...sealed, ciphertext: flipped.toString("base64") }, "account-1")).toThrow(/do not open/);
    expect(() => createCredentialVault({ current: randomBytes(32) }).open(sealed, "account-1")).toThrow(
      /neither CREDENTIALS_KEY/,
    );
  });

  it("opens what an earlier key sealed and tells that it needs re-sealing (rotation)", () => {
    const old = createCredentialVault({ current: key });
    const sealed = old.seal({ password: "app-pass" }, "account-1");
    const rotated = createCredentialVault({ current: randomBytes(32), previous: [key] });
    expect(rotated.isStale(sealed)).toBe(true);
    const resealed = rotated.seal(rotated.open(sealed, "account-1"), "account-1");
    expect(rotated.isStale(resealed)).toBe(false);
    expect(rotated.open(resealed, "account-1")).toEqual({ password: "app-pass" });
  });

  it("takes keys as base64 or hex and says how to make one when a key is wrong", () => {
    expect(parseCredentialKey(key.toString("base64"), "K")).toEqual(key);
    expect(parseCredentialKey(key.toString("hex"), "K")).toEqual(key);
    expect(() => parseCredentialKey("zu-kurz", "CREDENTIALS_KEY")).toThrow(/openssl rand -base64 32/);
  });
});
