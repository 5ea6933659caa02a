// The admin app's calls for knowledge shared between organisations: collections (own and received), their
// items, sharing, adopting and leaving newer versions. Shapes come from the server's contract.
import type { ZCollectionDetail, ZCollectionList, ZSharedItemDetail } from "@contract/sharing";
import type { Wire } from "@contract/route";
import type { SharedItemKind } from "../../../src/domain/knowledge/sharing";
import { type Body, call } from "./client";

export type { SharedItemKind };
export type CollectionList = Wire<typeof ZCollectionList>;
export type CollectionSummary = CollectionList["own"][number];
export type CollectionDetail = Wire<typeof ZCollectionDetail>;
export type SharedItemDetail = Wire<typeof ZSharedItemDetail>;
export type CollectionInput = Body<"POST /api/orgs/:orgId/knowledge/collections">;
export type ShareInput = Body<"POST /api/orgs/:orgId/knowledge/collections/:collectionId/items">;
/** Whose copy (department) and, for a campaign template, when its copy starts. */
export type AdoptInput = Body<"POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt">;

/** The kinds in the order they are offered (a type import keeps the schema code out of the bundle). */
export const SHARED_ITEM_KIND_ORDER = [
  "article",
  "template",
  "netiquette",
  "guideline",
  "campaign",
] as const satisfies readonly SharedItemKind[];

interface Options {
  signal?: AbortSignal;
}

const collection = (orgId: string, collectionId: string) => ({ params: { orgId, collectionId } });
const item = (orgId: string, itemId: string) => ({ params: { orgId, itemId } });

export const sharingApi = {
  collections: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/collections", { params: { orgId } }, options),
  collection: (orgId: string, collectionId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/collections/:collectionId", collection(orgId, collectionId), options),
  saveCollection: (orgId: string, collectionId: string | null, input: CollectionInput) =>
    collectionId
      ? call("PUT /api/orgs/:orgId/knowledge/collections/:collectionId", {
          ...collection(orgId, collectionId),
          body: input,
        })
      : call("POST /api/orgs/:orgId/knowledge/collections", { params: { orgId }, body: input }),
  withdrawCollection: (orgId: string, collectionId: string) =>
    call("POST /api/orgs/:orgId/knowledge/collections/:collectionId/withdraw", collection(orgId, collectionId)),
  share: (orgId: string, collectionId: string, input: ShareInput) =>
    call("POST /api/orgs/:orgId/knowledge/collections/:collectionId/items", {
      ...collection(orgId, collectionId),
      body: input,
    }),
  item: (orgId: string, itemId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/shared-items/:itemId", item(orgId, itemId), options),
  withdrawItem: (orgId: string, itemId: string) =>
    call("POST /api/orgs/:orgId/knowledge/shared-items/:itemId/withdraw", item(orgId, itemId)),
  adopt: (orgId: string, itemId: string, input: AdoptInput) =>
    call("POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt", { ...item(orgId, itemId), body: input }),
  decline: (orgId: string, itemId: string) =>
    call("POST /api/orgs/:orgId/knowledge/shared-items/:itemId/decline", item(orgId, itemId)),
  targets: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/share-targets", { params: { orgId } }, options),
};

export const sharedPath = (orgId: string) => `/o/${orgId}/knowledge/shared`;
export const collectionPath = (orgId: string, collectionId: string) => `/o/${orgId}/knowledge/shared/${collectionId}`;
export const sharedItemPath = (orgId: string, itemId: string) => `/o/${orgId}/knowledge/shared/items/${itemId}`;
