// Shapes of the API's answers the admin app shares across areas, taken from the server's contract
// (src/contract/): the app never declares an answer's shape itself.
import type { ZSession } from "@contract/auth";
import type { ZInvitationCreated, ZInvitationPreview, ZOrgInvitation } from "@contract/invitations";
import type { ZAuditEvent, ZDepartment, ZMember, ZOrganisation } from "@contract/organisation";
import type { Wire } from "@contract/route";

// Role names are shared with the server's domain module (it has no dependencies).
export { ROLES, type Role } from "../../../src/domain/roles";

export type Session = Wire<typeof ZSession>;
export type Organisation = Wire<typeof ZOrganisation>;
export type Department = Wire<typeof ZDepartment>;
export type Member = Wire<typeof ZMember>;
export type AuditEvent = Wire<typeof ZAuditEvent>;
/** The answer to an invitation: the same whether or not the address has an account. */
export type InvitationCreated = Wire<typeof ZInvitationCreated>;
export type OrgInvitation = Wire<typeof ZOrgInvitation>;
export type InvitationPreview = Wire<typeof ZInvitationPreview>;
