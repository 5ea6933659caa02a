// The invited person declines through the link, without signing in (a new person has no account yet).
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { openInvitationByToken, recordDecline } from "./invitationRecords.js";

export async function declineInvitationLink(
  ctx: AppContext,
  options: { token: string; requestId?: string },
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const invitation = await openInvitationByToken(tx, { token: options.token, now, forUpdate: true });
    if (!invitation) throw new AppError("INVITATION_INVALID");
    const actor = { userId: null, label: invitation.email, requestId: options.requestId };
    await recordDecline(tx, { invitation, actor, now });
  });
}
