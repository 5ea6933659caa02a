import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise.js";
import { detectThreat } from "./threat.js";

const threat = (text: string, offense = 0) => detectThreat(normaliseText(text), { offense });

describe("the threat detector", () => {
  it("finds threats of violence, calls for violence, death wishes and intimidation", () => {
    const cases: [string, string][] = [
      ["Ich bring dich um, du Schwein", "violence"],
      ["Den Bürgermeister sollte man aufhängen", "call_to_violence"],
      ["Die gehören alle erschossen!!!", "call_to_violence"],
      ["Sollen sie doch alle verrecken", "death_wish"],
      ["Hoffentlich stirbt der Typ bald", "death_wish"],
      ["Wir wissen, wo du wohnst.", "intimidation"],
      ["Ich werde dich finden und dich richtig verprügeln", "violence"],
      ["Euer Rathaus brennt bald", "intimidation"],
      ["Ich stech dich ab", "violence"],
    ];
    for (const [text, kind] of cases) {
      const result = threat(text);
      expect(result.score, text).toBeGreaterThanOrEqual(0.7);
      expect(result.kind, text).toBe(kind);
    }
  });

  it("sees through disguised spellings", () => {
    expect(threat("ich bring d1ch um").score).toBeGreaterThanOrEqual(0.7);
    expect(threat("DIE GEHÖREN ALLE ERSCHOSSEN").score).toBeGreaterThanOrEqual(0.7);
  });

  it("lowers negated threats to a low score, keeping the reason", () => {
    for (const text of [
      "Ich würde niemals jemanden schlagen",
      "Niemand sollte den Bürgermeister aufhängen, das ist doch klar",
      "Ich will dich nicht umbringen, aber reden müssen wir",
    ]) {
      const result = threat(text);
      expect(result.score, text).toBeLessThan(0.3);
    }
    expect(threat("Ich würde niemals jemanden schlagen").reasons.join(" ")).toContain("negated");
  });

  it("keeps a negation in its own clause: a threat after it still counts", () => {
    expect(threat("Wer das nicht versteht, gehört erschossen").score).toBeGreaterThanOrEqual(0.7);
  });

  it("treats quoted and reported threats as something to look at, not as the author's threat", () => {
    const quoted = threat('Jemand hat mir geschrieben: "Ich bring dich um". Was soll ich tun?');
    expect(quoted.score).toBeGreaterThan(0.3);
    expect(quoted.score).toBeLessThan(0.7);
    expect(quoted.reasons.join(" ")).toContain("quoted");
  });

  it("ignores idioms that only look violent", () => {
    for (const text of [
      "Dieser Lärm bringt mich noch um",
      "Ich bin heute total erschossen",
      "Ich lach mich tot",
      "Die Satzung tritt in Kraft",
      "Ich schlage vor, die Straße zu sperren",
      "Wir schlagen Ihnen einen Termin vor",
    ]) {
      expect(threat(text).score, text).toBeLessThan(0.3);
    }
  });

  it("adds the model's signal: violent words in an offensive text are held for a person", () => {
    expect(threat("Galgen für euch alle", 0.9).score).toBeGreaterThanOrEqual(0.5);
    expect(threat("Galgen für euch alle", 0.9).reasons.join(" ")).toContain("model_signal");
    expect(threat("Das Messer im Museum ist aus der Bronzezeit", 0.05).score).toBeLessThan(0.5);
  });
});

describe("the trigger words that let a text reach the rules", () => {
  it("let every kind of threat through", () => {
    for (const text of [
      "Du sollst tot umfallen",
      "Der gehört abgestochen",
      "Ich hoffe, du kriegst Krebs",
      "Ich mach dich fertig, ich werde dich fertigmachen",
      "Hoffentlich hast du einen Unfall",
      "Die sollten verbrannt werden",
    ]) {
      expect(threat(text).score, text).toBeGreaterThanOrEqual(0.7);
    }
  });
});
