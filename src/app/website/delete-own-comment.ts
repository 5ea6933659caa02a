// A citizen deletes their own comment with the link they received: text, name and address are
// removed at once (a moderator's threat label with its copy of the text too); the place in the thread
// stays ("Kommentar gelöscht") so answers keep their context.
import { and, eq, ne } from "drizzle-orm";
import { websiteComments, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";
import { forgetThreatLabels } from "../moderation/threatLabelRecords.js";
import { updateInboundCopy } from "./commentRecords.js";

export async function deleteOwnComment(
  ctx: AppContext,
  options: { commentId: string; token: string },
): Promise<{ entryId: string }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(websiteComments)
      .set({
        status: "deleted",
        text: "",
        displayName: "",
        email: null,
        emailTokenHash: null,
        deleteTokenHash: null,
        deletedAt: now,
        sessionId: null,
      })
      .where(
        and(
          eq(websiteComments.id, options.commentId),
          eq(websiteComments.deleteTokenHash, digestToken(options.token)),
          ne(websiteComments.status, "deleted"),
        ),
      )
      .returning({ id: websiteComments.id, entryId: websiteComments.entryId });
    if (!row) throw new AppError("NOT_FOUND", { details: { reason: "link_invalid_or_used" } });
    const [entry] = await tx
      .select({ channelAccountId: websiteEntries.channelAccountId })
      .from(websiteEntries)
      .where(eq(websiteEntries.id, row.entryId));
    if (!entry) throw new Error(`website entry ${row.entryId} of comment ${row.id} is missing`);
    // The conversation forgets the name once nothing of the citizen's is left in it.
    await updateInboundCopy(tx, {
      channelAccountId: entry.channelAccountId,
      commentId: row.id,
      set: {
        visibility: "deleted",
        text: "",
        authorName: "",
        authorHandle: "deleted",
        raw: { source: "website", deletedByAuthorAt: now.toISOString() },
      },
      citizenName: { to: "", whenNothingLeft: true },
    });
    await forgetThreatLabels(tx, { channelAccountId: entry.channelAccountId, externalId: row.id });
    return { entryId: row.entryId };
  });
}
