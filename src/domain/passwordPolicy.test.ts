import { describe, expect, it } from "vitest";
import { checkPassword } from "./passwordPolicy.js";

describe("password policy", () => {
  const email = "karl.kita@musterstadt.example";
  it("accepts a long passphrase", () => expect(checkPassword("Sommer im Stadtpark 2026", { email })).toBeNull());
  it("refuses short passwords", () => expect(checkPassword("kurz123", { email })).toBe("too_short"));
  it("refuses the mailbox name inside the password", () =>
    expect(checkPassword("karl.kita-passwort-1", { email })).toBe("contains_email"));
  it("refuses repetitive passwords", () => expect(checkPassword("aaaaaaaaaaaabbbb", { email })).toBe("too_repetitive"));
  it("counts characters, not UTF-16 units", () => expect(checkPassword("ÄÖÜäöüß€🙂🙂🙂", { email })).toBe("too_short"));
});
