// Loading a moderation case for staff (locked for a decision), with its message and channel account, after
// asking the policy about it as part of its conversation (inbox/conversationAccess.ts); and applying a visibility to the message wherever
// it lives (the inbound message, and on the website channel the comment itself).
import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  moderationCases,
  moderationDecisions,
  websiteComments,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { TModerationAction } from "../../domain/moderation/decisions.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { conversationResource } from "../inbox/conversationAccess.js";

export async function loadCase(
  ctx: AppContext,
  tx: Db | Tx,
  args: { actor: OrgActor; orgId: string; caseId: string; action: Action; forUpdate?: boolean },
) {
  const query = tx
    .select({
      case: moderationCases,
      message: inboundMessages,
      account: channelAccounts,
      departmentId: conversations.departmentId,
    })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(and(eq(moderationCases.id, args.caseId), eq(moderationCases.orgId, args.orgId)));
  const [row] = args.forUpdate ? await query.for("update", { of: moderationCases }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  requireAllowed(
    ctx,
    args.actor,
    args.action,
    conversationResource({ orgId: args.orgId, departmentId: row.departmentId, channelAccountId: row.account.id }),
  );
  return row;
}

export type CaseRow = Awaited<ReturnType<typeof loadCase>>;

/** Sets the message's visibility in the inbox and, for a website comment, on the public page. */
export async function applyVisibility(
  tx: Db | Tx,
  row: CaseRow,
  visibility: "visible" | "hidden" | "deleted",
  now: Date,
): Promise<void> {
  await tx.update(inboundMessages).set({ visibility }).where(eq(inboundMessages.id, row.message.id));
  if (row.account.network !== "website") return;
  const [comment] = await tx
    .select({ id: websiteComments.id, moderation: websiteComments.moderation })
    .from(websiteComments)
    .where(and(eq(websiteComments.id, row.message.externalId), eq(websiteComments.orgId, row.case.orgId)));
  if (!comment) return;
  await tx
    .update(websiteComments)
    .set({
      status: visibility,
      moderation: [
        ...comment.moderation,
        {
          phase: "moderator",
          outcome: visibility === "deleted" ? "hidden" : visibility,
          reason: `case:${row.case.id}`,
        },
      ],
      ...(visibility === "deleted" ? { deletedAt: now } : {}),
    })
    .where(eq(websiteComments.id, comment.id));
}

/**
 * Records a decision on a case: the case's latest decision (a new decision clears an earlier review) and
 * a row in its history. Escalating keeps the case open at high priority. Returns the history row's id.
 */
export async function recordCaseDecision(
  tx: Db | Tx,
  args: {
    caseRow: typeof moderationCases.$inferSelect;
    action: TModerationAction;
    clause: number | null;
    netiquetteId: string | null;
    reason: string;
    channelOutcome: string | null;
    actor: { userId: string | null; label: string };
    now: Date;
  },
): Promise<string> {
  const escalating = args.action === "escalate";
  await tx
    .update(moderationCases)
    .set({
      status: escalating ? args.caseRow.status : "decided",
      priority: escalating ? Math.max(args.caseRow.priority, 3) : args.caseRow.priority,
      action: args.action,
      clause: args.clause,
      netiquetteId: args.netiquetteId,
      decidedByUserId: args.actor.userId,
      decidedAt: args.now,
      review: null,
      reviewedByUserId: null,
    })
    .where(eq(moderationCases.id, args.caseRow.id));
  const [decision] = await tx
    .insert(moderationDecisions)
    .values({
      orgId: args.caseRow.orgId,
      caseId: args.caseRow.id,
      kind: "decision",
      action: args.action,
      clause: args.clause,
      reason: args.reason,
      channelOutcome: args.channelOutcome,
      actorUserId: args.actor.userId,
      actorLabel: args.actor.label,
      at: args.now,
    })
    .returning({ id: moderationDecisions.id });
  if (!decision) throw new Error("decision insert returned nothing");
  return decision.id;
}

/** The undecided case of a message, if there is one (the website's comment list decides through it too). */
export async function openCaseOf(tx: Db | Tx, args: { orgId: string; channelAccountId: string; externalId: string }) {
  const [row] = await tx
    .select({ c: moderationCases })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .where(
      and(
        eq(moderationCases.orgId, args.orgId),
        eq(inboundMessages.channelAccountId, args.channelAccountId),
        eq(inboundMessages.externalId, args.externalId),
        ne(moderationCases.status, "decided"),
      ),
    )
    .for("update", { of: moderationCases });
  return row?.c ?? null;
}
