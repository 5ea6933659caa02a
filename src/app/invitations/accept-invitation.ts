// A signed-in person accepts an invitation addressed to their e-mail and joins the organisation.
import { normaliseEmail } from "../../db/queries/people.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { openInvitationFor } from "./invitationRecords.js";
import { joinByInvitation } from "./joinByInvitation.js";

export async function acceptInvitation(
  ctx: AppContext,
  options: { actor: Principal & { userId: string }; email: string; invitationId: string },
): Promise<{ orgId: string }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const invitation = await openInvitationFor(tx, { ...options, email: normaliseEmail(options.email), now });
    // Someone else's invitation looks exactly like none.
    if (!invitation) throw new AppError("NOT_FOUND");
    await joinByInvitation(tx, { invitation, userId: options.actor.userId, actor: options.actor, now });
    return { orgId: invitation.orgId };
  });
}
