// Loading a website comment for staff (with the channel account and department the policy decides on),
// and keeping the inbox's copy of a comment in step with it.
import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  websiteComments,
  websiteEntries,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";

export async function loadCommentForStaff(tx: Db | Tx, args: { orgId: string; commentId: string }) {
  const [row] = await tx
    .select({
      comment: websiteComments,
      entry: websiteEntries,
      account: { id: channelAccounts.id, departmentId: channelAccounts.departmentId },
    })
    .from(websiteComments)
    .innerJoin(websiteEntries, eq(websiteEntries.id, websiteComments.entryId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, websiteEntries.channelAccountId))
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
