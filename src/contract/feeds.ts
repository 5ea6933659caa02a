// Knowledge shared between draht installations as signed feeds: a collection published as a feed (its
// address and the organisation key's fingerprint, to pass on out of band), subscriptions to other
// installations' feeds by address and fingerprint, their items for review, adopting and leaving newer versions.
import { z } from "zod";
import { FEED_PROBLEMS, normaliseFingerprint } from "../domain/knowledge/feedProblems.js";
import { SHARED_ITEM_KINDS } from "../domain/knowledge/sharing.js";
import { ZId, ZIdOnly, ZOrgParams, ZTimestamp } from "./common.js";
import { ZArticleDiff } from "./knowledge.js";
import { ZCollectionFeed } from "./feedShapes.js";
import type { ContractGroup } from "./route.js";
import { ZAdoptInput } from "./sharing.js";

const tag = "Knowledge feeds";
const ZCollectionParams = ZOrgParams.extend({ collectionId: z.uuid() });
const ZFeedParams = ZOrgParams.extend({ feedId: z.uuid() });
const ZFeedItemParams = ZOrgParams.extend({ itemId: z.uuid() });

export const ZSubscribeInput = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "an http or https address" })
    .max(2000)
    .transform((u) => u.trim()),
  /** The fingerprint the publishing organisation gave out of band (64 hex digits; spaces and colons allowed). */
  fingerprint: z
    .string()
    .trim()
    .max(200)
    .refine((f) => normaliseFingerprint(f) !== null, { error: "64 hexadecimal digits (spaces and colons allowed)" }),
});

const ZFeedState = z.object({
  /** The last fetch was refused; the last good version stays in use. */
  problem: z.enum(FEED_PROBLEMS).nullable(),
  /** What was wrong, for the people who look after it (HTTP status, the key that signed, …). */
  problemDetail: z.string().nullable(),
  problemSince: ZTimestamp.nullable(),
  lastCheckedAt: ZTimestamp,
  lastGoodAt: ZTimestamp,
  /** The publisher stopped the feed (its items stay readable here, adopted copies stay). */
  withdrawnAt: ZTimestamp.nullable(),
});

export const ZFeedSummary = ZFeedState.extend({
  id: ZId,
  url: z.string(),
  fingerprint: z.string(),
  publisherName: z.string(),
  title: z.string(),
  description: z.string(),
  revision: z.number().int(),
  itemCount: z.number().int(),
  /** Adopted items with a newer version not looked at. */
  updatesAvailable: z.number().int(),
}).meta({ id: "FeedSummary" });

export const ZFeedList = z
  .object({
    feeds: z.array(ZFeedSummary),
    /** Whether this person may subscribe, fetch and end subscriptions (knowledge.share). */
    mayManage: z.boolean(),
  })
  .meta({ id: "FeedList" });

const ZFeedAdoption = z.object({
  targetId: ZId,
  adoptedVersion: z.number().int(),
  declinedVersion: z.number().int().nullable(),
  adoptedAt: ZTimestamp,
});

export const ZFeedItemSummary = z.object({
  id: ZId,
  kind: z.enum(SHARED_ITEM_KINDS),
  title: z.string(),
  version: z.number().int(),
  checkedAt: ZTimestamp,
  /** No longer in the feed. */
  withdrawnAt: ZTimestamp.nullable(),
  adoption: ZFeedAdoption.nullable(),
  updateAvailable: z.boolean(),
});

export const ZFeedDetail = z
  .object({
    feed: ZFeedSummary,
    items: z.array(ZFeedItemSummary),
    mayManage: z.boolean(),
  })
  .meta({ id: "FeedDetail" });

export const ZFeedItemDetail = z
  .object({
    item: ZFeedItemSummary.extend({
      body: z.string(),
      tags: z.array(z.string()),
      feed: z.object({ id: ZId, title: z.string(), publisherName: z.string() }),
    }),
    versions: z.array(z.object({ version: z.number().int(), receivedAt: ZTimestamp })),
    changes: ZArticleDiff.nullable(),
    copyChanged: z.boolean(),
    mayChangeCopy: z.boolean(),
  })
  .meta({ id: "FeedItemDetail" });

export const ZFetchOutcome = z
  .object({
    outcome: z.enum(["updated", "unchanged", "refused"]),
    revision: z.number().int(),
    problem: z.enum(FEED_PROBLEMS).nullable(),
    problemDetail: z.string().nullable(),
  })
  .meta({ id: "FeedFetchOutcome" });

export const feedsContract = {
  "PUT /api/orgs/:orgId/knowledge/collections/:collectionId/feed": {
    tag,
    summary: "Publish a collection as a signed feed for other installations (or publish it again after stopping)",
    params: ZCollectionParams,
    responses: { 200: ZCollectionFeed },
  },
  "DELETE /api/orgs/:orgId/knowledge/collections/:collectionId/feed": {
    tag,
    summary: "Stop a collection's feed (its address answers 410 Gone)",
    params: ZCollectionParams,
    responses: { 200: ZCollectionFeed },
  },
  "GET /api/public/knowledge-feeds/:token": {
    tag,
    summary:
      "A collection's signed feed (Ed25519 over RFC 8785 canonical JSON; ETag and If-None-Match; 410 when stopped)",
    params: z.object({ token: z.string().min(20).max(100) }),
    responses: {
      200: {
        raw: "file",
        description: "The signed feed document: { payload, signature: { algorithm, publicKey, value } }",
        contentTypes: ["application/json"],
      },
      304: { raw: "empty", description: "Unchanged since the ETag sent in If-None-Match." },
    },
  },
  "GET /api/orgs/:orgId/knowledge/feeds": {
    tag,
    summary: "The feeds of other installations this organisation subscribes to",
    params: ZOrgParams,
    responses: { 200: ZFeedList },
  },
  "POST /api/orgs/:orgId/knowledge/feeds": {
    tag,
    summary:
      "Subscribe to another installation's feed by its address and key fingerprint (fetched and verified at once)",
    params: ZOrgParams,
    body: ZSubscribeInput,
    responses: { 201: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/feeds/:feedId": {
    tag,
    summary: "A subscribed feed with its items, as last verified",
    params: ZFeedParams,
    responses: { 200: ZFeedDetail },
  },
  "POST /api/orgs/:orgId/knowledge/feeds/:feedId/fetch": {
    tag,
    summary: "Fetch and verify a subscribed feed now (the worker does so every hour)",
    params: ZFeedParams,
    responses: { 200: ZFetchOutcome },
  },
  "DELETE /api/orgs/:orgId/knowledge/feeds/:feedId": {
    tag,
    summary: "End a subscription (adopted copies stay and keep their origin)",
    params: ZFeedParams,
    responses: { 200: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/feed-items/:itemId": {
    tag,
    summary: "A feed item for review: its text, versions received and what changed since the adopted one",
    params: ZFeedItemParams,
    responses: { 200: ZFeedItemDetail },
  },
  "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/adopt": {
    tag,
    summary: "Adopt a feed item as this organisation's copy, or take its newer version",
    params: ZFeedItemParams,
    body: ZAdoptInput,
    responses: { 200: z.object({ targetId: ZId, version: z.number().int() }) },
  },
  "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/decline": {
    tag,
    summary: "Leave a newer version of an adopted feed item",
    params: ZFeedItemParams,
    responses: { 200: ZIdOnly },
  },
} as const satisfies ContractGroup;
