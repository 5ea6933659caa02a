// A new person accepts an invitation through its one-time link by choosing a password: the account
// is created, joins the organisation and is signed in. An address that already has an account is
// refused (its owner signs in and accepts with the same link): the link never sets the password of an account.
import { isUniqueViolation } from "../../db/queries/errors.js";
import { findUserByEmail } from "../../db/queries/people.js";
import { users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import { assertAcceptablePassword } from "../auth/change-password.js";
import { openSession } from "../auth/openSession.js";
import type { AppContext } from "../context.js";
import { openInvitationByToken } from "./invitationRecords.js";
import { joinByInvitation } from "./joinByInvitation.js";

export async function acceptInvitationLink(
  ctx: AppContext,
  options: { token: string; password: string; userAgent?: string; requestId?: string },
): Promise<{ token: string; userId: string }> {
  const found = await openInvitationByToken(ctx.db, { token: options.token, now: ctx.clock() });
  if (!found) throw new AppError("INVITATION_INVALID");
  // The password is judged first, so a weak one is refused alike with and without an account. Whoever holds
  // the link can still tell the two apart by choosing a good password (one creates an account, the other is
  // refused): without a confirmed address draht cannot hide that from the link's holder.
  assertAcceptablePassword(options.password, found.email);
  if (await findUserByEmail(ctx.db, found.email)) throw new AppError("INVITATION_NEEDS_SIGN_IN");
  // Hashed before the transaction: argon2 takes a while and should not hold the invitation's lock.
  const passwordHash = await ctx.passwords.hash(options.password);
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      const invitation = await openInvitationByToken(tx, { token: options.token, now, forUpdate: true });
      if (!invitation) throw new AppError("INVITATION_INVALID");
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: invitation.name, passwordHash, createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned nothing");
      const actor = { userId: user.id, label: invitation.email, requestId: options.requestId };
      await joinByInvitation(tx, { invitation, userId: user.id, actor, now });
      await auditPersonEvent(tx, { userId: user.id, actor, action: "auth.login", occurredAt: now });
      return {
        token: await openSession(tx, ctx, { userId: user.id, userAgent: options.userAgent, now }),
        userId: user.id,
      };
    });
  } catch (error) {
    // The address got an account in the meantime.
    if (isUniqueViolation(error)) throw new AppError("INVITATION_NEEDS_SIGN_IN", { cause: error });
    throw error;
  }
}
