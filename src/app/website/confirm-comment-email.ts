// The citizen confirms the address given for answer notices (the link from the confirmation e-mail).
import { and, eq, isNull } from "drizzle-orm";
import { websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";

export async function confirmCommentEmail(
  ctx: AppContext,
  options: { commentId: string; token: string },
): Promise<void> {
  const [row] = await ctx.db
    .update(websiteComments)
    .set({ emailConfirmedAt: ctx.clock(), emailTokenHash: null })
    .where(
      and(
        eq(websiteComments.id, options.commentId),
        eq(websiteComments.emailTokenHash, digestToken(options.token)),
        isNull(websiteComments.emailConfirmedAt),
      ),
    )
    .returning({ id: websiteComments.id });
  if (!row) throw new AppError("NOT_FOUND", { details: { reason: "link_invalid_or_used" } });
}
