// The gates in front of the threat detector's long expressions: the intimidation phrases are looked for only
// where a word one of them needs stands, and each violence concept only where a word of the sentence can start
// one of its matches. A gate may open too often, never too rarely: texts generated from the expressions
// themselves, with letters and signs glued around them, check that nothing slips past.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseChallengeSet } from "../challengeSet.js";
import { conceptsIn, CUE, cueBitsOf, cueBitsOfText, INTIMIDATION_PHRASE, phraseIn, readWords } from "../cueWords.js";
import { parseLabelledTsv } from "../evaluation.js";
import { INTENT_PATTERNS, intentGates } from "../intent.js";
import { MASKABLE_WORDS } from "../lexicon.js";
import { normaliseText } from "../normalise.js";
import { anchorGate, closingParen, phraseAnchorWords, topLevelAlternatives } from "../patternSource.js";
import { compiledConstructions, compiledContexts, compiledTargets, CUE_GATE } from "./threatCues.js";
import { threatFeatures } from "./threatFeatures.js";
import { CONCEPT_PATTERNS, violenceConcepts, withoutZuInfix } from "./violenceLexicon.js";

/** A pseudo-random number generator (deterministic per seed): n → 0 … n-1. */
function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((state >>> 0) % 1_000_003) % n;
  };
}

/**
 * A text an expression's source may match, generated from the source itself: one alternative of each group,
 * a letter for "\\w", one character of a class, a number of repeats within each quantifier. Not every text
 * matches (lookaheads, negated classes): the tests keep those that do.
 */
function generatedMatch(source: string, random: (n: number) => number): string {
  const sample = (part: string) => generatedMatch(part, random);
  let out = "";
  for (let i = 0; i < source.length;) {
    const c = source[i] as string;
    let atom: string;
    let end: number;
    if (c === "(") {
      end = closingParen(source, i) + 1;
      const alternatives = topLevelAlternatives(source.slice(i + 3, end - 1));
      atom = sample(alternatives[random(alternatives.length)] as string);
    } else if (c === "\\") {
      end = i + 2;
      atom =
        source[i + 1] === "w"
          ? ("abcdefghijklmnopqrstuvwxyz"[random(26)] as string)
          : source[i + 1] === "b"
            ? ""
            : (source[i + 1] as string);
    } else if (c === "[") {
      end = source.indexOf("]", i) + 1;
      const chars = source.slice(i + 1, end - 1);
      atom = chars[random(chars.length)] as string;
    } else {
      end = i + 1;
      atom = c;
    }
    const quantifier = /^(?:\?|\*|\+|\{(\d+)(?:,(\d+))?\})/.exec(source.slice(end));
    let times = 1;
    if (quantifier) {
      end += quantifier[0].length;
      const [min, max] =
        quantifier[0] === "?"
          ? [0, 1]
          : quantifier[0] === "*"
            ? [0, 2]
            : quantifier[0] === "+"
              ? [1, 2]
              : [Number(quantifier[1]), Number(quantifier[2] ?? quantifier[1])];
      times = min + random(max - min + 1);
    }
    for (let k = 0; k < times; k++)
      out +=
        k === 0
          ? atom
          : c === "(" || c === "\\" || c === "["
            ? sample(source.slice(i, end - (quantifier?.[0].length ?? 0)))
            : atom;
    i = end;
  }
  return out;
}

