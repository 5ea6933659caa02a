// Intent of a citizen's message: a question (it needs an answer), a complaint, praise, a fact claim or
// other, from German patterns on the folded text, with a score per intent and the words that decided.
// A question wins over the rest: it is what needs an answer.
import type { Intent } from "./analysis.js";
import type { NormalisedText } from "./normalise.js";
import { anchorGate } from "./patternSource.js";
import { bitsOfWords } from "./wordFacts.js";

/** A question word at the start of the text or of a sentence. */
const QUESTION_START =
  /(?:^|[.!?]\s+)(?:wann|wo|wie|warum|wieso|weshalb|was|wer|wem|wen|wessen|welche[rsmn]?|woher|wohin|wozu|womit|wieviel|wie viel|kann|kann man|koennen|koennte|koennten|darf|duerfen|muss|muessen|gibt|gilt|ist|sind|hat|haben|wird|werden|soll|sollen|bekomme|bekommt|braucht|brauche|stimmt)\b/;
const QUESTION_PHRASES =
  /\b(?:ich (?:moechte|wuerde gern|wuerde gerne|wollte) wissen|weiss jemand|koennen sie mir|koennten sie mir|bitte um (?:auskunft|info|rueckmeldung|antwort)|frage mich|meine frage|ich habe eine frage|wer ist zustaendig|an wen (?:kann|muss) ich mich wenden)\b/;
const COMPLAINT =
  /\b(?:beschwer\w*|unverschaemt\w*|skandal\w*|zumutung|seit (?:tagen|wochen|monaten|jahren)|immer noch nicht|schon wieder|funktioniert nicht|geht nicht|kaputt\w*|defekt\w*|verdreckt\w*|dreckig\w*|vermuellt\w*|laerm\w*|aergerlich\w*|aerger\w*|katastroph\w*|unzumutbar\w*|enttaeusch\w*|niemand (?:kuemmert|antwortet|reagiert)|keine antwort|nicht erreichbar|unmoeglich\w*|frechheit|saustall|schlamperei|miserabel\w*|stinkt|stinken|gefaehrlich\w*)\b/;
const PRAISE =
  /\b(?:danke\w*|vielen dank|super|toll\w*|klasse|prima|grossartig\w*|gut gemacht|lob\w*|wunderbar\w*|schoen\w*|freue mich|freuen uns|hervorragend\w*|spitze|weiter so|respekt|bravo|vorbildlich\w*|gelungen\w*)\b/;
const FACT_CLAIM =
  /\b(?:fakt ist|tatsache ist|in wahrheit|in wirklichkeit|laut (?:studie|statistik|bericht|umfrage)|bewiesen|nachweislich|beweis\w*|die wahrheit|die stadt verschweigt|verschwieg\w*|wurde verschwiegen|jeder weiss)\b/;
/** Figures as claims ("90 %", "3 Millionen"): no word to gate on, a digit first. */
const FACT_FIGURES = /\b(?:\d+\s?(?:%|prozent)|\d+ (?:millionen|euro|mio))\b/;

/**
 * The phrase expressions, each tried only where the text holds one of its anchor words (patternSource.ts): bit k
 * of a word's `intents` in wordFacts.
 */
export const INTENT_PATTERNS = [QUESTION_PHRASES, COMPLAINT, PRAISE, FACT_CLAIM] as const;
const INTENT_GATE = anchorGate(INTENT_PATTERNS.map((pattern) => pattern.source));

/** Which intent expressions can hold a word of the text (bits in INTENT_PATTERNS' order), each word decided once. */
export function intentGates(normalised: Pick<NormalisedText, "words" | "wordFacts">): number {
  return INTENT_GATE.ungated | bitsOfWords(normalised.words, normalised.wordFacts, "intents", INTENT_GATE.bitsOf);
}

/** The first match of the expression where the gate lets it be tried. */
const tried = (gates: number, k: number, text: string) =>
  (gates & (1 << k)) !== 0 ? (INTENT_PATTERNS[k] as RegExp).exec(text) : null;

export interface IntentResult {
  intent: Intent;
  /** 0 … 1 per intent. */
  scores: Record<Intent, number>;
  reasons: string[];
}

/** On a normalised text's folded form (lower case, umlauts folded, whitespace collapsed). */
export function detectIntent(normalised: Pick<NormalisedText, "folded" | "words" | "wordFacts">): IntentResult {
  const text = normalised.folded;
  const gates = intentGates(normalised);
  const reasons: string[] = [];
  const questionMark = text.includes("?");
  const questionWords = QUESTION_START.test(text) || tried(gates, 0, text) !== null;
  if (questionMark) reasons.push("question_mark");
  else if (questionWords) reasons.push("question_words");
  const complaint = tried(gates, 1, text);
  const praise = tried(gates, 2, text);
  // The claim that comes first, in words or in figures.
  const words = tried(gates, 3, text);
  const figures = FACT_FIGURES.exec(text);
  const claim = words && (!figures || words.index <= figures.index) ? words : figures;
  if (complaint) reasons.push(`complaint:${complaint[0]}`);
  if (praise) reasons.push(`praise:${praise[0]}`);
  if (claim) reasons.push(`fact_claim:${claim[0]}`);
  // A question mark after a statement full of complaint is often rhetorical; it still needs an answer.
  const question = questionMark && questionWords ? 0.95 : questionMark ? 0.85 : questionWords ? 0.7 : 0.05;
  const scores: Record<Intent, number> = {
    question,
    complaint: complaint ? 0.8 : 0.05,
    praise: praise ? (complaint ? 0.4 : 0.8) : 0.05,
    fact_claim: claim ? 0.7 : 0.05,
    other: 0.3,
  };
  const intent: Intent =
    question >= 0.5 ? "question" : complaint ? "complaint" : claim ? "fact_claim" : praise ? "praise" : "other";
  return { intent, scores, reasons };
}
