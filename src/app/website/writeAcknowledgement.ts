// The automatic acknowledgement of a citizen's question on the website ("Wir haben Ihre Nachricht
// erhalten …"). It is for the person who asked, not for the public: stored beside the thread, it shows
// only to the session that wrote the comment (get-public-thread.ts) and goes by e-mail to a confirmed
// address — now, or when the address is confirmed later (confirm-comment-email.ts).
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { organisations, websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { duplicateKey } from "../../text/citizenText.js";
import { digestToken } from "../security/tokens.js";
import { queueAcknowledgement } from "./commentEmails.js";
import { loadCommentForStaff } from "./commentRecords.js";

export const ACKNOWLEDGEMENT_LABEL = "Automatische Eingangsbestätigung";

export async function writeAcknowledgement(
  tx: Db | Tx,
  args: { orgId: string; commentId: string; text: string; now: Date; publicUrl: string; answerId: string },
): Promise<{ id: string; entryId: string }> {
  const { comment, entry } = await loadCommentForStaff(tx, args);
  if (comment.status === "deleted" || comment.authorKind !== "citizen")
    throw new AppError("INVALID_TRANSITION", { details: { status: comment.status } });
  const [row] = await tx
    .insert(websiteComments)
    .values({
      id: args.answerId,
      orgId: args.orgId,
      entryId: entry.id,
      parentId: comment.parentId ?? comment.id,
      acknowledgesCommentId: comment.id,
      authorKind: "staff",
      displayName: ACKNOWLEDGEMENT_LABEL,
      text: args.text,
      status: "visible",
      contentHash: digestToken(duplicateKey(args.text)),
      createdAt: args.now,
    })
    .returning({ id: websiteComments.id });
  if (!row) throw new Error("acknowledgement insert returned nothing");
  if (comment.email && comment.emailConfirmedAt)
    await mailAcknowledgement(tx, {
      orgId: args.orgId,
      commentId: comment.id,
      to: comment.email,
      now: args.now,
      publicUrl: args.publicUrl,
    });
  return { id: row.id, entryId: entry.id };
}

/** Queues the acknowledgement of a comment (if it has one) as an e-mail to the comment's author. */
export async function mailAcknowledgement(
  tx: Db | Tx,
  args: { orgId: string; commentId: string; to: string; now: Date; publicUrl: string },
): Promise<void> {
  const [row] = await tx
    .select({
      text: websiteComments.text,
      entryId: websiteComments.entryId,
      org: { id: organisations.id, slug: organisations.slug, name: organisations.name },
    })
    .from(websiteComments)
    .innerJoin(organisations, eq(organisations.id, websiteComments.orgId))
    .where(and(eq(websiteComments.orgId, args.orgId), eq(websiteComments.acknowledgesCommentId, args.commentId)))
    .limit(1);
  if (!row) return;
  await queueAcknowledgement(tx, {
    org: row.org,
    to: args.to,
    text: row.text,
    postUrl: `${args.publicUrl}/p/${row.org.slug}/beitrag/${row.entryId}#kommentar-${args.commentId}`,
    now: args.now,
  });
}
