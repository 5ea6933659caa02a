// The admin app's calls for the organisation's office hours and closing days.
import { call } from "./client";

export interface OfficeHours {
  days: number[];
  from: string;
  to: string;
}

export interface OfficeScheduleView {
  schedule: { officeHours: OfficeHours[]; closingDays: string[] };
  isDefault: boolean;
  state: string;
  daysOff: { date: string; name: string; kind: "holiday" | "closing_day" }[];
  nextOpening: string;
}

const url = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/office-schedule`;

export const officeApi = {
  get: (orgId: string) => call<OfficeScheduleView>("GET", url(orgId)),
  save: (orgId: string, schedule: OfficeScheduleView["schedule"]) =>
    call<OfficeScheduleView>("PUT", url(orgId), schedule),
};
