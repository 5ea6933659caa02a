import { describe, expect, it } from "vitest";
import { keyTermsOf } from "./keyTerms.js";
import lowercaseWordsFile from "./models/lowercase-words.json" with { type: "json" };

const keys = (text: string) => keyTermsOf(text).map((t) => t.key);
const surfaces = (text: string) => keyTermsOf(text).map((t) => t.surface);

describe("the key terms of a message", () => {
  it("are its nouns, in order, keyed so that singular and plural are one term", () => {
    expect(keyTermsOf("Wie beantrage ich einen Kita-Platz für meine Tochter?")).toEqual([
      { key: "kita-platz", surface: "Kita-Platz" },
      { key: "tocht", surface: "Tochter" },
    ]);
    expect(keys("Gibt es noch Kita-Plätze?")).toEqual(["kita-platz"]);
    expect(keys("Die Baustelle in der Hauptstraße")).toEqual(keys("Baustellen an der Hauptstraße"));
  });

  it("leave out greetings, question words and sentence openers, and keep at most three", () => {
    expect(keys("Hallo, vielen Dank! Wann öffnet der Weihnachtsmarkt?")).toEqual(["weihnachtsmarkt"]);
    expect(keys("Leider kam die Müllabfuhr nicht. Die Tonne, der Container und der Sperrmüll stehen noch.")).toEqual([
      "mullabfuhr",
      "tonn",
      "contain",
    ]);
  });

  it("take hashtags as terms and ignore links and mentions", () => {
    expect(keys("#Weihnachtsmarkt @Stadtverwaltung https://Example.org/Seite")).toEqual(["weihnachtsmarkt"]);
    expect(keys("alles klein geschrieben ohne nomen")).toEqual([]);
  });

  it("leave out a sentence's opening verb, adjective or adverb, which is capitalised only because it opens it", () => {
    expect(surfaces("Gilt das auch am Wochenende?")).toEqual(["Wochenende"]);
    expect(surfaces("Spannend, was Sie alles machen.")).toEqual([]);
    expect(surfaces("Danke! Geht das auch mit der Biotonne?\nStimmt, die Abholung war heute.")).toEqual([
      "Biotonne",
      "Abholung",
    ]);
    expect(surfaces("Er schrieb: „Wichtig ist die Einfahrt“ – Gemeinsam schaffen wir das")).toEqual(["Einfahrt"]);
  });

  it("keep a noun that opens a sentence, words inside a sentence as written, and hashtags", () => {
    expect(surfaces("Falschparker blockieren die Einfahrt.")).toEqual(["Falschparker", "Einfahrt"]);
    expect(surfaces("Kita-Plätze fehlen")).toEqual(["Kita-Plätze"]);
    expect(surfaces("Anmeldung beim Verein Gemeinsam Stark")).toEqual(["Anmeldung", "Verein", "Gemeinsam"]);
    expect(surfaces("#Spannend war es heute")).toEqual(["Spannend"]);
  });

  it("keep a sentence's opening noun that is spelt like a verb, when no subject follows as it would a verb", () => {
    expect(surfaces("Arbeiten an der Hauptstraße dauern zu lange")).toEqual(["Arbeiten", "Hauptstraße"]);
    expect(surfaces("Parken in der Altstadt wird teurer.")).toEqual(["Parken", "Altstadt"]);
    // The same forms as verbs opening a question or a request: a subject or object follows.
    expect(surfaces("Arbeiten Sie auch am Samstag?")).toEqual(["Samstag"]);
    expect(surfaces("Sagen Sie mal, wann kommt der Bus?")).toEqual(["Bus"]);
    expect(surfaces("Spielen die Kinder dort?")).toEqual(["Kinder"]);
    // Forms never seen as nouns inside a sentence stay dropped whatever follows.
    expect(surfaces("Wegen vieler Anträge dauert es")).toEqual(["Anträge"]);
    expect(surfaces("Gut gemacht mit der Webseite")).toEqual(["Webseite"]);
  });
});

describe("the word forms written in lower case inside sentences", () => {
  it("are lower-case verbs, adjectives and adverbs counted from the data, not nouns", () => {
    const words = new Set(lowercaseWordsFile.words);
    expect([...words].every((word) => word === word.toLowerCase())).toBe(true);
    for (const word of ["gilt", "spannend", "geht", "stimmt", "blockieren"]) expect(words.has(word)).toBe(true);
    for (const noun of ["wochenende", "stadt", "leute", "einfahrt", "welt"]) expect(words.has(noun)).toBe(false);
    expect(lowercaseWordsFile.attribution).toMatch(/GermEval 2018.*GAHD/s);
  });
});
