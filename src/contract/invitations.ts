// Contract of invitations to an organisation: administrators invite, list and withdraw; the invited
// person answers signed in (their open invitations) or through the one-time link (public, by its token).
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../domain/passwordPolicy.js";
import { ROLES } from "../domain/roles.js";
import { ZId, ZOk, ZOrgParams, ZTimestamp } from "./common.js";
import { ZMemberScope } from "./organisation.js";
import type { ContractGroup } from "./route.js";

// ---- Requests ----

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

// ---- Answers ----

const ZRoles = z.array(z.enum(ROLES));

export const ZInvitationCreated = z
  .object({
    invitationId: ZId,
    email: z.string(),
    expiresAt: ZTimestamp,
    /** The one-time link, shown once to the administrator to hand over; only its digest is stored. */
    link: z.string(),
  })
  .meta({ id: "InvitationCreated", description: "The same answer whether or not the address has an account." });

export const ZOrgInvitation = z
  .object({
    id: ZId,
    email: z.string(),
    name: z.string(),
    roles: ZRoles,
    /** null = all departments. */
    departmentIds: z.array(ZId).nullable(),
    /** null = all channel accounts. */
    channelAccountIds: z.array(ZId).nullable(),
    invitedBy: z.string(),
    createdAt: ZTimestamp,
    expiresAt: ZTimestamp,
  })
  .meta({ id: "OrgInvitation" });

export const ZInvitationPreview = z
  .object({
    organisationName: z.string(),
    email: z.string(),
    name: z.string(),
    roles: ZRoles,
    invitedBy: z.string(),
    expiresAt: ZTimestamp,
  })
  .meta({ id: "InvitationPreview", description: "What the invitation page shows to whoever holds the link." });

const tag = "People";

export const invitationsContract = {
  "POST /api/orgs/:orgId/invitations": {
    tag,
    summary: "Invite a person (a one-time link to hand over; they join by accepting)",
    params: ZOrgParams,
    body: ZInviteMember,
    responses: { 201: ZInvitationCreated },
  },
  "GET /api/orgs/:orgId/invitations": {
    tag,
    summary: "The organisation's open invitations",
    params: ZOrgParams,
    responses: { 200: z.object({ invitations: z.array(ZOrgInvitation) }) },
  },
  "POST /api/orgs/:orgId/invitations/revoke": {
    tag,
    summary: "Withdraw an open invitation",
    params: ZOrgParams,
    body: ZRevokeInvitation,
    responses: { 200: ZOk },
  },
  "POST /api/invitation-links/join": {
    tag,
    summary: "Accept through the link while signed in: the signed-in account joins the organisation",
    description:
      "The link is the proof that the invitation reached this person; it must be addressed to the signed-in " +
      "account's e-mail (else DRAHT_ERR_INVITATION_OTHER_ADDRESS).",
    body: ZInvitationLink,
    responses: { 200: z.object({ orgId: ZId }) },
  },
  "POST /api/invitation-links/inspect": {
    tag,
    summary: "What an invitation link invites to (organisation, address, roles)",
    description: "Public, rate limited like the sign-in. The token travels in the body, never in an address.",
    body: ZInvitationLink,
    responses: { 200: ZInvitationPreview },
  },
  "POST /api/invitation-links/accept": {
    tag,
    summary: "Accept through the link with a new password: the account is created and signed in",
    description:
      "Public, rate limited. Sets the session cookie. An address that already has an account is refused " +
      "(DRAHT_ERR_INVITATION_NEEDS_SIGN_IN): its owner signs in and accepts with POST /api/invitation-links/join.",
    body: ZAcceptInvitationLink,
    responses: { 200: ZOk },
  },
  "POST /api/invitation-links/decline": {
    tag,
    summary: "Decline through the link",
    description: "Public, rate limited.",
    body: ZInvitationLink,
    responses: { 200: ZOk },
  },
} as const satisfies ContractGroup;
