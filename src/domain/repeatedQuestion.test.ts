import { describe, expect, it } from "vitest";
import { textSimilarity } from "../text/similarity.js";
import { isAskedAgain } from "./repeatedQuestion.js";

const first = {
  text: "Wann wird die Kita in der Lindenstraße wieder geöffnet?",
  receivedAt: new Date("2026-11-20T09:00:00Z"),
  answered: false,
};

describe("asked again", () => {
  it("recognises the same question reworded a little, unanswered, within the window", () => {
    expect(textSimilarity(first.text, "Wann öffnet die Kita Lindenstraße wieder??")).toBeGreaterThan(0.6);
    expect(
      isAskedAgain({
        earlier: [first],
        text: "Wann öffnet die Kita Lindenstraße wieder??",
        at: new Date("2026-11-23T09:00:00Z"),
      }),
    ).toBe(true);
  });

  it("does not fire for another topic, an answered question or one asked long ago", () => {
    const at = new Date("2026-11-23T09:00:00Z");
    expect(textSimilarity(first.text, "Wo kann ich Sperrmüll anmelden?")).toBeLessThan(0.3);
    expect(isAskedAgain({ earlier: [first], text: "Wo kann ich Sperrmüll anmelden?", at })).toBe(false);
    expect(isAskedAgain({ earlier: [{ ...first, answered: true }], text: first.text, at })).toBe(false);
    expect(isAskedAgain({ earlier: [first], text: first.text, at: new Date("2026-12-20T09:00:00Z") })).toBe(false);
  });
});
