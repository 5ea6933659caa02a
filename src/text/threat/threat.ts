// The threat detector: threats of violence, calls for violence, death wishes and intimidation. The
// violence lexicon and the German constructions (threatFeatures.ts) describe each sentence; the trained
// model (threatModel.ts) weighs them with the offensive-language score, so negation, reports,
// counter-speech, questions and the contexts of fiction, history, food and sport lower the score by what
// they weigh, not by a fixed rule. The reasons name the violence concept, the construction and the target.
import type { NormalisedText } from "../normalise.js";
import type { Construction, TargetKind } from "./threatCues.js";
import { type SentenceFinding, threatFeatures } from "./threatFeatures.js";
import type { ThreatScorer } from "./threatModel.js";
import type { ViolenceConcept } from "./violenceLexicon.js";

export type ThreatKind = "violence" | "death_wish" | "call_to_violence" | "intimidation";

export interface ThreatMatch {
  kind: ThreatKind;
  /** The violence words as matched (folded), or the intimidating words. */
  text: string;
  concept: ViolenceConcept | null;
  construction: Construction | null;
  target: TargetKind | null;
  negated: boolean;
  quoted: boolean;
}

export interface ThreatResult {
  /** 0 … 1. */
  score: number;
  kind: ThreatKind | null;
  matches: ThreatMatch[];
  /**
   * Readable reasons: "threat:violence:stech dich ab" (the words), "threat_why:kill:first_person:addressee"
   * (concept, construction, target), "threat:negated:…", "threat:quoted:…".
   */
  reasons: string[];
  /** The model's features, for training and evaluation. */
  features: string[];
}

/** The construction that says most about what kind of threat a sentence is. */
const CONSTRUCTION_ORDER: Construction[] = [
  "legalise",
  "call_to_others",
  "wish",
  "conditional",
  "intimidation",
  "veiled",
  "first_person",
  "should_must",
  "future_intent",
];
const TARGET_ORDER: TargetKind[] = [
  "addressee",
  "family",
  "official",
  "group",
  "building",
  "vehicle",
  "person",
  "self",
];
const CONCEPT_ORDER: ViolenceConcept[] = [
  "kill",
  "sexual",
  "torture",
  "explosive",
  "arson",
  "injure",
  "weapon",
  "property",
  "death",
  "harm_wish",
];

function kindOf(
  finding: SentenceFinding,
  concept: ViolenceConcept | null,
  construction: Construction | null,
): ThreatKind {
  if (!concept) return "intimidation";
  if (construction === "call_to_others" || construction === "legalise") return "call_to_violence";
  if (construction === "wish" || concept === "death" || concept === "harm_wish") return "death_wish";
  if (construction === "should_must" && !finding.constructions.includes("first_person")) return "call_to_violence";
  if ((construction === "intimidation" || construction === "veiled") && concept === "property") return "intimidation";
  return "violence";
}

function matchOf(finding: SentenceFinding): ThreatMatch {
  const concepts = new Set(finding.concepts.map((c) => c.concept));
  const concept = CONCEPT_ORDER.find((c) => concepts.has(c)) ?? null;
  const construction = CONSTRUCTION_ORDER.find((k) => finding.constructions.includes(k)) ?? null;
  const target = TARGET_ORDER.find((t) => finding.targets.includes(t)) ?? null;
  const hit = finding.concepts.find((c) => c.concept === concept);
  return {
    kind: kindOf(finding, concept, construction),
    text: hit?.text ?? finding.sentence.slice(0, 60),
    concept,
    construction,
    target,
    negated: finding.negated,
    quoted: finding.quoted,
  };
}

export function detectThreat(
  normalised: Pick<NormalisedText, "folded" | "signals" | "words" | "wordFacts">,
  modelSignal: { offense: number },
  scorer: ThreatScorer,
): ThreatResult {
  const found = threatFeatures(normalised);
  if (found.names.length === 0) return { score: 0, kind: null, matches: [], reasons: [], features: [] };
  const score = scorer.score(found.names, modelSignal.offense);
  const matches = found.sentences.map(matchOf);
  // Emoji alone ("🔪🔪 bist du dran"): the emoji stand for the violence.
  if (matches.every((m) => m.concept === null) && found.emoji.length > 0) {
    const first = found.emoji[0] as { emoji: string; concept: ViolenceConcept };
    const target = matches.find((m) => m.target)?.target ?? null;
    matches.push({
      kind: "violence",
      text: found.emoji.map((e) => e.emoji).join(""),
      concept: first.concept,
      construction: matches[0]?.construction ?? null,
      target,
      negated: false,
      quoted: false,
    });
  }
  const reasons: string[] = [];
  for (const m of matches) {
    reasons.push(`threat:${m.negated ? "negated:" : ""}${m.quoted ? "quoted:" : ""}${m.kind}:${m.text}`);
    if (!m.negated && !m.quoted)
      reasons.push(`threat_why:${m.concept ?? "none"}:${m.construction ?? "none"}:${m.target ?? "none"}`);
  }
  const strongest = matches.find((m) => !m.negated && !m.quoted) ?? null;
  return {
    score: Math.round(score * 1000) / 1000,
    kind: score >= 0.5 ? (strongest?.kind ?? matches[0]?.kind ?? null) : (strongest?.kind ?? null),
    matches,
    reasons,
    features: found.names,
  };
}
