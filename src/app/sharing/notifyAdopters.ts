// Telling the organisations that adopted a shared item that its owner shared a newer version: the person
// who adopted it is notified, while still an active member there (the "Geteilt mit uns" list shows the
// newer version to everyone in any case).
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  knowledgeAdoptions,
  knowledgeCollectionReceivers,
  knowledgeCollections,
  knowledgeSharedItems,
  memberships,
  userNotifications,
} from "../../db/schema/index.js";

export async function notifyAdopters(
  tx: Tx,
  args: { itemId: string; version: number; publisherName: string; now: Date },
): Promise<number> {
  const adopters = await tx
    .select({ orgId: knowledgeAdoptions.orgId, userId: memberships.userId })
    .from(knowledgeAdoptions)
    .innerJoin(
      memberships,
      and(
        eq(memberships.orgId, knowledgeAdoptions.orgId),
        eq(memberships.userId, knowledgeAdoptions.adoptedByUserId),
        isNull(memberships.disabledAt),
      ),
    )
    .where(
      and(
        eq(knowledgeAdoptions.itemId, args.itemId),
        lt(knowledgeAdoptions.adoptedVersion, args.version),
        // Only organisations the collection still reaches (a receiver taken off the list is not told).
        sql`exists (select 1 from ${knowledgeSharedItems} i join ${knowledgeCollections} c on c.id = i.collection_id
          where i.id = ${knowledgeAdoptions.itemId} and c.withdrawn_at is null and (c.audience = 'all' or exists
            (select 1 from ${knowledgeCollectionReceivers} r where r.collection_id = c.id and r.org_id = ${knowledgeAdoptions.orgId})))`,
      ),
    );
  if (adopters.length === 0) return 0;
  await tx.insert(userNotifications).values(
    adopters.map((adopter) => ({
      orgId: adopter.orgId,
      userId: adopter.userId,
      kind: "shared_item_changed" as const,
      sharedItemId: args.itemId,
      actorLabel: args.publisherName,
      createdAt: args.now,
    })),
  );
  return adopters.length;
}
