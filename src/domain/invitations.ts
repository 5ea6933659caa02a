// Rules of invitations to an organisation: how long a link stays valid and when an invitation can
// still be answered. Time is a parameter.

/** A week: long enough to hand the link over, short enough that a forgotten one does not linger. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export const INVITATION_OUTCOMES = ["accepted", "declined", "revoked", "replaced"] as const;
export type InvitationOutcome = (typeof INVITATION_OUTCOMES)[number];

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_TTL_MS);
}

/** Open: neither answered, withdrawn nor replaced, and not yet expired. */
export function isOpenInvitation(invitation: { answeredAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return invitation.answeredAt === null && invitation.expiresAt > now;
}
