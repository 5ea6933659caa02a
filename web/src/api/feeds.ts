// The admin app's calls for knowledge shared between draht installations as signed feeds: publishing an own
// collection as a feed and stopping it, subscriptions to other installations' feeds, their items, adopting
// and leaving newer versions. Shapes come from the server's contract.
import type { ZFeedDetail, ZFeedItemDetail, ZFeedList } from "@contract/feeds";
import type { ZCollectionFeed } from "@contract/feedShapes";
import type { Wire } from "@contract/route";
import type { FeedProblem } from "../../../src/domain/knowledge/feedProblems";
import type { AdoptInput } from "./sharing";
import { type Body, call } from "./client";

export type { FeedProblem };
export type CollectionFeed = Wire<typeof ZCollectionFeed>;
export type FeedList = Wire<typeof ZFeedList>;
export type FeedSummary = FeedList["feeds"][number];
export type FeedDetail = Wire<typeof ZFeedDetail>;
export type FeedItemDetail = Wire<typeof ZFeedItemDetail>;
export type SubscribeInput = Body<"POST /api/orgs/:orgId/knowledge/feeds">;

interface Options {
  signal?: AbortSignal;
}

const collection = (orgId: string, collectionId: string) => ({ params: { orgId, collectionId } });
const feed = (orgId: string, feedId: string) => ({ params: { orgId, feedId } });
const item = (orgId: string, itemId: string) => ({ params: { orgId, itemId } });

export const feedsApi = {
  publish: (orgId: string, collectionId: string) =>
    call("PUT /api/orgs/:orgId/knowledge/collections/:collectionId/feed", collection(orgId, collectionId)),
  stop: (orgId: string, collectionId: string) =>
    call("DELETE /api/orgs/:orgId/knowledge/collections/:collectionId/feed", collection(orgId, collectionId)),
  feeds: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/feeds", { params: { orgId } }, options),
  subscribe: (orgId: string, input: SubscribeInput) =>
    call("POST /api/orgs/:orgId/knowledge/feeds", { params: { orgId }, body: input }),
  feed: (orgId: string, feedId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/feeds/:feedId", feed(orgId, feedId), options),
  fetchNow: (orgId: string, feedId: string) =>
    call("POST /api/orgs/:orgId/knowledge/feeds/:feedId/fetch", feed(orgId, feedId)),
  cancel: (orgId: string, feedId: string) =>
    call("DELETE /api/orgs/:orgId/knowledge/feeds/:feedId", feed(orgId, feedId)),
  item: (orgId: string, itemId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/feed-items/:itemId", item(orgId, itemId), options),
  adopt: (orgId: string, itemId: string, input: AdoptInput) =>
    call("POST /api/orgs/:orgId/knowledge/feed-items/:itemId/adopt", { ...item(orgId, itemId), body: input }),
  decline: (orgId: string, itemId: string) =>
    call("POST /api/orgs/:orgId/knowledge/feed-items/:itemId/decline", item(orgId, itemId)),
};

export const feedPath = (orgId: string, feedId: string) => `/o/${orgId}/knowledge/shared/feeds/${feedId}`;
export const feedItemPath = (orgId: string, itemId: string) => `/o/${orgId}/knowledge/shared/feed-items/${itemId}`;
