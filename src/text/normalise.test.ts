import { describe, expect, it } from "vitest";
import { MASKABLE_WORDS } from "./lexicon.js";
import { normaliseText } from "./normalise.js";

const vocabulary = ["arschloch", "idiot", "vollidiot"];

describe("normalising German social-media text", () => {
  it("undoes leetspeak, masking and spacing inside words", () => {
    expect(normaliseText("Du Vollidi0t", { vocabulary }).text).toBe("du vollidiot");
    expect(normaliseText("So ein A*schl0ch!", { vocabulary }).text).toBe("so ein arschloch!");
    expect(normaliseText("a r s c h und A.r.s.c.h", { vocabulary }).text).toBe("arsch und arsch");
    expect(normaliseText("Id#ot", { vocabulary }).signals.deobfuscated).toBe(1);
  });

  it("restores masked words of violence, and a word parted by dots, but guesses no violence into short masks", () => {
    const text = (input: string) => normaliseText(input, { vocabulary: MASKABLE_WORDS }).text;
    expect(text("die gehört abgest*chen")).toBe("die gehört abgestochen");
    expect(text("dann wird sie ver.ge.wal.tigt")).toBe("dann wird sie vergewaltigt");
    expect(text("das auto abzu.fackeln")).toBe("das auto abzufackeln");
    // A masked slur stays what it was (no violence word of five letters or fewer is guessed), abbreviations too.
    expect(text("die J**en und die N***er")).toBe("die jen und die ner");
    expect(text("d.h. u.a. z.B. E-Mail")).toBe("d.h. u.a. z.b. e-mail");
    // A short mask of an everyday word is not read as a word of violence ("schände", "vergast", "köpfen").
    expect(text("das ist doch Sch***e, ver***t nochmal, zum K***en")).toBe("das ist doch sche, vert nochmal, zum ken");
  });

  it("leaves numbers, road names, abbreviations and compounds alone", () => {
    expect(normaliseText("Die A7 ist ab 2026 gesperrt, z.B. für E-Mail-Fragen und B52", { vocabulary }).text).toBe(
      "die a7 ist ab 2026 gesperrt, z.b. für e-mail-fragen und b52",
    );
  });

  it("masks links and mentions, keeps emoji as signals, and measures shouting", () => {
    const n = normaliseText("@Buergermeister SCHAUEN SIE HIER!!! https://example.org/x 😡😡 |LBR| www.test.de");
    expect(n.text).toContain("<user>");
    expect(n.signals).toMatchObject({ urls: 2, mentions: 1, emoji: ["😡", "😡"], exclamations: 3 });
    expect(n.signals.shouting).toBeGreaterThan(0.6);
    expect(n.tokens).toEqual(["<user>", "schauen", "sie", "hier", "<url>", "😡", "😡", "<url>"]);
    expect(n.text).not.toContain("example.org");
  });

  it("shortens letter runs and folds umlauts and ß for matching", () => {
    const n = normaliseText("Neeeeein, der MÜLL auf der Straße!");
    expect(n.text).toBe("neein, der müll auf der straße!");
    expect(n.folded).toBe("neein, der muell auf der strasse!");
    expect(n.signals.elongated).toBe(1);
    expect(normaliseText("ｖｏｌｌｉｄｉｏｔ").text).toBe("vollidiot"); // full-width letters (NFKC)
  });

  it("does not take an e-mail address for a mention", () => {
    expect(normaliseText("Schreiben Sie an info@musterstadt.de").signals.mentions).toBe(0);
  });

  it("collapses every kind of whitespace and cleans only the words that need it", () => {
    expect(normaliseText("  Bitte\u00a0prüfen \t Sie\u2003das\n\n").text).toBe("bitte prüfen sie das");
    expect(normaliseText("E-Mail an Id#ot und z.B. Vollidi0t", { vocabulary }).text).toBe(
      "e-mail an idiot und z.b. vollidiot",
    );
    expect(normaliseText("Neeein, 111 Euro").text).toBe("neein, 111 euro");
  });

  it("gives the folded words the classifiers and lexicons read, with links and mentions as placeholders", () => {
    const n = normaliseText("@Amt Die Straße ist kaputt https://x.de 😡");
    expect(n.words).toEqual(["<user>", "die", "strasse", "ist", "kaputt", "<url>"]);
    expect(n.wordFacts).toHaveLength(n.words.length);
    expect(n.words).toBe(n.words); // computed once
  });
});
