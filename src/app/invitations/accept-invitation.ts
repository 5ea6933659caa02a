// A signed-in person accepts an invitation through its link and joins the organisation. The link is the
// proof that the invitation reached this person: an address alone proves nothing (draht does not confirm
// addresses, so whoever holds one invitation's link could otherwise have made an account for an address and
// picked up every later invitation to it). The link must also be addressed to the signed-in account.
import { normaliseEmail } from "../../db/queries/people.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { openInvitationByToken } from "./invitationRecords.js";
import { joinByInvitation } from "./joinByInvitation.js";

export async function acceptInvitation(
  ctx: AppContext,
  options: { actor: Principal & { userId: string }; email: string; token: string },
): Promise<{ orgId: string }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const invitation = await openInvitationByToken(tx, { token: options.token, now, forUpdate: true });
    if (!invitation) throw new AppError("INVITATION_INVALID");
    if (invitation.email !== normaliseEmail(options.email)) throw new AppError("INVITATION_OTHER_ADDRESS");
    await joinByInvitation(tx, { invitation, userId: options.actor.userId, actor: options.actor, now });
    return { orgId: invitation.orgId };
  });
}
