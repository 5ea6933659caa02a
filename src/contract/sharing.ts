// Knowledge shared between organisations of one installation: collections an organisation publishes
// (articles, Textbausteine, its Netiquette) to all or chosen organisations, read-only for receivers, who
// adopt copies that remember their origin and are told of newer versions.
import { z } from "zod";
import {
  COLLECTION_AUDIENCES,
  SHARED_ITEM_KINDS,
  ZCollectionInput,
  ZShareItemInput,
} from "../domain/knowledge/sharing.js";
import { ZId, ZIdOnly, ZOrgParams, ZTimestamp } from "./common.js";
import { ZCollectionFeed } from "./feedShapes.js";
import { ZArticleDiff } from "./knowledge.js";
import type { ContractGroup } from "./route.js";

const tag = "Shared knowledge";
const ZCollectionParams = ZOrgParams.extend({ collectionId: z.uuid() });
const ZItemParams = ZOrgParams.extend({ itemId: z.uuid() });
const ZOrgName = z.object({ id: ZId, name: z.string() });

export const ZCollectionSummary = z
  .object({
    id: ZId,
    title: z.string(),
    description: z.string(),
    audience: z.enum(COLLECTION_AUDIENCES),
    /** The publishing organisation. */
    publisher: ZOrgName,
    /** The chosen receivers (own collections only; empty for others' and for "all"). */
    receivers: z.array(ZOrgName),
    itemCount: z.number().int(),
    /** Items this organisation adopted that have a newer version it has not looked at (received collections). */
    updatesAvailable: z.number().int(),
    updatedAt: ZTimestamp,
    withdrawnAt: ZTimestamp.nullable(),
  })
  .meta({ id: "CollectionSummary" });

export const ZCollectionList = z
  .object({
    own: z.array(ZCollectionSummary),
    received: z.array(ZCollectionSummary),
    /** Whether this person may publish collections (knowledge.share). */
    mayShare: z.boolean(),
  })
  .meta({ id: "CollectionList" });

const ZAdoption = z.object({
  /** The copy: an article, a Textbaustein or a Netiquette draft of this organisation. */
  targetId: ZId,
  adoptedVersion: z.number().int(),
  declinedVersion: z.number().int().nullable(),
  adoptedAt: ZTimestamp,
});

export const ZSharedItemSummary = z.object({
  id: ZId,
  kind: z.enum(SHARED_ITEM_KINDS),
  title: z.string(),
  version: z.number().int(),
  /** When its owner last shared or confirmed it. */
  checkedAt: ZTimestamp,
  withdrawnAt: ZTimestamp.nullable(),
  /** Own collections: the organisation's item it was taken from (null for others'). */
  sourceId: ZId.nullable(),
  /** Own collections: the item's text in the organisation differs from the shared version (or it is gone). */
  sourceChanged: z.boolean(),
  /** Own collections: how many organisations adopted it. */
  adoptionCount: z.number().int(),
  /** Received collections: this organisation's copy. */
  adoption: ZAdoption.nullable(),
  /** Received collections: a newer version than the adopted one, not declined. */
  updateAvailable: z.boolean(),
});

export const ZCollectionDetail = z
  .object({
    collection: ZCollectionSummary.extend({
      own: z.boolean(),
      /** Own collections: the signed feed for other installations, once published (null otherwise). */
      feed: ZCollectionFeed.nullable(),
    }),
    items: z.array(ZSharedItemSummary),
  })
  .meta({ id: "CollectionDetail" });

export const ZSharedItemDetail = z
  .object({
    item: ZSharedItemSummary.extend({
      body: z.string(),
      tags: z.array(z.string()),
      collection: z.object({ id: ZId, title: z.string() }),
      publisher: ZOrgName,
      own: z.boolean(),
    }),
    versions: z.array(
      z.object({
        version: z.number().int(),
        sharedAt: ZTimestamp,
        /** Shared although the check found personal data: the reason given (own items only). */
        personalDataOverride: z.string().nullable(),
      }),
    ),
    /** What changed since the adopted version, when a newer one is offered or was left. */
    changes: ZArticleDiff.nullable(),
    /** The copy was changed here since it was taken: taking the newer version replaces those changes. */
    copyChanged: z.boolean(),
    /** Whether this person may take or leave the newer version (they may change the copy). */
    mayChangeCopy: z.boolean(),
  })
  .meta({ id: "SharedItemDetail" });

export const ZAdoptInput = z.object({
  /** The department that will own the copy (articles, Textbausteine, campaigns); null: the whole organisation. */
  departmentId: z.uuid().nullable().default(null),
  /** A campaign template's new copy: when it starts (it runs as long as the original). */
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export const sharingContract = {
  "GET /api/orgs/:orgId/knowledge/collections": {
    tag,
    summary: "Collections this organisation shares, and those shared with it",
    params: ZOrgParams,
    responses: { 200: ZCollectionList },
  },
  "POST /api/orgs/:orgId/knowledge/collections": {
    tag,
    summary: "Create a collection to share with all or chosen organisations",
    params: ZOrgParams,
    body: ZCollectionInput,
    responses: { 201: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/collections/:collectionId": {
    tag,
    summary: "A collection with its items (own, or shared with this organisation)",
    params: ZCollectionParams,
    responses: { 200: ZCollectionDetail },
  },
  "PUT /api/orgs/:orgId/knowledge/collections/:collectionId": {
    tag,
    summary: "Change a collection's title, description or receivers",
    params: ZCollectionParams,
    body: ZCollectionInput,
    responses: { 200: ZIdOnly },
  },
  "POST /api/orgs/:orgId/knowledge/collections/:collectionId/withdraw": {
    tag,
    summary: "Stop sharing a collection (adopted copies stay with their organisations)",
    params: ZCollectionParams,
    responses: { 200: ZIdOnly },
  },
  "POST /api/orgs/:orgId/knowledge/collections/:collectionId/items": {
    tag,
    summary: "Share an item (or its current text anew), after the personal data check",
    params: ZCollectionParams,
    body: ZShareItemInput,
    responses: { 200: z.object({ id: ZId, version: z.number().int(), changed: z.boolean() }) },
  },
  "GET /api/orgs/:orgId/knowledge/shared-items/:itemId": {
    tag,
    summary: "A shared item with its versions and what changed since the adopted one",
    params: ZItemParams,
    responses: { 200: ZSharedItemDetail },
  },
  "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/withdraw": {
    tag,
    summary: "Take an item out of its collection",
    params: ZItemParams,
    responses: { 200: ZIdOnly },
  },
  "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt": {
    tag,
    summary: "Adopt a shared item as this organisation's copy, or take its newer version",
    params: ZItemParams,
    body: ZAdoptInput,
    responses: { 200: z.object({ targetId: ZId, version: z.number().int() }) },
  },
  "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/decline": {
    tag,
    summary: "Leave a newer version of an adopted item (keep the copy as it is)",
    params: ZItemParams,
    responses: { 200: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/share-targets": {
    tag,
    summary: "The other organisations of the installation a collection can be shared with",
    params: ZOrgParams,
    responses: { 200: z.object({ organisations: z.array(ZOrgName) }) },
  },
} as const satisfies ContractGroup;
