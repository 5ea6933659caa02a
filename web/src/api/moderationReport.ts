// The admin app's call for the moderation report (Berichte → Moderation). The shape comes from the server's contract.
import type { ZModerationReport } from "@contract/moderationReport";
import type { Wire } from "@contract/route";
import { call } from "./client";
import type { ReportQuery } from "./reports";

export type ModerationReport = Wire<typeof ZModerationReport>;
export type ModerationFigures = ModerationReport["totals"];

export const moderationReportApi = {
  get: (orgId: string, query: ReportQuery, options?: { signal?: AbortSignal }) =>
    call("GET /api/orgs/:orgId/reports/moderation", { params: { orgId }, query }, options),
};
