// Loading a website comment for staff (with what the policy decides on: a comment is part of the
// conversation its inbox copy was threaded into, see inbox/conversationAccess.ts), and keeping the inbox's
// copy of a comment in step with it.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  websiteComments,
  websiteEntries,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { conversationResource } from "../inbox/conversationAccess.js";

/** Joins a website comment to its copy in the inbox (same account, the comment's id as external id). */
export const inboundCopyOf = and(
  eq(inboundMessages.channelAccountId, websiteEntries.channelAccountId),
  eq(inboundMessages.externalId, sql`${websiteComments.id}::text`),
);

/** What the policy is asked about a comment: its conversation's department (none: not routed) and account. */
export function commentResource(orgId: string, row: { account: { id: string }; departmentId: string | null }) {
  return conversationResource({ orgId, departmentId: row.departmentId, channelAccountId: row.account.id });
}

export async function loadCommentForStaff(tx: Db | Tx, args: { orgId: string; commentId: string }) {
  const [row] = await tx
    .select({
      comment: websiteComments,
      entry: websiteEntries,
      account: { id: channelAccounts.id },
      departmentId: conversations.departmentId,
    })
    .from(websiteComments)
    .innerJoin(websiteEntries, eq(websiteEntries.id, websiteComments.entryId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, websiteEntries.channelAccountId))
    .leftJoin(inboundMessages, inboundCopyOf)
    .leftJoin(conversations, eq(conversations.id, inboundMessages.conversationId))
    .where(and(eq(websiteComments.id, args.commentId), eq(websiteComments.orgId, args.orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

type InboundChange = Partial<
  Pick<typeof inboundMessages.$inferInsert, "visibility" | "text" | "authorName" | "authorHandle" | "raw">
>;

/**
 * Applies a change of a comment (its visibility, or the removal of its author data) to the inbound
 * message that carries it in the inbox. With `citizenName`, the conversation's name changes too:
 * `whenNothingLeft` only once every message of the citizen in it is deleted.
 */
export async function updateInboundCopy(
  tx: Db | Tx,
  args: {
    channelAccountId: string;
    commentId: string;
    set: InboundChange;
    citizenName?: { to: string; whenNothingLeft: boolean };
  },
): Promise<void> {
  const [message] = await tx
    .update(inboundMessages)
    .set(args.set)
    .where(
      and(eq(inboundMessages.channelAccountId, args.channelAccountId), eq(inboundMessages.externalId, args.commentId)),
    )
    .returning({ conversationId: inboundMessages.conversationId });
  const conversationId = message?.conversationId;
  if (!args.citizenName || !conversationId) return;
  if (args.citizenName.whenNothingLeft) {
    const [left] = await tx
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.conversationId, conversationId), ne(inboundMessages.visibility, "deleted")))
      .limit(1);
    if (left) return;
  }
  await tx.update(conversations).set({ citizenName: args.citizenName.to }).where(eq(conversations.id, conversationId));
}
