// The administration's answer under a citizen comment on the website channel (the website channel's
// reply): under the organisation's label, publishing a held comment, telling a citizen with a confirmed
// address. Used by the inbox's reply delivery for website conversations.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { organisations, websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { duplicateKey } from "../../text/citizenText.js";
import { digestToken } from "../security/tokens.js";
import { queueAnswerNotice } from "./commentEmails.js";
import { loadCommentForStaff, updateInboundCopy } from "./commentRecords.js";
import { websiteSettingsOf } from "./publicOrg.js";

/**
 * Writes the administration's answer under a citizen comment (the website channel's reply): under the
 * organisation's label, publishing a held comment, and telling a citizen with a confirmed address.
 * `answerId` makes it idempotent when the inbox sends it.
 */
export async function writeStaffAnswer(
  tx: Db | Tx,
  args: {
    orgId: string;
    commentId: string;
    text: string;
    userId: string | null;
    now: Date;
    publicUrl: string;
    answerId?: string;
  },
): Promise<{ id: string; entryId: string }> {
  const { comment, entry, account } = await loadCommentForStaff(tx, args);
  if (comment.status === "deleted" || comment.authorKind !== "citizen")
    throw new AppError("INVALID_TRANSITION", { details: { status: comment.status } });
  const settings = await websiteSettingsOf(tx, args.orgId);
  const [answer] = await tx
    .insert(websiteComments)
    .values({
      ...(args.answerId ? { id: args.answerId } : {}),
      orgId: args.orgId,
      entryId: entry.id,
      parentId: comment.parentId ?? comment.id,
      authorKind: "staff",
      displayName: settings.answerLabel,
      staffUserId: args.userId,
      text: args.text,
      status: "visible",
      contentHash: digestToken(duplicateKey(args.text)),
      createdAt: args.now,
    })
    .returning({ id: websiteComments.id });
  if (!answer) throw new Error("answer insert returned nothing");
  // Answering a held comment publishes it: an answer to an invisible question would make no sense.
  if (comment.status === "held") {
    await tx.update(websiteComments).set({ status: "visible" }).where(eq(websiteComments.id, comment.id));
    await updateInboundCopy(tx, {
      channelAccountId: account.id,
      commentId: comment.id,
      set: { visibility: "visible" },
    });
  }
  if (comment.email && comment.emailConfirmedAt) {
    const [org] = await tx
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, args.orgId));
    if (org)
      await queueAnswerNotice(tx, {
        org,
        to: comment.email,
        postUrl: `${args.publicUrl}/p/${org.slug}/beitrag/${entry.id}#kommentar-${answer.id}`,
        now: args.now,
      });
  }
  return { id: answer.id, entryId: entry.id };
}
