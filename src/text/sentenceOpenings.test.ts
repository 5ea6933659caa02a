import { describe, expect, it } from "vitest";
import { sentenceOpenings } from "./sentenceOpenings.js";
import { findWords } from "./tokens.js";

const openers = (text: string) => {
  const starts = sentenceOpenings(text);
  return findWords(text)
    .filter((word) => starts.has(word.start))
    .map((word) => word.text);
};

describe("the words that open a sentence", () => {
  it("are the first word and the words after . ! ? : … or a line break", () => {
    expect(openers("Gilt das am Wochenende? Ja. Danke! Hinweis: Bitte melden… Gut\nNeu und Alt")).toEqual([
      "Gilt",
      "Ja",
      "Danke",
      "Hinweis",
      "Bitte",
      "Gut",
      "Neu",
    ]);
  });

  it("include a word right after an opening quote or bracket, or after a dash on its own", () => {
    expect(openers("Er sagt „Stimmt nicht“ und dann (Geht das?) – Spannend, die Kita-Plätze")).toEqual([
      "Er",
      "Stimmt",
      "Geht",
      "Spannend",
    ]);
    expect(openers('Sie schrieb "Gilt" dazu')).toEqual(["Sie", "Gilt"]);
  });

  it("are not words inside a sentence, after a comma, a closing quote or a hyphen", () => {
    expect(openers("„Falschparker“ blockieren, sagt er, die Kita-Plätze fehlen")).toEqual(["Falschparker"]);
  });

  it("read links and mentions as blanks, and the first word after them opens the text", () => {
    expect(openers("@stadt.musterstadt Gilt https://musterstadt.de/a.b Termine auch")).toEqual(["Gilt"]);
    expect(openers("")).toEqual([]);
  });
});
