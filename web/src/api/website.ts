// The admin app's calls for the website channel: citizen comments, answers, moderation decisions,
// the public-page settings and the Netiquette. Shapes come from the server's contract.
import type { Wire } from "@contract/route";
import type { ZNetiquette, ZWebsiteComment, ZWebsiteSettingsView } from "@contract/website";
import { type Body, call } from "./client";

export type WebsiteComment = Wire<typeof ZWebsiteComment>;
export type Netiquette = Wire<typeof ZNetiquette>;
export type NetiquetteClause = Netiquette["clauses"][number];
export type WebsiteSettings = Wire<typeof ZWebsiteSettingsView>;

interface Options {
  signal?: AbortSignal;
}
type CommentStatus = WebsiteComment["status"];

export const websiteApi = {
  comments: (orgId: string, filter: { status?: CommentStatus | ""; before?: string | null }, options?: Options) =>
    call(
      "GET /api/orgs/:orgId/website/comments",
      { params: { orgId }, query: { status: filter.status || undefined, before: filter.before ?? undefined } },
      options,
    ),
  answer: (orgId: string, commentId: string, text: string) =>
    call("POST /api/orgs/:orgId/website/comments/:commentId/answer", { params: { orgId, commentId }, body: { text } }),
  decide: (
    orgId: string,
    commentId: string,
    decision: Body<"POST /api/orgs/:orgId/website/comments/:commentId/decision">,
  ) =>
    call("POST /api/orgs/:orgId/website/comments/:commentId/decision", {
      params: { orgId, commentId },
      body: decision,
    }),
  /** The Netiquette in force, as published (public; the inbox offers its clauses when hiding). */
  netiquette: (orgId: string, options?: Options) =>
    call("GET /api/public/orgs/:org/netiquette", { params: { org: orgId } }, options),
  settings: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/website/settings", { params: { orgId } }, options),
  saveSettings: (orgId: string, settings: Body<"PUT /api/orgs/:orgId/website/settings">) =>
    call("PUT /api/orgs/:orgId/website/settings", { params: { orgId }, body: settings }),
  publishNetiquette: (orgId: string, input: Body<"POST /api/orgs/:orgId/netiquettes">) =>
    call("POST /api/orgs/:orgId/netiquettes", { params: { orgId }, body: input }),
};
