// "Asked again": the same citizen writes a similar text within a window while their earlier question
// is still unanswered. Such a conversation is escalated and marked, so nobody asks twice in vain.
import { textSimilarity } from "../text/similarity.js";

export interface EarlierQuestion {
  text: string;
  receivedAt: Date;
  answered: boolean;
}

export const REPEAT_WINDOW_MS = 14 * 24 * 3_600_000;
export const REPEAT_SIMILARITY = 0.6;

export function isAskedAgain(args: {
  earlier: readonly EarlierQuestion[];
  text: string;
  at: Date;
  windowMs?: number;
  threshold?: number;
}): boolean {
  const windowMs = args.windowMs ?? REPEAT_WINDOW_MS;
  const threshold = args.threshold ?? REPEAT_SIMILARITY;
  return args.earlier.some(
    (q) =>
      !q.answered &&
      args.at.getTime() - q.receivedAt.getTime() <= windowMs &&
      q.receivedAt <= args.at &&
      textSimilarity(q.text, args.text) >= threshold,
  );
}
