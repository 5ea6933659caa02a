// Contract of the weekly Stimmungsbericht: the PDF of a week (on demand, in the viewer's reach) and who of
// the organisation receives it every Monday (administrators choose).
import { z } from "zod";
import { ZId, ZOrgParams, ZTimestamp } from "./common.js";
import { ZReportDay } from "./reports.js";
import type { ContractGroup } from "./route.js";

const tag = "reports";

export const ZWeeklyReportQuery = z.object({
  /** Any day of the week (Monday–Sunday, the organisation's time zone); default the last completed week. */
  week: ZReportDay.optional(),
});

export const ZWeeklyReportSettings = z
  .object({
    enabled: z.boolean(),
    /** Members of the organisation who receive the report (in-app, and by e-mail where SMTP is set up). */
    recipientUserIds: z.array(ZId).max(200),
  })
  .meta({ id: "WeeklyReportSettings" });

export const ZWeeklyReportSettingsView = ZWeeklyReportSettings.extend({
  /** Whether this instance sends e-mails (SMTP_URL); without it the report goes out in-app only. */
  emailConfigured: z.boolean(),
  /** The members to choose from. */
  members: z.array(z.object({ userId: ZId, name: z.string(), email: z.string() })),
  updatedAt: ZTimestamp.nullable(),
}).meta({ id: "WeeklyReportSettingsView" });

export const weeklyReportContract = {
  "GET /api/orgs/:orgId/reports/weekly.pdf": {
    tag,
    summary: "Wochenbericht: the week's Stimmung and Antwortzeiten as a PDF for the mayor (a download)",
    params: ZOrgParams,
    query: ZWeeklyReportQuery,
    responses: { 200: { raw: "file", description: "The report as a PDF.", contentTypes: ["application/pdf"] } },
  },
  "GET /api/orgs/:orgId/reports/weekly/settings": {
    tag,
    summary: "Who receives the weekly report",
    params: ZOrgParams,
    responses: { 200: ZWeeklyReportSettingsView },
  },
  "PUT /api/orgs/:orgId/reports/weekly/settings": {
    tag,
    summary: "Choose who receives the weekly report",
    params: ZOrgParams,
    body: ZWeeklyReportSettings,
    responses: { 200: ZWeeklyReportSettingsView },
  },
} satisfies ContractGroup;
