// The collections an organisation shares and those other organisations share with it, each with its
// number of items and, for received ones, how many adopted items have a newer version not yet looked at.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  knowledgeAdoptions,
  knowledgeCollectionReceivers,
  knowledgeCollections,
  knowledgeSharedItems,
  organisations,
} from "../../db/schema/index.js";
import { authorize, inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { reachesOrganisation } from "./sharingRows.js";

const c = knowledgeCollections;
const i = knowledgeSharedItems;
const itemCount = sql<number>`(select count(*)::int from ${i} where ${i.collectionId} = ${c.id} and ${i.withdrawnAt} is null)`;

/** Adopted items of the collection with a version newer than the adopted (and any declined) one. */
function updatesFor(orgId: string) {
  return sql<number>`(select count(*)::int from ${i} join ${knowledgeAdoptions} a on a.item_id = ${i.id} and a.org_id = ${orgId}
    where ${i.collectionId} = ${c.id} and ${i.withdrawnAt} is null
      and ${i.version} > a.adopted_version and ${i.version} > coalesce(a.declined_version, 0))`;
}

async function receiversOf(db: Db, collectionIds: string[]) {
  if (collectionIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ collectionId: knowledgeCollectionReceivers.collectionId, id: organisations.id, name: organisations.name })
    .from(knowledgeCollectionReceivers)
    .innerJoin(organisations, eq(organisations.id, knowledgeCollectionReceivers.orgId))
    .where(inArray(knowledgeCollectionReceivers.collectionId, collectionIds))
    .orderBy(organisations.name);
  const byCollection = new Map<string, { id: string; name: string }[]>();
  for (const row of rows)
    byCollection.set(row.collectionId, [...(byCollection.get(row.collectionId) ?? []), { id: row.id, name: row.name }]);
  return byCollection;
}

export async function listCollections(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const columns = {
    collection: c,
    publisherName: organisations.name,
    itemCount,
    updatesAvailable: updatesFor(orgId),
  };
  const [own, received] = await Promise.all([
    ctx.db
      .select(columns)
      .from(c)
      .innerJoin(organisations, eq(organisations.id, c.orgId))
      .where(eq(c.orgId, orgId))
      .orderBy(sql`${c.withdrawnAt} is not null`, desc(c.updatedAt)),
    ctx.db
      .select(columns)
      .from(c)
      .innerJoin(organisations, eq(organisations.id, c.orgId))
      .where(and(reachesOrganisation(orgId), isNull(c.withdrawnAt)))
      .orderBy(organisations.name, c.title),
  ]);
  const receivers = await receiversOf(
    ctx.db,
    own.map((row) => row.collection.id),
  );
  const present = (row: (typeof own)[number], isOwn: boolean) => ({
    id: row.collection.id,
    title: row.collection.title,
    description: row.collection.description,
    audience: row.collection.audience,
    publisher: { id: row.collection.orgId, name: row.publisherName },
    receivers: isOwn ? (receivers.get(row.collection.id) ?? []) : [],
    itemCount: row.itemCount,
    updatesAvailable: isOwn ? 0 : row.updatesAvailable,
    updatedAt: row.collection.updatedAt,
    withdrawnAt: row.collection.withdrawnAt,
  });
  return {
    own: own.map((row) => present(row, true)),
    received: received.map((row) => present(row, false)),
    mayShare: authorize({ actor, action: "knowledge.share", resource: organisationWide(orgId), now: ctx.clock() })
      .allowed,
  };
}