describe("the violence concepts' gate", () => {
  it("tries every concept a match of which can start at a word of the sentence (generated matches)", () => {
    // Each concept runs only where a word of the sentence can start one of its matches, read from its own
    // expression (patternSource.ts): the gated search must find exactly what trying every concept finds.
    const random = seeded(23);
    const before = ["", "x ", "é", "ñ", "_", "1", "-", "„", "ich sag ", "und dann "];
    const after = ["", " x", "é", "s", ".", "_", "en", "!", " morgen", " und weg"];
    const missed: string[] = [];
    let matches = 0;
    for (const [concept, pattern] of CONCEPT_PATTERNS)
      for (const alternative of topLevelAlternatives(pattern.source.slice(5, -1)))
        for (let k = 0; k < 30; k++) {
          const text = `${before[random(before.length)]}${generatedMatch(alternative, random)}${after[random(after.length)]}`;
          const sentence = withoutZuInfix(normaliseText(text).folded);
          if (!pattern.test(sentence)) continue;
          matches++;
          const gated = violenceConcepts(sentence, conceptsIn(cueBitsOfText(sentence)));
          if (JSON.stringify(gated) !== JSON.stringify(violenceConcepts(sentence))) missed.push(`${concept}: ${text}`);
        }
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(2000);
    // Words of no concept open none: a greeting tries nothing but the concepts that cannot be gated.
    expect(conceptsIn(cueBitsOfText("guten morgen, schönes wetter heute"))).toBe(0);
  });

  it("anchors each concept's alternatives on their least common words, read inside words and across apostrophes", () => {
    // Letters that go on inside a word belong to it: "umbringen", not every word with "um"; the Bavarian "derschlagn",
    // not "der".
    expect(phraseAnchorWords("um(?:ge|zu)?(?:bring|brach)\\w*")).toEqual(["um(?:ge|zu)?(?:bring|brach)"]);
    expect(phraseAnchorWords("(?:der|da)(?:schlag|stech)\\w*")).toEqual(["der(?:schlag|stech)", "da(?:schlag|stech)"]);
    // An optional part inside a word cannot be skipped as a word can: "gejagt" starts with "ge", not with "jag".
    expect(phraseAnchorWords("(?:ge)?(?:jag|spreng)\\w*")).toEqual(["ge", "jag", "spreng"]);
    // An apostrophe parts words: "in d'Luft" is anchored on "luft", not on every word with a "d".
    expect(phraseAnchorWords("in d'luft")).toEqual(["luft"]);
    expect(phraseAnchorWords("eins auf die")).toEqual(["eins$"]);
    // Every form of "tun" stays in the lexicon ("ich tua dir was an"), anchored on "tu" rather than on "an".
    for (const sentence of ["ich tua dir was an", "der tuat dir was an", "du tuest ihr was an"]) {
      expect(
        violenceConcepts(sentence).map((c) => c.concept),
        sentence,
      ).toContain("injure");
      expect(violenceConcepts(sentence, conceptsIn(cueBitsOfText(sentence))), sentence).toEqual(
        violenceConcepts(sentence),
      );
    }
    // What may be left out is no anchor: a space or group with "*", "{0,}" or a lazy "??", an optional group of
    // words, a literal all of whose letters are optional; a group of words never stands inside one word.
    for (const [source, bounded, word] of [
      ["\\bkalt *mach\\w*", true, "kaltmachen"],
      ["kalt {0,1}mach", true, "kaltmach"],
      ["xa??b", true, "xb"],
      ["(?:ab|weg){0,}knall\\w*", true, "knallen"],
      ["(?:ja )?verreck", false, "verreck"],
      ["(?:geh sterben|geh verrecken)", false, "geh"],
      ["\\w*(?:messer)?stich", true, "stich"],
      ["e? (?:x|y)+ ?'", true, "xxx"],
    ] as const) {
      const gate = anchorGate([source], bounded);
      expect((gate.bitsOf(word) | gate.ungated) !== 0, `${source}: ${word}`).toBe(true);
    }
    // "die", "der", "in" open no concept of their own.
    expect(conceptsIn(cueBitsOfText("die der das in dem den auf mit"))).toBe(0);
  });
});

describe("the gate of constructions, targets and contexts", () => {
  it("opens for every expression a sentence holds a match of (generated matches)", () => {
    const random = seeded(29);
    const before = ["", "x ", "é", "ñ", "_", "1", "-", "„", "ich sag ", "und dann "];
    const after = ["", " x", "é", "s", ".", "_", "en", "!", " morgen", " und weg"];
    const expressions = [...compiledConstructions, ...compiledTargets, ...compiledContexts];
    const missed: string[] = [];
    let matches = 0;
    expressions.forEach(([name, pattern], k) => {
      for (const alternative of topLevelAlternatives(pattern.source))
        for (let n = 0; n < 100; n++) {
          const text = `${before[random(before.length)]}${generatedMatch(alternative.replace(/^\\b/, ""), random)}${after[random(after.length)]}`;
          const sentence = withoutZuInfix(normaliseText(text).folded);
          if (!pattern.test(sentence)) continue;
          matches++;
          if (((readWords(sentence).gates | CUE_GATE.ungated) & (1 << k)) === 0) missed.push(`${name}: ${text}`);
        }
    });
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(2000);
    // Most sentences open few of them ("morgen" may announce a threat, "wetter" may be small talk).
    const opened = readWords("guten morgen, schönes wetter heute").gates.toString(2).replace(/0/g, "").length;
    expect(opened).toBeLessThanOrEqual(3);
  });
});

describe("the gate of the intent phrases", () => {
  it("opens for every intent expression a text holds a match of (generated matches)", () => {
    const random = seeded(31);
    const before = ["", "x ", "é", "1", "-", "„", "ich sag ", "und dann "];
    const after = ["", " x", "é", "s", ".", "_", "!", " morgen"];
    const missed: string[] = [];
    let matches = 0;
    INTENT_PATTERNS.forEach((pattern, k) => {
      for (const alternative of topLevelAlternatives(pattern.source.slice(5, -3)))
        for (let n = 0; n < 20; n++) {
          const text = `${before[random(before.length)]}${generatedMatch(alternative, random)}${after[random(after.length)]}`;
          const normalised = normaliseText(text);
          if (!pattern.test(normalised.folded)) continue;
          matches++;
          if ((intentGates(normalised) & (1 << k)) === 0) missed.push(`${k}: ${text}`);
        }
    });
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(1000);
    expect(intentGates(normaliseText("Guten Tag, wann öffnet das Amt"))).toBe(0);
  });
});

