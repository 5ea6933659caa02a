// Writes publications into the outbox inside the caller's transaction, so a post becomes "scheduled"
// and its publications exist together or not at all. One row per post and account; its idempotency
// key travels with every send.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { publications } from "../../db/schema/index.js";

export const idempotencyKeyOf = (postId: string, channelAccountId: string) => `draht:${postId}:${channelAccountId}`;

export async function enqueuePublications(
  tx: Db,
  args: { orgId: string; postId: string; channelAccountIds: readonly string[]; dueAt: Date; now: Date },
): Promise<void> {
  if (args.channelAccountIds.length === 0) return;
  await tx
    .insert(publications)
    .values(
      args.channelAccountIds.map((channelAccountId) => ({
        orgId: args.orgId,
        postId: args.postId,
        channelAccountId,
        idempotencyKey: idempotencyKeyOf(args.postId, channelAccountId),
        status: "pending" as const,
        dueAt: args.dueAt,
        nextAttemptAt: args.dueAt,
        createdAt: args.now,
      })),
    )
    // A post withdrawn and approved again reuses its rows (and keys): it was never published.
    .onConflictDoUpdate({
      target: publications.idempotencyKey,
      set: {
        status: "pending",
        dueAt: args.dueAt,
        nextAttemptAt: args.dueAt,
        attempts: 0,
        lastError: null,
        lastErrorKind: null,
        leaseUntil: null,
      },
      setWhere: sql`${publications.status} in ('cancelled', 'failed')`,
    });
}

/** Publications of a post that are on their way or out: such a post can no longer be withdrawn or moved. */
export async function publicationsInFlight(tx: Db, postId: string): Promise<number> {
  const rows = await tx
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.postId, postId), inArray(publications.status, ["sending", "published"])));
  return rows.length;
}

export async function cancelPendingPublications(tx: Db, postId: string): Promise<void> {
  await tx
    .update(publications)
    .set({ status: "cancelled" })
    .where(and(eq(publications.postId, postId), inArray(publications.status, ["pending", "failed"])));
}
