// The admin app's calls for the organisation's office hours and closing days. Shapes come from the
// server's contract.
import type { ZOfficeScheduleView } from "@contract/organisation";
import type { Wire } from "@contract/route";
import { type Body, call } from "./client";

export type OfficeScheduleView = Wire<typeof ZOfficeScheduleView>;
export type OfficeHours = OfficeScheduleView["schedule"]["officeHours"][number];

export const officeApi = {
  get: (orgId: string, options?: { signal?: AbortSignal }) =>
    call("GET /api/orgs/:orgId/office-schedule", { params: { orgId } }, options),
  save: (orgId: string, schedule: Body<"PUT /api/orgs/:orgId/office-schedule">) =>
    call("PUT /api/orgs/:orgId/office-schedule", { params: { orgId }, body: schedule }),
};
