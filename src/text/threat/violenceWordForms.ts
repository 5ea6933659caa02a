// What a word with masking characters inside may stand for, as words of violence: the single words of the
// violence verb table and forms it does not spell out (normalise.ts unmasks against them, lexicon.ts filters).
import { VERBS } from "./violenceVerbs.js";

/** Nouns and forms of violence the verb table does not spell out, as a masked spelling may hide them. */
const MORE_FORMS = [
  "kugel",
  "kugeln",
  "kopfschuss",
  "genickschuss",
  "bombe",
  "bomben",
  "messer",
  "knarre",
  "pistole",
  "waffe",
  "sprengstoff",
  "vergewaltigung",
  "vergewaltigen",
  "vergewaltigt",
  "mausetot",
  "totschlagen",
  "totgeschlagen",
  "erstechen",
  "erstochen",
  "erschossen",
  "erschießen",
  "abstechen",
  "abgestochen",
  "umbringen",
  "umgebracht",
  "verrecken",
  "verreckt",
  "krepieren",
  "abfackeln",
  "abgefackelt",
  "anzünden",
  "angezündet",
  "kaputt",
  "töten",
  "getötet",
  "mörder",
  "ermorden",
  "ermordet",
];

/**
 * The single words of the verb table and the extra forms, lower-case, five letters or more: what a word with
 * masking characters inside may stand for (normalise.ts unmasks against them).
 */
export const VIOLENCE_WORD_FORMS: readonly string[] = [
  ...new Set(
    [...VERBS.flatMap((verb) => [verb.inf, verb.p1, verb.part, verb.zu, verb.imp]), ...MORE_FORMS]
      .flatMap((form) => form.toLowerCase().split(/\s+/))
      .filter((word) => !word.includes("{") && word.length >= 5),
  ),
];
