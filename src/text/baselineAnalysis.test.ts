import { describe, expect, it } from "vitest";
import { analyseBaseline } from "./baselineAnalysis.js";

describe("the baseline text analyser", () => {
  it("recognises questions with or without a question mark", () => {
    expect(analyseBaseline("Wann öffnet das Bürgerbüro?").intent).toBe("question");
    expect(analyseBaseline("Können Sie mir sagen wo ich parken kann").intent).toBe("question");
    expect(analyseBaseline("Ich möchte wissen, wann die Straße fertig ist.").intent).toBe("question");
  });

  it("tells complaints, praise and fact claims apart, with reasons", () => {
    const complaint = analyseBaseline("Die Laterne ist seit Wochen kaputt.");
    expect(complaint).toMatchObject({ intent: "complaint", reasons: expect.arrayContaining(["complaint:seit wochen"]) });
    expect(complaint.sentiment).toBeLessThan(0);
    const praise = analyseBaseline("Vielen Dank, super Arbeit vom Bauhof!");
    expect(praise.intent).toBe("praise");
    expect(praise.sentiment).toBeGreaterThan(0);
    expect(analyseBaseline("Fakt ist, dass 80 Prozent der Anwohner dagegen sind.").intent).toBe("fact_claim");
  });

  it("flags obvious insults and threats", () => {
    expect(analyseBaseline("Ihr seid alle Vollidioten").flagged).toBe(true);
    expect(analyseBaseline("Den Bürgermeister sollte man aufhängen").scores.threat).toBeGreaterThan(0.5);
    expect(analyseBaseline("Schöner Park").flagged).toBe(false);
  });

  it("sees through disguised spellings of insults", () => {
    for (const text of ["Du Vollidi0t", "So ein A*schl0ch", "Der Bürgermeister ist ein a r s c h l o c h", "IDIOOOOT"]) {
      expect(analyseBaseline(text), text).toMatchObject({ flagged: true });
    }
    expect(analyseBaseline("So ein A*schl0ch").reasons).toContain("obfuscated_spelling");
    // Hard negatives: ordinary words near the lists.
    for (const text of ["Das Depot am Bahnhof ist geschlossen.", "Die Schifffahrt ruht im Winter.", "Die A7 ist gesperrt."]) {
      expect(analyseBaseline(text), text).toMatchObject({ flagged: false });
    }
  });
});
