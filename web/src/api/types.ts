// Shapes of the API's answers, as the admin app reads them.
import type { Role } from "../../../src/domain/roles";

// Role names are shared with the server's domain module (it has no dependencies).
export { ROLES, type Role } from "../../../src/domain/roles";

export interface Session {
  user: { id: string; email: string; name: string; locale: string; mustChangePassword: boolean };
  csrfToken: string;
  organisations: { id: string; name: string; slug: string; roles: Role[] }[];
  /** Where the start page goes: the organisation last opened, else the one with the most members. */
  homeOrganisationId: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  slug: string;
  state: string;
  /** IANA time zone every date and time of the organisation is shown in (default Europe/Berlin). */
  timeZone: string;
  myRoles: Role[];
  myActions: string[];
  /** What the person's membership is limited to; null: not limited (the whole organisation). */
  myScope: { departmentIds: string[] | null; channelAccountIds: string[] | null };
}

export interface Department {
  id: string;
  name: string;
  shortName: string | null;
  limitedMembers: number;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  departmentIds: string[] | null;
  channelAccountIds: string[] | null;
  activeWindow: { timeZone: string; days: number[]; from: string; to: string } | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

/** The answer to an invitation: the same whether or not the address has an account. */
export interface InvitationCreated {
  invitationId: string;
  email: string;
  expiresAt: string;
  /** The one-time link, shown once to the administrator to hand over. */
  link: string;
}

export interface OrgInvitation {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  departmentIds: string[] | null;
  channelAccountIds: string[] | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface MyInvitation {
  id: string;
  orgId: string;
  organisationName: string;
  timeZone: string;
  roles: Role[];
  invitedBy: string;
  expiresAt: string;
}

export interface InvitationPreview {
  organisationName: string;
  email: string;
  name: string;
  roles: Role[];
  invitedBy: string;
  expiresAt: string;
}

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  hash: string;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBeforeSeq?: number;
}
