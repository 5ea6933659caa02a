// Reading shared knowledge: which collections an organisation publishes and which reach it, and one shared
// item as a receiver may read it. Shared by the collection, item and adoption use cases.
import { type SQL, and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  knowledgeCollectionReceivers,
  knowledgeCollections,
  knowledgeSharedItems,
  organisations,
  userNotifications,
} from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";

const c = knowledgeCollections;

/** Collections of other organisations that reach `orgId` (to all, or to it by name) and are not withdrawn. */
export function reachesOrganisation(orgId: string): SQL {
  return and(
    ne(c.orgId, orgId),
    isNull(c.withdrawnAt),
    or(
      eq(c.audience, "all"),
      sql`exists (select 1 from ${knowledgeCollectionReceivers} r where r.collection_id = ${c.id} and r.org_id = ${orgId})`,
    ),
  ) as SQL;
}

/** One collection the organisation publishes (withdrawn ones too), locked for a change when `forUpdate`. */
export async function loadOwnCollection(
  db: Db | Tx,
  args: { orgId: string; collectionId: string; forUpdate?: boolean },
) {
  const query = db
    .select()
    .from(c)
    .where(and(eq(c.id, args.collectionId), eq(c.orgId, args.orgId)));
  const [row] = args.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * A collection as `orgId` sees it: its own, or another organisation's that reaches it. Anything else is
 * NOT_FOUND, so a collection shared with others cannot be told from one that does not exist.
 */
export async function loadVisibleCollection(db: Db | Tx, args: { orgId: string; collectionId: string }) {
  const [row] = await db
    .select({ collection: c, publisherName: organisations.name })
    .from(c)
    .innerJoin(organisations, eq(organisations.id, c.orgId))
    .where(and(eq(c.id, args.collectionId), or(eq(c.orgId, args.orgId), reachesOrganisation(args.orgId))));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row.collection, publisherName: row.publisherName, own: row.collection.orgId === args.orgId };
}

/**
 * A shared item as `orgId` sees it: of its own collection (withdrawn ones too), or offered to it by another
 * organisation's collection (not withdrawn). Anything else is NOT_FOUND.
 */
export async function loadVisibleItem(db: Db | Tx, args: { orgId: string; itemId: string }) {
  const [row] = await db
    .select({ item: knowledgeSharedItems, collection: c, publisherName: organisations.name })
    .from(knowledgeSharedItems)
    .innerJoin(c, eq(c.id, knowledgeSharedItems.collectionId))
    .innerJoin(organisations, eq(organisations.id, c.orgId))
    .where(
      and(
        eq(knowledgeSharedItems.id, args.itemId),
        or(eq(c.orgId, args.orgId), and(isNull(knowledgeSharedItems.withdrawnAt), reachesOrganisation(args.orgId))),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, own: row.collection.orgId === args.orgId };
}

/** The person's notices about newer versions of the item are done with once they took or left it. */
export async function markItemNoticesRead(
  tx: Tx,
  args: { orgId: string; itemId: string; userId: string | null; now: Date },
): Promise<void> {
  if (!args.userId) return;
  await tx
    .update(userNotifications)
    .set({ readAt: args.now })
    .where(
      and(
        eq(userNotifications.orgId, args.orgId),
        eq(userNotifications.userId, args.userId),
        eq(userNotifications.sharedItemId, args.itemId),
        isNull(userNotifications.readAt),
      ),
    );
}

/** Two people adopting the same item at once: the second is told of a conflict, not of an internal error. */
export async function onConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", { details: { problem: "adopted_meanwhile" }, cause: error });
    throw error;
  }
}
