// The life of a post: draft → in review (Freigabe) → scheduled → published, with changes requested,
// rejection, withdrawal, failure and manual retry. And the approval rules: which steps a post needs
// and who may take the next one. Pure: no I/O, no clock.
import { AppError } from "./errors.js";
import type { Action, Role } from "./roles.js";

/** Posts after the first in one thread (the #24hPolizei marathon posted threads of up to a dozen). */
export const MAX_THREAD_PARTS = 24;

export const POST_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "rejected",
  "scheduled",
  "published",
  "failed",
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const CONTENT_TYPES = ["post", "campaign_template", "campaign_free"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const APPROVAL_MODES = ["none", "single", "four_eyes", "chain"] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** Who may take an approval step: anyone allowed to approve, a department head of the post's department, or the press office. */
export type ApprovalStep = "any_approver" | "department_head" | "press_office";

export type PostEvent =
  | "edit"
  | "submit_for_review"
  | "submit_without_review"
  | "approve_step"
  | "approve_final"
  | "request_changes"
  | "reject"
  | "withdraw"
  | "reschedule"
  | "published"
  | "failed"
  | "retry";

const TRANSITIONS: Record<PostEvent, Partial<Record<PostStatus, PostStatus>>> = {
  edit: { draft: "draft", changes_requested: "changes_requested" },
  submit_for_review: { draft: "in_review", changes_requested: "in_review" },
  submit_without_review: { draft: "scheduled", changes_requested: "scheduled" },
  approve_step: { in_review: "in_review" },
  approve_final: { in_review: "scheduled" },
  request_changes: { in_review: "changes_requested" },
  reject: { in_review: "rejected" },
  withdraw: { in_review: "draft", scheduled: "draft", failed: "draft", changes_requested: "draft" },
  reschedule: { scheduled: "scheduled", draft: "draft", changes_requested: "changes_requested" },
  published: { scheduled: "published" },
  failed: { scheduled: "failed" },
  retry: { failed: "scheduled" },
};

export function nextStatus(current: PostStatus, event: PostEvent): PostStatus {
  const next = TRANSITIONS[event][current];
  if (!next) throw new AppError("INVALID_TRANSITION", { details: { status: current, event } });
  return next;
}

export function canTransition(current: PostStatus, event: PostEvent): boolean {
  return TRANSITIONS[event][current] !== undefined;
}

const MODE_STEPS: Record<ApprovalMode, ApprovalStep[]> = {
  none: [],
  single: ["any_approver"],
  four_eyes: ["any_approver", "any_approver"],
  chain: ["department_head", "press_office"],
};
const STRICTNESS: ApprovalMode[] = ["none", "single", "four_eyes", "chain"];

/** A post going to several accounts needs the strictest approval any of them asks for. */
export function strictestMode(modes: readonly ApprovalMode[]): ApprovalMode {
  return modes.reduce<ApprovalMode>((a, b) => (STRICTNESS.indexOf(b) > STRICTNESS.indexOf(a) ? b : a), "none");
}

/**
 * The rights submitting asks of the author. A post that goes to approval asks only for the right to submit:
 * it goes out through an approver's decision, not the author's, with or without a time set. A post that goes
 * straight out (no approval) asks for the right to publish now, or to schedule for a later time.
 */
export function actionsToSubmit(args: { mode: ApprovalMode; immediately: boolean }): Action[] {
  if (args.mode !== "none") return ["post.submit"];
  return ["post.submit", args.immediately ? "post.publish" : "post.schedule"];
}

export function stepsOf(mode: ApprovalMode): ApprovalStep[] {
  return MODE_STEPS[mode];
}

export interface ApprovalSoFar {
  userId: string;
  step: number;
}

export type ApproveRefusal = "own_post" | "already_approved" | "step_role" | "no_step";

/**
 * May this person take the next approval step? Authors never approve their own post, and nobody
 * approves twice (four eyes means two different people).
 */
export function checkApprover(args: {
  mode: ApprovalMode;
  approvals: readonly ApprovalSoFar[];
  authorUserId: string;
  approverUserId: string;
  approverRoles: readonly Role[];
}): { ok: true; step: number; final: boolean } | { ok: false; reason: ApproveRefusal } {
  const steps = stepsOf(args.mode);
  const step = args.approvals.length;
  const required = steps[step];
  if (!required) return { ok: false, reason: "no_step" };
  if (args.approverUserId === args.authorUserId) return { ok: false, reason: "own_post" };
  if (args.approvals.some((a) => a.userId === args.approverUserId)) return { ok: false, reason: "already_approved" };
  if (!rolesFit(required, args.approverRoles)) return { ok: false, reason: "step_role" };
  return { ok: true, step, final: step === steps.length - 1 };
}

function rolesFit(step: ApprovalStep, roles: readonly Role[]): boolean {
  if (step === "department_head") return roles.includes("department_head") || roles.includes("administrator");
  if (step === "press_office") return roles.includes("press_office") || roles.includes("administrator");
  return true;
}

/**
 * The content type of a campaign post: unchanged text of a pre-approved template takes the fast lane
 * ("campaign_template"); anything written or edited freely is "campaign_free".
 */
export function campaignContentType(args: { templateText: string | null; text: string }): ContentType {
  const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
  return args.templateText !== null && normalise(args.templateText) === normalise(args.text)
    ? "campaign_template"
    : "campaign_free";
}
