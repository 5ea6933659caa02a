// Moderation cases and the decisions on them. A case opens when the pipeline holds or hides a message,
// flags it, or a person reports it; a moderator decides with an action, always citing a Netiquette clause
// and a reason; a second moderator may confirm or overturn; a citizen's objection (appeal) reopens it.
import { z } from "zod";
import { THREAT_LABELS } from "./threatLabels.js";

export const MODERATION_ACTIONS = [
  "approve",
  "hide",
  "delete",
  "remind",
  "warn",
  "mute",
  "block",
  "report",
  "escalate",
] as const;
export type TModerationAction = (typeof MODERATION_ACTIONS)[number];

export const CASE_STATUSES = ["open", "decided", "reopened"] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

/** What each action does to the message's visibility (null: unchanged). */
export const VISIBILITY_AFTER: Record<TModerationAction, "visible" | "hidden" | "deleted" | null> = {
  approve: "visible",
  hide: "hidden",
  delete: "deleted",
  remind: null,
  warn: null,
  mute: "hidden",
  block: "hidden",
  report: null,
  escalate: null,
};

/** Actions that are carried out on the network itself (where its connector can). */
export const CHANNEL_ACTIONS: readonly TModerationAction[] = ["hide", "delete", "mute", "block", "report"];

export const ZModerationDecision = z.object({
  action: z.enum(MODERATION_ACTIONS),
  /** Every decision cites a clause of the Netiquette in force ("approve" cites the clause it was checked against). */
  clause: z.number().int().min(1).max(99),
  reason: z.string().trim().min(3).max(2000),
  /** "remind" and "warn": the text sent to the citizen (a Netiquette reminder is prefilled in the UI). */
  message: z.string().trim().max(2000).optional(),
  /** "escalate": to whom. */
  escalateTo: z.array(z.uuid()).max(20).optional(),
  /** The moderator's word on whether the message is a threat (kept as a labelled example); absent: not stated. */
  threat: z.enum(THREAT_LABELS).optional(),
});
export type TModerationDecision = z.output<typeof ZModerationDecision>;

export const ZDecisionReview = z.object({
  verdict: z.enum(["confirmed", "overturned"]),
  note: z.string().trim().min(3).max(2000),
});
export const ZAppeal = z.object({ text: z.string().trim().min(3).max(5000) });

export function canDecide(status: TCaseStatus): boolean {
  return status === "open" || status === "reopened";
}

/** A second moderator reviews a decision: never the one who made it, and only a decided case. */
export function reviewRefusal(args: {
  status: TCaseStatus;
  decidedBy: string | null;
  reviewer: string;
}): "not_decided" | "own_decision" | null {
  if (args.status !== "decided") return "not_decided";
  if (args.decidedBy === args.reviewer) return "own_decision";
  return null;
}

/** Queue order: threats first, then what the pipeline hid, then held, then reports; older first within. */
export function casePriority(args: {
  threat: boolean;
  pipelineStatus: "visible" | "held" | "hidden";
  appealed: boolean;
}): number {
  if (args.threat) return 4;
  if (args.appealed) return 3;
  return args.pipelineStatus === "hidden" ? 2 : args.pipelineStatus === "held" ? 1 : 0;
}
