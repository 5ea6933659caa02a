// Loading a moderation case for staff (locked for a decision), with its message and channel account, after
// asking the policy about the account's department; and applying a visibility to the message wherever
// it lives (the inbound message, and on the website channel the comment itself).
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, inboundMessages, moderationCases, websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function loadCase(ctx: AppContext, tx: Db | Tx, args: { actor: OrgActor; orgId: string; caseId: string; action: Action; forUpdate?: boolean }) {
  const query = tx
    .select({ case: moderationCases, message: inboundMessages, account: channelAccounts })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
    .where(and(eq(moderationCases.id, args.caseId), eq(moderationCases.orgId, args.orgId)));
  const [row] = args.forUpdate ? await query.for("update", { of: moderationCases }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  requireAllowed(ctx, args.actor, args.action, { orgId: args.orgId, departmentId: row.account.departmentId, channelAccountId: row.account.id });
  return row;
}

export type CaseRow = Awaited<ReturnType<typeof loadCase>>;

/** Sets the message's visibility in the inbox and, for a website comment, on the public page. */
export async function applyVisibility(tx: Db | Tx, row: CaseRow, visibility: "visible" | "hidden" | "deleted", now: Date): Promise<void> {
  await tx.update(inboundMessages).set({ visibility }).where(eq(inboundMessages.id, row.message.id));
  if (row.account.network !== "website") return;
  const [comment] = await tx.select({ id: websiteComments.id, moderation: websiteComments.moderation }).from(websiteComments).where(and(eq(websiteComments.id, row.message.externalId), eq(websiteComments.orgId, row.case.orgId)));
  if (!comment) return;
  await tx
    .update(websiteComments)
    .set({ status: visibility, moderation: [...comment.moderation, { phase: "moderator", outcome: visibility === "deleted" ? "hidden" : visibility, reason: `case:${row.case.id}` }], ...(visibility === "deleted" ? { deletedAt: now } : {}) })
    .where(eq(websiteComments.id, comment.id));
}
