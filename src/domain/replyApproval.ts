// Whether a reply needs a Freigabe before it goes out: never, always, or when the conversation or the
// reply touches one of the organisation's sensitive keywords (e.g. "Wahl", "Partei", "Flüchtling").
import { keywordMatches } from "./routing.js";

export const REPLY_APPROVAL_MODES = ["none", "keywords", "all"] as const;
export type ReplyApprovalMode = (typeof REPLY_APPROVAL_MODES)[number];

export function replyNeedsApproval(args: {
  mode: ReplyApprovalMode;
  keywords: readonly string[];
  replyText: string;
  citizenTexts: readonly string[];
}): boolean {
  if (args.mode === "all") return true;
  if (args.mode === "none" || args.keywords.length === 0) return false;
  return [args.replyText, ...args.citizenTexts].some((text) => keywordMatches(args.keywords, text));
}
