// Input schemas of the invitation use cases, shared with the HTTP routes.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../domain/passwordPolicy.js";
import { ZMemberScope } from "../members/schemas.js";

export const ZInviteMember = ZMemberScope.extend({
  email: z.email().max(254),
  /** The name a new account gets; an existing account keeps its own. */
  name: z.string().trim().min(1).max(120),
});
export type TInviteMember = z.input<typeof ZInviteMember>;

/** The secret part of an invitation link (32 random bytes, base64url). */
export const ZInvitationToken = z.string().regex(/^[\w-]{43}$/, "an invitation token");

export const ZInvitationLink = z.object({ token: ZInvitationToken });
export const ZAcceptInvitationLink = ZInvitationLink.extend({ password: z.string().max(MAX_PASSWORD_LENGTH) });
export const ZRevokeInvitation = z.object({ invitationId: z.uuid() });
