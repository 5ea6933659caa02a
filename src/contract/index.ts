// The whole HTTP API as one contract, keyed by "METHOD /path". The server registers every route from it
// (src/server/contractRoutes.ts), /api/openapi.json is generated from it, and the web app's client takes
// its types from it (web/src/api/client.ts), so a changed answer breaks the build of both.
import { authContract, operationsContract } from "./auth.js";
import { channelNetworksContract } from "./channelNetworks.js";
import { channelsContract } from "./channels.js";
import { inboxContract } from "./inbox.js";
import { knowledgeContract } from "./knowledge.js";
import { sharingContract } from "./sharing.js";
import { feedsContract } from "./feeds.js";
import { invitationsContract } from "./invitations.js";
import { notificationsContract } from "./notifications.js";
import { moderationContract } from "./moderation.js";
import { moderationReportContract } from "./moderationReport.js";
import { organisationContract } from "./organisation.js";
import { overviewContract } from "./overview.js";
import { postsContract } from "./posts.js";
import { reportsContract } from "./reports.js";
import { searchContract } from "./search.js";
import { publishingReportContract } from "./publishingReport.js";
import type { ContractGroup } from "./route.js";
import { websiteContract } from "./website.js";
import { weeklyReportContract } from "./weeklyReport.js";
import { publicContract } from "./citizens.js";

export const apiContract = {
  ...operationsContract,
  ...authContract,
  ...notificationsContract,
  ...organisationContract,
  ...overviewContract,
  ...invitationsContract,
  ...channelsContract,
  ...channelNetworksContract,
  ...postsContract,
  ...inboxContract,
  ...knowledgeContract,
  ...sharingContract,
  ...feedsContract,
  ...searchContract,
  ...moderationContract,
  ...reportsContract,
  ...weeklyReportContract,
  ...moderationReportContract,
  ...publishingReportContract,
  ...websiteContract,
  ...publicContract,
} as const satisfies ContractGroup;

export type ApiContract = typeof apiContract;
export type ApiRouteKey = keyof ApiContract;
