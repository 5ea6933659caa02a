// The text-analysis port the inbox calls for every inbound message: intent (does it need an answer?),
// sentiment and moderation signals, with the reasons a person can read. textAnalyser.ts fills it
// (trained classifier, lexicons, threat detector, intent and sentiment rules).
export const INTENTS = ["question", "complaint", "praise", "fact_claim", "other"] as const;
export type Intent = (typeof INTENTS)[number];

export interface TextAnalysis {
  intent: Intent;
  /** -1 (negative) … 1 (positive). */
  sentiment: number;
  /** 0 … 1 each. */
  scores: { question: number; offense: number; threat: number };
  /** A person should look at it before or soon after it shows (insult, threat). */
  flagged: boolean;
  /** OFFENSE/ABUSE/INSULT/PROFANITY (GermEval), THREAT, the intent and the sentiment, upper case. */
  labels: string[];
  /** Why: which rule or words led to the labels, for the people who act on them. */
  reasons: string[];
}

export interface TextAnalyser {
  /** Names the analyser and its version, stored with each result. */
  readonly name: string;
  analyse(text: string): TextAnalysis;
}
