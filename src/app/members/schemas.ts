// Input schemas for member (user account + membership) use cases, shared with the HTTP routes.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../domain/passwordPolicy.js";
import { ROLES } from "../../domain/roles.js";
import { ZWeeklyWindow } from "../../domain/schedule.js";

export const ZMemberScope = z.object({
  roles: z
    .array(z.enum(ROLES))
    .min(1)
    .max(ROLES.length)
    .transform((roles) => [...new Set(roles)]),
  /** null = all departments; a list (possibly empty) limits the membership to those. */
  departmentIds: z.array(z.uuid()).max(500).nullable().default(null),
  /** null = all channel accounts; a list (possibly empty) limits the membership to those. */
  channelAccountIds: z.array(z.uuid()).max(500).nullable().default(null),
  activeWindow: ZWeeklyWindow.nullable().default(null),
});

export const ZAddMember = ZMemberScope.extend({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  /** Omitted: a temporary password is generated and shown once. */
  initialPassword: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});
export type TAddMember = z.input<typeof ZAddMember>;

export const ZUpdateMember = ZMemberScope.partial().extend({
  name: z.string().trim().min(1).max(120).optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateMember = z.input<typeof ZUpdateMember>;
