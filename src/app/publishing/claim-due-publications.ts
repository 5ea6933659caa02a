// Claims due publications for one worker: pending ones whose time has come, and ones whose sender's
// lease ran out (the process died mid-send). FOR UPDATE SKIP LOCKED lets several workers share the
// outbox without ever claiming the same row; the lease and attempt number fence late finishers.
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { publications } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";

export type PublicationRow = typeof publications.$inferSelect;
export interface ClaimedPublication extends PublicationRow {
  /** The previous attempt was interrupted: the channel may already have it. */
  recovering: boolean;
}

export async function claimDuePublications(
  ctx: AppContext,
  options: { limit: number; leaseMs: number },
): Promise<ClaimedPublication[]> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: publications.id, status: publications.status })
      .from(publications)
      .where(
        or(
          and(eq(publications.status, "pending"), lte(publications.nextAttemptAt, now)),
          and(eq(publications.status, "sending"), lt(publications.leaseUntil, now)),
        ),
      )
      .orderBy(asc(publications.nextAttemptAt))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(publications)
      .set({
        status: "sending",
        attempts: sql`${publications.attempts} + 1`,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        handedOverAt: sql`coalesce(${publications.handedOverAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(
        inArray(
          publications.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    const wasSending = new Set(due.filter((d) => d.status === "sending").map((d) => d.id));
    return claimed.map((row) => ({ ...row, recovering: wasSending.has(row.id) }));
  });
}
