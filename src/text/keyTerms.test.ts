import { describe, expect, it } from "vitest";
import { keyTermsOf } from "./keyTerms.js";

const keys = (text: string) => keyTermsOf(text).map((t) => t.key);

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
});
