// A citizen deletes their own comment with the link they received: text, name and address are
// removed at once; the place in the thread stays ("Kommentar gelöscht") so answers keep their context.
import { and, eq, ne, sql } from "drizzle-orm";
import { inboundMessages, websiteComments, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";

export async function deleteOwnComment(ctx: AppContext, options: { commentId: string; token: string }): Promise<{ entryId: string }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(websiteComments)
      .set({ status: "deleted", text: "", displayName: "", email: null, emailTokenHash: null, deleteTokenHash: null, deletedAt: now, sessionId: null })
      .where(
        and(
          eq(websiteComments.id, options.commentId),
          eq(websiteComments.deleteTokenHash, digestToken(options.token)),
          ne(websiteComments.status, "deleted"),
        ),
      )
      .returning({ id: websiteComments.id, entryId: websiteComments.entryId });
    if (!row) throw new AppError("NOT_FOUND", { details: { reason: "link_invalid_or_used" } });
    const [entry] = await tx.select({ channelAccountId: websiteEntries.channelAccountId }).from(websiteEntries).where(eq(websiteEntries.id, row.entryId));
    await tx
      .update(inboundMessages)
      .set({ visibility: "deleted", text: "", authorName: "", authorHandle: "deleted", raw: { source: "website", deletedByAuthorAt: now.toISOString() } })
      .where(and(eq(inboundMessages.channelAccountId, entry?.channelAccountId ?? ""), eq(inboundMessages.externalId, row.id)));
    // The conversation forgets the name once nothing of the citizen's is left in it.
    await tx.execute(sql`
      update conversations c set citizen_name = '' where c.id = (
        select m.conversation_id from inbound_messages m where m.channel_account_id = ${entry?.channelAccountId ?? null} and m.external_id = ${row.id})
      and not exists (select 1 from inbound_messages o where o.conversation_id = c.id and o.visibility <> 'deleted')`);
    return { entryId: row.entryId };
  });
}
