import { describe, expect, it } from "vitest";
import { ZLabelledExample, threatLabelEffect, withoutAddresses } from "./threatLabels.js";

describe("a moderator's threat label", () => {
  it("escalates only a threat the pipeline did not take for one", () => {
    expect(threatLabelEffect({ label: "threat", caseThreat: false })).toBe("escalate");
    expect(threatLabelEffect({ label: "threat", caseThreat: true })).toBe("record");
    expect(threatLabelEffect({ label: "not_threat", caseThreat: true })).toBe("record");
    expect(threatLabelEffect({ label: "not_threat", caseThreat: false })).toBe("record");
  });
});

describe("an exported example", () => {
  it("masks handles and e-mail addresses, keeping the sentence around them", () => {
    expect(withoutAddresses("@troll@example.social du bist dran.")).toBe("@user du bist dran.");
    expect(withoutAddresses("Hallo @anna.bsky.social, wir kommen.")).toBe("Hallo @user, wir kommen.");
    expect(withoutAddresses("(@Jörg_1) schreib an max.muster@stadt.de!")).toBe("(@user) schreib an <email>!");
    expect(withoutAddresses("Wann öffnet das Bürgerbüro?")).toBe("Wann öffnet das Bürgerbüro?");
  });

  it("has exactly the documented fields and refuses any other", () => {
    const line = {
      text: "x",
      label: "threat",
      decidedAt: "2026-11-24T10:00:00.000Z",
      analyser: "draht-text 1",
      threatScore: 0.4,
    };
    expect(ZLabelledExample.parse(line)).toEqual(line);
    expect(() => ZLabelledExample.parse({ ...line, decidedByUserId: "u" })).toThrow();
    expect(() => ZLabelledExample.parse({ ...line, label: "maybe" })).toThrow();
  });
});
