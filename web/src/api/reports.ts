// The admin app's calls for the reports (Berichte): Stimmung, Themen, Antwortzeiten and the weekly report (its
// PDF's address and who receives it). Shapes come from the server's contract.
import type { ZMoodReport, ZResponseReport, ZTopicsReport } from "@contract/reports";
import type { ZPublishingReport } from "@contract/publishingReport";
import type { Wire } from "@contract/route";
import type { ZWeeklyReportSettings, ZWeeklyReportSettingsView } from "@contract/weeklyReport";
import { type Input, call, urlOf } from "./client";

export type MoodReport = Wire<typeof ZMoodReport>;
export type ResponseReport = Wire<typeof ZResponseReport>;
export type TopicsReport = Wire<typeof ZTopicsReport>;
export type PublishingReport = Wire<typeof ZPublishingReport>;
export type PublishingQuery = NonNullable<Input<"GET /api/orgs/:orgId/reports/publishing">["query"]>;
export type ReportChoices = MoodReport["choices"];
export type ResponseFigures = ResponseReport["totals"];
/** The filters as the address holds them (the server checks them). */
export type WeeklyReportSettings = Wire<typeof ZWeeklyReportSettings>;
export type WeeklyReportSettingsView = Wire<typeof ZWeeklyReportSettingsView>;
export type ReportQuery = NonNullable<Input<"GET /api/orgs/:orgId/reports/mood">["query"]>;

interface Options {
  signal?: AbortSignal;
}

export const reportsApi = {
  mood: (orgId: string, query: ReportQuery, options?: Options) =>
    call("GET /api/orgs/:orgId/reports/mood", { params: { orgId }, query }, options),
  topics: (orgId: string, query: ReportQuery, options?: Options) =>
    call("GET /api/orgs/:orgId/reports/topics", { params: { orgId }, query }, options),
  responseTimes: (orgId: string, query: ReportQuery, options?: Options) =>
    call("GET /api/orgs/:orgId/reports/response-times", { params: { orgId }, query }, options),
  publishing: (orgId: string, query: PublishingQuery, options?: Options) =>
    call("GET /api/orgs/:orgId/reports/publishing", { params: { orgId }, query }, options),
  /** The PDF of the week holding `week` (any day), or of the last completed week. */
  weeklyPdfUrl: (orgId: string, week?: string) =>
    urlOf("GET /api/orgs/:orgId/reports/weekly.pdf", { params: { orgId }, query: { week: week || undefined } }),
  weeklySettings: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/reports/weekly/settings", { params: { orgId } }, options),
  saveWeeklySettings: (orgId: string, body: WeeklyReportSettings) =>
    call("PUT /api/orgs/:orgId/reports/weekly/settings", { params: { orgId }, body }),
};
