// A signed-in person declines an invitation addressed to their e-mail (the link can do the same, so
// a decline does not tell the organisation that the address has an account).
import { normaliseEmail } from "../../db/queries/people.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { openInvitationFor, recordDecline } from "./invitationRecords.js";

export async function declineInvitation(
  ctx: AppContext,
  options: { actor: Principal & { userId: string }; email: string; invitationId: string },
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const invitation = await openInvitationFor(tx, { ...options, email: normaliseEmail(options.email), now });
    if (!invitation) throw new AppError("NOT_FOUND");
    await recordDecline(tx, { invitation, actor: options.actor, now });
  });
}
