// The admin app's calls for the website channel: citizen comments, answers, moderation decisions,
// the public-page settings and the Netiquette.
import { call } from "./client";

export interface WebsiteComment {
  id: string;
  entryId: string;
  entryExcerpt: string;
  channelAccountId: string;
  channelName: string;
  parentId: string | null;
  parentAuthor: string | null;
  displayName: string;
  text: string;
  status: "visible" | "held" | "hidden" | "deleted";
  moderation: { phase: string; outcome: string; reason?: string; clause?: number }[];
  answered: boolean;
  emailConfirmed: boolean;
  createdAt: string;
}

export interface NetiquetteClause {
  number: number;
  title: string;
  text: string;
}

export interface Netiquette {
  id: string;
  version: number;
  title: string;
  intro: string;
  clauses: NetiquetteClause[];
  publishedAt: string | null;
}

export interface WebsiteSettings {
  impressumUrl: string | null;
  privacyUrl: string | null;
  preModeration: "none" | "first_comment" | "all";
  commentsOpen: boolean;
  retentionDays: number;
  embedOrigins: string[];
  accentColor: string;
  answerLabel: string;
}

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const websiteApi = {
  comments: (orgId: string, filter: { status?: string; before?: string }) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
    return call<{ comments: WebsiteComment[]; next: string | null }>("GET", `${org(orgId)}/website/comments?${query}`);
  },
  answer: (orgId: string, commentId: string, text: string) =>
    call<{ id: string }>("POST", `${org(orgId)}/website/comments/${commentId}/answer`, { text }),
  decide: (
    orgId: string,
    commentId: string,
    decision: { decision: "release" } | { decision: "hide"; clause: number; reason: string },
  ) => call<{ status: string }>("POST", `${org(orgId)}/website/comments/${commentId}/decision`, decision),
  /** The Netiquette in force, as published (public; the inbox offers its clauses when hiding). */
  netiquette: (orgId: string) => call<Netiquette>("GET", `/api/public/orgs/${encodeURIComponent(orgId)}/netiquette`),
  settings: (orgId: string) =>
    call<{ settings: WebsiteSettings; netiquettes: Netiquette[] }>("GET", `${org(orgId)}/website/settings`),
  saveSettings: (orgId: string, settings: WebsiteSettings) =>
    call<{ settings: WebsiteSettings }>("PUT", `${org(orgId)}/website/settings`, settings),
  publishNetiquette: (orgId: string, input: { title: string; intro: string; clauses: NetiquetteClause[] }) =>
    call<{ id: string; version: number }>("POST", `${org(orgId)}/netiquettes`, input),
};
