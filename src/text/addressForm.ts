// Form of address in German text: informal ("du", "dich", "dein", "euch", "ihr seid") versus formal
// ("Sie", "Ihnen", "Ihr" in the middle of a sentence). Returns each occurrence with its position, so a
// guideline can flag the form it forbids. Sentence-initial "Sie"/"Ihr" is ambiguous (she/they/her) and is
// counted as formal only when the next word reads like a verb addressed to the reader.

export type AddressForm = "formal" | "informal";

export interface AddressOccurrence {
  form: AddressForm;
  start: number;
  end: number;
  text: string;
}

const INFORMAL = new Set([
  "du",
  "dich",
  "dir",
  "dein",
  "deine",
  "deiner",
  "deinem",
  "deinen",
  "deines",
  "deins",
  "euch",
  "euer",
  "eure",
  "eurer",
  "eurem",
  "euren",
  "eures",
]);
const FORMAL_ANYWHERE = new Set(["Ihnen"]);
const FORMAL_MID_SENTENCE = new Set(["Sie", "Ihr", "Ihre", "Ihrer", "Ihrem", "Ihren", "Ihres"]);
// Verbs after sentence-initial "Sie" that address the reader: "Sie können", "Sie finden", "Sie erreichen".
const VERB_PLURAL = /^(?:\p{Ll}+en|sind|haben|werden|können|möchten|müssen|dürfen|sollten|wollen)$/u;
// "ihr" as informal plural subject is followed by a verb in -t: "ihr seid", "ihr habt", "ihr könnt".
const VERB_SECOND_PLURAL = /^(?:\p{Ll}+t|seid)$/u;
// Words that may precede a pronoun without starting a sentence, although they end in a full stop.
const ABBREVIATIONS = /(?:\b(?:z\.B|bzw|ggf|u\.a|ca|Nr|Str|Dr|evtl|inkl|vgl|usw)\.)$/u;
const WORD = /[\p{L}]+/gu;

export function findAddressForms(text: string): AddressOccurrence[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const found: AddressOccurrence[] = [];
  words.forEach((word, i) => {
    const next = words[i + 1]?.text ?? "";
    const form = classify(word.text, next, startsSentence(text, word.start));
    if (form) found.push({ form, ...word });
  });
  return found;
}

function classify(word: string, next: string, sentenceStart: boolean): AddressForm | null {
  const lower = word.toLowerCase();
  if (INFORMAL.has(lower)) return "informal";
  if (lower === "ihr" && word === "ihr" && VERB_SECOND_PLURAL.test(next)) return "informal";
  if (lower === "ihr" && sentenceStart && VERB_SECOND_PLURAL.test(next)) return "informal";
  if (FORMAL_ANYWHERE.has(word)) return "formal";
  if (FORMAL_MID_SENTENCE.has(word)) {
    if (!sentenceStart) return "formal";
    if (word === "Sie" && VERB_PLURAL.test(next)) return "formal";
  }
  return null;
}

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'„“«»(]+$/u, "");
  if (before === "") return true;
  if (/[:!?\n]$/u.test(before)) return true;
  return before.endsWith(".") && !ABBREVIATIONS.test(before);
}

/** The dominant form of a text, or null when it addresses nobody directly. */
export function dominantAddressForm(text: string): AddressForm | null {
  const occurrences = findAddressForms(text);
  const informal = occurrences.filter((o) => o.form === "informal").length;
  const formal = occurrences.length - informal;
  if (informal === formal) return null;
  return informal > formal ? "informal" : "formal";
}
