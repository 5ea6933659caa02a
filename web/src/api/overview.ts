// The admin app's calls for the start page (Übersicht) and the navigation's counts. Shapes come from the
// server's contract.
import type { Answer } from "./client";
import { call } from "./client";

export type Overview = Answer<"GET /api/orgs/:orgId/overview">;
export type OverviewCounts = Answer<"GET /api/orgs/:orgId/overview/counts">;
export type SetupChecklist = Answer<"GET /api/orgs/:orgId/setup-checklist">;
export type DueConversations = NonNullable<Overview["mine"]>;

interface Options {
  signal?: AbortSignal;
}

export const overviewApi = {
  get: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/overview", { params: { orgId } }, options),
  counts: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/overview/counts", { params: { orgId } }, options),
  setupChecklist: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/setup-checklist", { params: { orgId } }, options),
};
