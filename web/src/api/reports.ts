// The admin app's calls for the reports (Berichte): Stimmung and Antwortzeiten. Shapes come from the
// server's contract.
import type { ZMoodReport, ZResponseReport, ZTopicsReport } from "@contract/reports";
import type { Wire } from "@contract/route";
import { type Input, call } from "./client";

export type MoodReport = Wire<typeof ZMoodReport>;
export type ResponseReport = Wire<typeof ZResponseReport>;
export type TopicsReport = Wire<typeof ZTopicsReport>;
export type ReportChoices = MoodReport["choices"];
export type ResponseFigures = ResponseReport["totals"];
/** The filters as the address holds them (the server checks them). */
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
};