describe("the intimidation phrases", () => {
  it("are looked for only in texts holding a word one of them needs: the part with the least common words", () => {
    expect(phraseAnchorWords("der anfang")).toEqual(["anfang"]);
    expect(phraseAnchorWords("(?:wenn|dass) (?:\\w+ ){0,4}(?:was|wos|etwas) passiert")).toEqual(["passiert"]);
    expect(phraseAnchorWords("(?:ganz )?allein auf dem (?:parkplatz|heimweg|weg)")).toEqual(["allein$"]);
    // Words followed by a space end there; a prefix stands for the words it starts.
    expect(phraseAnchorWords("sorg\\w* (?:schon )?dafuer")).toEqual(["dafuer"]);
    expect(phraseAnchorWords("nicht mehr (?:heim|nach hause)")).toEqual(["heim", "hause"]);
    // A phrase made only of parts that may be skipped or start with a wildcard cannot be gated: it is refused.
    expect(() => phraseAnchorWords("(?:\\w+ )?(?:ja )?")).toThrow(/anchor/);
    expect(topLevelAlternatives(INTIMIDATION_PHRASE.source.slice(5, -1)).length).toBeGreaterThan(100);
    const bits = (text: string) => cueBitsOf(normaliseText(text));
    expect(bits("Schöner Tag heute, bis bald.") & CUE.phrase).toBe(0);
    expect(bits("Wir finden dich.") & CUE.phrase).not.toBe(0);
    expect(bits("Das ist erst der Anfang") & CUE.phrase).not.toBe(0);
  });

  it("are found by the gated search in every text that holds one, whatever stands around it (generated matches)", () => {
    // Texts generated from each phrase's own expression, with letters, digits and signs glued around it: "\\b" knows
    // only ASCII letters, the word list also "é" and "ı", so "daé" holds "da" for the expression.
    const random = seeded(17);
    const sample = (source: string) => generatedMatch(source, random);
    const before = ["", "x ", "é", "ñ", "ı", "_", "1", "-", "„"];
    const after = ["", " x", "é", "ñ", "s", ".", "_", "en", "!"];
    let phrases = 0;
    const missed: string[] = [];
    for (const alternative of topLevelAlternatives(INTIMIDATION_PHRASE.source.slice(5, -1)))
      for (let k = 0; k < 40; k++) {
        const text = `${before[random(before.length)]}${sample(alternative)}${after[random(after.length)]}`;
        const normalised = normaliseText(text);
        if (!INTIMIDATION_PHRASE.test(normalised.folded)) continue;
        phrases++;
        const bits = cueBitsOf(normalised);
        if ((bits & CUE.phrase) === 0 || !phraseIn(normalised.folded, bits)) missed.push(text);
      }
    expect(missed).toEqual([]);
    expect(phrases).toBeGreaterThan(3000);
    expect(phraseAnchorWords("kalt ?gemacht")).toEqual(["kalt"]);
    // A phrase that holds only once the zu-infix is read away is found too.
    expect(threatFeatures(normaliseText("Wir kommen morgen vorbei, um dir einen Besuch abzustatten.")).names).toContain(
      "k:veiled",
    );
  });

  it("hold one of their words in every text that holds a phrase (development sets and municipal examples)", () => {
    const fixtures = path.join(import.meta.dirname, "..", "..", "..", "test", "fixtures");
    const texts = [
      ...parseLabelledTsv(readFileSync(path.join(fixtures, "municipal-examples.tsv"), "utf8"), "municipal").map(
        (r) => r.text,
      ),
      ...["threats-dev.tsv", "threats-dev-3.tsv", "threats-dev-4.tsv", "groups-dev.tsv", "groups-dev-2.tsv"].flatMap(
        (file) =>
          parseChallengeSet(readFileSync(path.join(fixtures, "challenge", file), "utf8"), file).map((r) => r.text),
      ),
    ];
    let phrases = 0;
    for (const text of texts) {
      const normalised = normaliseText(text, { vocabulary: MASKABLE_WORDS });
      if (!INTIMIDATION_PHRASE.test(normalised.folded)) continue;
      phrases++;
      expect(cueBitsOf(normalised) & CUE.phrase, text).not.toBe(0);
      expect(phraseIn(normalised.folded, cueBitsOf(normalised)), text).toBe(true);
    }
    expect(phrases).toBeGreaterThan(100);
  });

  it("have no anchors or lookarounds, so a sentence holds one only where its whole text does (threatFeatures tests the text once)", () => {
    expect(INTIMIDATION_PHRASE.source).not.toMatch(/[$^]|\(\?[=!<]/);
    expect(INTIMIDATION_PHRASE.source.startsWith("\\b(?:")).toBe(true);
    const found = threatFeatures(normaliseText("Schöner Tag heute. Wir finden dich. Bis bald."));
    expect(found.names).toContain("k:intimidation");
    expect(threatFeatures(normaliseText("Schöner Tag heute. Bis bald.")).names).toEqual([]);
    // Reading away a zu-infix can make a phrase the text did not hold: "einen Besuch abzustatten".
    const visit = threatFeatures(normaliseText("Die Stadt ist tot. Zeit, dem Bürgermeister einen Besuch abzustatten."));
    expect(visit.names).toContain("k:veiled");
  });
});
