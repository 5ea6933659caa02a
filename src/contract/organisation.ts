// Contract of an organisation: itself (its time zone), its office hours, its departments, its people and its audit trail.
import { z } from "zod";
import { ACTIONS, ROLES } from "../domain/roles.js";
import { ZWeeklyWindow } from "../domain/schedule.js";
import { ZOfficeSchedule } from "../domain/slaClock.js";
import { isTimeZone } from "../domain/zonedTime.js";
import { ZDay, ZId, ZOk, ZOrgParams, ZTimestamp } from "./common.js";
import { type ContractGroup, noContent } from "./route.js";

// ---- Requests ----

export const ZDepartmentInput = z.object({
  name: z.string().trim().min(2).max(120),
  shortName: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type TDepartmentInput = z.input<typeof ZDepartmentInput>;

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

export const ZUpdateMember = ZMemberScope.partial().extend({
  name: z.string().trim().min(1).max(120).optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateMember = z.input<typeof ZUpdateMember>;

/** The organisation's own settings: its time zone (IANA name), in which every date and time is shown. */
export const ZOrganisationSettings = z.object({
  timeZone: z.string().min(1).max(64).refine(isTimeZone, "unknown time zone"),
});

export const ZAuditQuery = z.object({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

// ---- Answers ----

export const ZOrganisation = z
  .object({
    id: ZId,
    slug: z.string(),
    name: z.string(),
    /** Bundesland code (public holidays). */
    state: z.string(),
    timeZone: z.string(),
    officeSchedule: ZOfficeSchedule.nullable(),
    createdAt: ZTimestamp,
    myRoles: z.array(z.enum(ROLES)),
    /** What the caller may do here now (roles, scope and time window considered). */
    myActions: z.array(z.enum(ACTIONS)),
    /** What the caller's membership is limited to; null: not limited (the whole organisation). */
    myScope: z.object({ departmentIds: z.array(ZId).nullable(), channelAccountIds: z.array(ZId).nullable() }),
  })
  .meta({ id: "Organisation" });

export const ZOfficeScheduleView = z
  .object({
    schedule: ZOfficeSchedule,
    /** No schedule of its own yet: the default town-hall hours apply. */
    isDefault: z.boolean(),
    timeZone: z.string(),
    state: z.string(),
    daysOff: z.array(z.object({ date: ZDay, name: z.string(), kind: z.enum(["holiday", "closing_day"]) })),
    nextOpening: ZTimestamp,
  })
  .meta({ id: "OfficeScheduleView" });

const ZDepartmentRecord = z.object({
  id: ZId,
  name: z.string(),
  shortName: z.string().nullable(),
  createdAt: ZTimestamp,
});
export const ZDepartment = ZDepartmentRecord.extend({
  /** Members limited to this department. */
  limitedMembers: z.number().int(),
}).meta({ id: "Department" });

export const ZMember = z
  .object({
    userId: ZId,
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    /** null = all departments. */
    departmentIds: z.array(ZId).nullable(),
    /** null = all channel accounts. */
    channelAccountIds: z.array(ZId).nullable(),
    activeWindow: ZWeeklyWindow.nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: ZTimestamp,
  })
  .meta({ id: "Member" });

export const ZAuditEvent = z
  .object({
    id: ZId,
    seq: z.number().int(),
    occurredAt: ZTimestamp,
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.unknown(),
    /** HMAC-SHA-256 under the installation's audit key over the event and the hash before it (the chain). */
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });

const ZDepartmentParams = ZOrgParams.extend({ departmentId: z.uuid() });
const ZMemberParams = ZOrgParams.extend({ userId: z.uuid() });
/** The first steps of setting up an organisation, in the order they are best taken. */
export const SETUP_STEPS = [
  "channel",
  "officeHours",
  "netiquette",
  "guideline",
  "colleagues",
  "routing",
  "targets",
] as const;

export const ZSetupChecklist = z.object({
  steps: z.array(z.object({ step: z.enum(SETUP_STEPS), done: z.boolean() })),
  done: z.number().int(),
  total: z.number().int(),
});

const tag = "Organisation";

export const organisationContract = {
  "GET /api/orgs/:orgId": {
    tag,
    summary: "The organisation, with the caller's roles and permitted actions",
    params: ZOrgParams,
    responses: { 200: ZOrganisation },
  },
  "PATCH /api/orgs/:orgId": {
    tag,
    summary: "Change the organisation's settings (its time zone)",
    params: ZOrgParams,
    body: ZOrganisationSettings,
    responses: { 200: ZOrganisation },
  },
  "POST /api/orgs/:orgId/open": {
    tag,
    summary: "Record that the caller opened the organisation (their start page returns to it)",
    params: ZOrgParams,
    responses: { 204: noContent },
  },
  "GET /api/orgs/:orgId/setup-checklist": {
    tag,
    summary: "The first steps of a new organisation, each with whether it is done",
    params: ZOrgParams,
    responses: { 200: ZSetupChecklist },
  },
  "GET /api/orgs/:orgId/office-schedule": {
    tag,
    summary: "Office hours, closing days, the days off ahead and the next opening",
    params: ZOrgParams,
    responses: { 200: ZOfficeScheduleView },
  },
  "PUT /api/orgs/:orgId/office-schedule": {
    tag,
    summary: "Set office hours and closing days",
    params: ZOrgParams,
    body: ZOfficeSchedule,
    responses: { 200: ZOfficeScheduleView },
  },
  "GET /api/orgs/:orgId/departments": {
    tag,
    summary: "Departments (Ämter)",
    params: ZOrgParams,
    responses: { 200: z.object({ departments: z.array(ZDepartment) }) },
  },
  "POST /api/orgs/:orgId/departments": {
    tag,
    summary: "Create a department",
    params: ZOrgParams,
    body: ZDepartmentInput,
    responses: { 201: ZDepartmentRecord },
  },
  "PATCH /api/orgs/:orgId/departments/:departmentId": {
    tag,
    summary: "Rename a department",
    params: ZDepartmentParams,
    body: ZDepartmentInput,
    responses: { 200: ZDepartmentRecord },
  },
  "DELETE /api/orgs/:orgId/departments/:departmentId": {
    tag,
    summary: "Delete a department",
    params: ZDepartmentParams,
    responses: { 204: noContent },
  },
  "GET /api/orgs/:orgId/audit": {
    tag,
    summary: "Audit trail, newest first (keyset paging by sequence number)",
    params: ZOrgParams,
    query: ZAuditQuery,
    responses: {
      200: z.object({ events: z.array(ZAuditEvent), nextBeforeSeq: z.number().int().optional() }),
    },
  },
  "GET /api/orgs/:orgId/members": {
    tag: "People",
    summary: "The organisation's people with roles and scope",
    params: ZOrgParams,
    responses: { 200: z.object({ members: z.array(ZMember) }) },
  },
  "PATCH /api/orgs/:orgId/members/:userId": {
    tag: "People",
    summary: "Change a person's roles, scope, name or disable them",
    params: ZMemberParams,
    body: ZUpdateMember,
    responses: { 200: ZOk },
  },
  "POST /api/orgs/:orgId/members/:userId/reset-password": {
    tag: "People",
    summary: "Reset a person's password to a temporary one",
    params: ZMemberParams,
    responses: { 200: z.object({ temporaryPassword: z.string() }) },
  },
  "DELETE /api/orgs/:orgId/members/:userId": {
    tag: "People",
    summary: "Remove a person from the organisation",
    params: ZMemberParams,
    responses: { 204: noContent },
  },
} as const satisfies ContractGroup;
