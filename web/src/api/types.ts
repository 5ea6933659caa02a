// Shapes of the API's answers, as the admin app reads them.
import type { Role } from "../../../src/domain/roles";

// Role names are shared with the server's domain module (it has no dependencies).
export { ROLES, type Role } from "../../../src/domain/roles";

export interface Session {
  user: { id: string; email: string; name: string; locale: string; mustChangePassword: boolean };
  csrfToken: string;
  organisations: { id: string; name: string; slug: string; roles: Role[] }[];
}

export interface Organisation {
  id: string;
  name: string;
  slug: string;
  state: string;
  myRoles: Role[];
  myActions: string[];
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

export interface AddMemberResult {
  userId: string;
  existingAccount: boolean;
  temporaryPassword: string | null;
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
