// The baseline text analyser: small German word lists and patterns for intent, sentiment and obvious
// insults or threats. Deliberately simple and explainable; the trained classifier of the moderation
// issue replaces it behind the same port (analysis.ts).
import type { Intent, TextAnalyser, TextAnalysis } from "./analysis.js";
import { normaliseText } from "./normalise.js";

const QUESTION_START =
  /^(wann|wo|wie|warum|wieso|weshalb|was|wer|wem|wen|wessen|welche[rsmn]?|woher|wohin|wozu|womit|wieviel|kann|koennen|koennte|darf|duerfen|muss|muessen|gibt|gilt|ist|sind|hat|haben|wird|werden|soll|sollen|bekomme|bekommt)\b/;
const QUESTION_PHRASES = /\b(ich (moechte|wuerde gern|wollte) wissen|weiss jemand|koennen sie mir|bitte um (auskunft|info)|frage mich|meine frage)\b/;
const COMPLAINT =
  /\b(beschwer\w*|unverschaemt\w*|skandal\w*|zumutung|seit (tagen|wochen|monaten)|immer noch nicht|schon wieder|funktioniert nicht|kaputt\w*|defekt\w*|verdreckt\w*|dreckig\w*|laerm\w*|aergerlich\w*|aerger\w*|katastroph\w*|unzumutbar\w*|enttaeusch\w*|niemand (kuemmert|antwortet)|keine antwort)\b/;
const PRAISE = /\b(danke\w*|vielen dank|super|toll\w*|klasse|prima|grossartig\w*|gut gemacht|lob\w*|wunderbar\w*|schoen\w*|freue mich|hervorragend\w*)\b/;
const FACT_CLAIM = /\b(fakt ist|tatsache ist|in wahrheit|in wirklichkeit|laut (studie|statistik|bericht)|bewiesen|beweis\w*|die wahrheit|\d+\s?(%|prozent))\b/;
const POSITIVE = /\b(danke\w*|super|toll\w*|klasse|prima|gut\w*|schoen\w*|freu\w*|hilfreich\w*|wunderbar\w*|grossartig\w*|lob\w*|gerne?)\b/g;
const NEGATIVE =
  /\b(schlecht\w*|mies\w*|aerger\w*|unverschaemt\w*|skandal\w*|kaputt\w*|dreck\w*|laerm\w*|katastroph\w*|enttaeusch\w*|nervig\w*|wuetend\w*|zumutung|unzumutbar\w*|schade|leider|nie|beschwer\w*)\b/g;
/** Words that masked spellings ("A*schl0ch") are restored to before matching. */
export const INSULT_VOCABULARY = ["arschloch", "arsch", "vollidiot", "idiot", "depp", "trottel", "vollpfosten", "penner", "wichser", "spast", "missgeburt", "schwachkopf", "hurensohn", "fotze"];
const collapse = (text: string) => text.replace(/(\p{L})\1+/gu, "$1");
/** The insult words with doubled letters collapsed, matched against the text collapsed the same way ("IDIOOOOT"). */
const INSULT_COLLAPSED = new RegExp(`\\b(${INSULT_VOCABULARY.map(collapse).join("|")})(en|e|s|n)?\\b`);
// Obvious insults from the same word list (with endings; "arsch" alone, not "Arschkälte"), plus "Drecks…";
// the trained classifier (issue 6) catches the rest.
const INSULT = new RegExp(`\\b(${INSULT_VOCABULARY.filter((w) => w !== "arsch").map((w) => `${w}\\w*`).join("|")}|arsch|drecks\\w+)\\b`);
const THREAT =
  /\b(bring\w* (dich|euch|sie|ihn) um|umbringen|abstechen|abknallen|erschiess\w*|aufhaeng\w*|anzuend\w*|abfackeln|in die luft (sprengen|jagen)|kopf ab|gehoert (erschossen|aufgehaengt)|sollte (man )?(erschossen|aufgehaengt)|(tot|sterben) sehen|verrecken)\b/;

function countMatches(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

export function analyseBaseline(text: string): TextAnalysis {
  // Normalised first, so that "Vollidi0t", "A*schl0ch" and "a r s c h" meet the word lists.
  const normalised = normaliseText(text, { vocabulary: INSULT_VOCABULARY });
  const folded = normalised.folded.replace(/\s+/g, " ").trim();
  const reasons: string[] = [];
  const sentences = folded.split(/(?<=[.!?])\s+/);
  const asks = folded.includes("?") || sentences.some((s) => QUESTION_START.test(s)) || QUESTION_PHRASES.test(folded);
  if (folded.includes("?")) reasons.push("question_mark");
  else if (asks) reasons.push("question_words");
  const complaint = COMPLAINT.exec(folded);
  const praise = PRAISE.exec(folded);
  const claim = FACT_CLAIM.exec(folded);
  const insult = INSULT.exec(folded) ?? INSULT_COLLAPSED.exec(collapse(folded));
  const threat = THREAT.exec(folded);
  if (complaint) reasons.push(`complaint:${complaint[0]}`);
  if (praise) reasons.push(`praise:${praise[0]}`);
  if (claim) reasons.push(`fact_claim:${claim[0]}`);
  if (insult) reasons.push(`insult:${insult[0]}`);
  if (threat) reasons.push(`threat:${threat[0]}`);
  if (normalised.signals.deobfuscated > 0) reasons.push("obfuscated_spelling");
  // A question wins: it is what needs an answer; a complaint without a question still wants one.
  const intent: Intent = asks ? "question" : complaint ? "complaint" : claim ? "fact_claim" : praise ? "praise" : "other";
  const positive = countMatches(POSITIVE, folded);
  const negative = countMatches(NEGATIVE, folded) + (insult ? 2 : 0) + (threat ? 3 : 0);
  const sentiment = Math.tanh((positive - negative) / 2);
  const scores = { question: asks ? 0.9 : 0.1, offense: insult ? 0.9 : 0, threat: threat ? 0.95 : 0 };
  return { intent, sentiment: Math.round(sentiment * 100) / 100, scores, flagged: Boolean(insult || threat), reasons };
}

export const baselineAnalyser: TextAnalyser = { name: "baseline-1", analyse: analyseBaseline };
