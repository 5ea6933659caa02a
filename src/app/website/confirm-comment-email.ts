// The citizen confirms the address given for answer notices (the link from the confirmation e-mail). An
// automatic acknowledgement the question already received follows by e-mail then.
import { and, eq, isNull } from "drizzle-orm";
import { websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";
import { mailAcknowledgement } from "./writeAcknowledgement.js";

export async function confirmCommentEmail(
  ctx: AppContext,
  options: { commentId: string; token: string },
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(websiteComments)
      .set({ emailConfirmedAt: now, emailTokenHash: null })
      .where(
        and(
          eq(websiteComments.id, options.commentId),
          eq(websiteComments.emailTokenHash, digestToken(options.token)),
          isNull(websiteComments.emailConfirmedAt),
        ),
      )
      .returning({ id: websiteComments.id, orgId: websiteComments.orgId, email: websiteComments.email });
    if (!row) throw new AppError("NOT_FOUND", { details: { reason: "link_invalid_or_used" } });
    if (row.email)
      await mailAcknowledgement(tx, {
        orgId: row.orgId,
        commentId: row.id,
        to: row.email,
        now,
        publicUrl: ctx.publicUrl,
      });
  });
}
