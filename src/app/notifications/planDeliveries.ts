// The first half of the delivery round: new notifications get their delivery records — an e-mail where the
// person wants one for the kind's group (and SMTP is set up), a push to each browser they turned push on in.
// Each notification is planned once (deliveries_planned_at), claimed FOR UPDATE SKIP LOCKED so two workers
// never plan the same one; the unique indexes are a second guard.
import { and, asc, inArray, isNull } from "drizzle-orm";
import {
  notificationDeliveries,
  notificationPreferences,
  pushSubscriptions,
  userNotifications,
} from "../../db/schema/index.js";
import { groupOfKind, preferencesWithDefaults } from "../../domain/notificationDelivery.js";
import type { AppContext } from "../context.js";

type NewDelivery = typeof notificationDeliveries.$inferInsert;

export async function planDeliveries(ctx: AppContext, options: { limit?: number } = {}): Promise<number> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const n = userNotifications;
    const fresh = await tx
      .select({ id: n.id, userId: n.userId, kind: n.kind })
      .from(n)
      .where(isNull(n.deliveriesPlannedAt))
      .orderBy(asc(n.createdAt))
      .limit(options.limit ?? 200)
      .for("update", { skipLocked: true });
    if (fresh.length === 0) return 0;
    const userIds = [...new Set(fresh.filter((f) => groupOfKind(f.kind)).map((f) => f.userId))];
    const [choices, browsers] = userIds.length
      ? await Promise.all([
          tx.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds)),
          tx
            .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId })
            .from(pushSubscriptions)
            .where(inArray(pushSubscriptions.userId, userIds)),
        ])
      : [[], []];
    const rows: NewDelivery[] = [];
    for (const notice of fresh) {
      const group = groupOfKind(notice.kind);
      if (!group) continue;
      const wanted = preferencesWithDefaults(choices.filter((c) => c.userId === notice.userId))[group];
      const base = { notificationId: notice.id, attempts: 0, nextAttemptAt: now, createdAt: now };
      // Without SMTP nothing is sent; the record says why, so the account page's promise is checkable.
      if (wanted.email)
        rows.push(
          ctx.mailer
            ? { ...base, channel: "email", status: "pending" }
            : { ...base, channel: "email", status: "skipped", outcome: "not_configured" },
        );
      if (wanted.push)
        for (const browser of browsers.filter((b) => b.userId === notice.userId))
          rows.push({ ...base, channel: "push", pushSubscriptionId: browser.id, status: "pending" });
    }
    if (rows.length) await tx.insert(notificationDeliveries).values(rows).onConflictDoNothing();
    await tx
      .update(n)
      .set({ deliveriesPlannedAt: now })
      .where(
        and(
          inArray(
            n.id,
            fresh.map((f) => f.id),
          ),
          isNull(n.deliveriesPlannedAt),
        ),
      );
    return fresh.length;
  });
}
