// The worker's notification round: plan new notifications' e-mails and pushes, then claim what is due
// (FOR UPDATE SKIP LOCKED), decide each by the coverage plan (domain/notificationDelivery.ts: send while the
// person is on duty, hold otherwise, skip once read or two weeks old), mark what goes out "sending" and commit
// before anything leaves, send, and record sent / failed per notification and channel, with retries after
// backoff for failures the server may get over. A send interrupted by a crash is never repeated: a
// "sending" row whose lease ran out becomes "failed" (interrupted) — at most once, the in-app notice stays.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import {
  memberships,
  notificationDeliveries,
  organisations,
  pushSubscriptions,
  userNotifications,
  users,
} from "../../db/schema/index.js";
import { deliveryDecision, isOnDuty, nextRetryAt } from "../../domain/notificationDelivery.js";
import type { AppContext } from "../context.js";
import { loadDutyFacts } from "./dutyFacts.js";
import { noticeMail, noticePush } from "./noticeContent.js";
import { planDeliveries } from "./planDeliveries.js";
import { openVapidKey } from "./vapidKey.js";
import { sendWebPush } from "./webPush.js";

const LEASE_MS = 5 * 60_000;
/** A held notice is looked at again after this long (its person's duty may have begun). */
const RECHECK_HELD_MS = 5 * 60_000;

export interface DeliveryRun {
  planned: number;
  sent: number;
  held: number;
  failed: number;
  skipped: number;
}

export async function deliverNotifications(ctx: AppContext, options: { limit?: number } = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { planned: await planDeliveries(ctx), sent: 0, held: 0, failed: 0, skipped: 0 };
  await failInterrupted(ctx);
  const claimed = await claimDue(ctx, { limit: options.limit ?? 50 }, run);
  if (claimed.length === 0) return run;
  // Claimed rows are "sending" already: whatever fails from here is recorded per row, never left to the lease.
  const vapid = claimed.some((c) => c.delivery.channel === "push") ? await openVapidKey(ctx).catch(() => null) : null;
  for (const item of claimed) {
    let outcome: Outcome;
    try {
      // Each send gets the whole lease, so a long round's last rows are not taken for interrupted ones.
      await renewLease(ctx, item.delivery.id);
      outcome = await send(ctx, item, vapid);
    } catch (error) {
      ctx.log.warn({ deliveryId: item.delivery.id, err: (error as Error).name }, "notification delivery failed");
      outcome = "refused";
    }
    await record(ctx, item, outcome, run);
  }
  return run;
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];

/** "sending" past its lease: the worker stopped mid-send; whether it left is unknown, so it is not sent again. */
async function failInterrupted(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  await ctx.db
    .update(notificationDeliveries)
    .set({ status: "failed", outcome: "interrupted", leaseUntil: null })
    .where(and(eq(notificationDeliveries.status, "sending"), lte(notificationDeliveries.leaseUntil, now)));
}

async function claimDue(ctx: AppContext, args: { limit: number }, run: DeliveryRun) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const d = notificationDeliveries;
    const n = userNotifications;
    const rows = await tx
      .select({
        delivery: d,
        notice: {
          id: n.id,
          orgId: n.orgId,
          userId: n.userId,
          kind: n.kind,
          conversationId: n.conversationId,
          moderationCaseId: n.moderationCaseId,
          postId: n.postId,
          knowledgeArticleId: n.knowledgeArticleId,
          createdAt: n.createdAt,
          readAt: n.readAt,
        },
        member: sql<boolean>`${memberships.id} is not null`,
      })
      .from(d)
      .innerJoin(n, eq(n.id, d.notificationId))
      .leftJoin(
        memberships,
        and(eq(memberships.orgId, n.orgId), eq(memberships.userId, n.userId), sql`${memberships.disabledAt} is null`),
      )
      .where(and(inArray(d.status, ["pending", "held"]), lte(d.nextAttemptAt, now)))
      .orderBy(asc(d.nextAttemptAt))
      .limit(args.limit)
      .for("update", { of: d, skipLocked: true });
    const duty = await loadDutyFacts(tx, { people: rows.map((r) => r.notice), now });
    const sending: typeof rows = [];
    for (const row of rows) {
      const onDuty = isOnDuty({
        userId: row.notice.userId,
        at: now,
        duty: duty.of(row.notice.orgId, row.notice.userId),
      });
      const decision = row.member ? deliveryDecision({ ...row.notice, now, onDuty }) : "skip";
      if (decision === "send") sending.push(row);
      const set =
        decision === "send"
          ? {
              status: "sending" as const,
              attempts: row.delivery.attempts + 1,
              leaseUntil: new Date(now.getTime() + LEASE_MS),
            }
          : decision === "hold"
            ? { status: "held" as const, nextAttemptAt: new Date(now.getTime() + RECHECK_HELD_MS) }
            : {
                status: "skipped" as const,
                outcome: row.member ? (row.notice.readAt ? "read" : "expired") : "not_a_member",
              };
      if (decision === "hold") run.held += 1;
      if (decision === "skip") run.skipped += 1;
      await tx.update(d).set(set).where(eq(d.id, row.delivery.id));
    }
    return sending.map((r) => ({ ...r, delivery: { ...r.delivery, attempts: r.delivery.attempts + 1 } }));
  });
}

type Outcome = "sent" | "retry" | "gone" | "refused" | "not_configured";

async function send(
  ctx: AppContext,
  item: Claimed,
  vapid: { publicKey: string; privateKey: string } | null,
): Promise<Outcome> {
  const [org] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, item.notice.orgId));
  const orgName = org?.name ?? "draht";
  if (item.delivery.channel === "email") {
    if (!ctx.mailer) return "not_configured";
    const [person] = await ctx.db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, item.notice.userId));
    if (!person) return "refused";
    try {
      const mail = noticeMail({ notice: item.notice, orgName, personName: person.name, publicUrl: ctx.publicUrl });
      await ctx.mailer.send({ to: person.email, ...mail });
      return "sent";
    } catch (error) {
      // Mail errors carry the recipient's address in their text: only the codes go to the log.
      const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
      ctx.log.warn({ deliveryId: item.delivery.id, code, responseCode }, "notification e-mail failed");
      return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 ? "refused" : "retry";
    }
  }
  if (!vapid) return "retry";
  if (!item.delivery.pushSubscriptionId) return "gone";
  const [target] = await ctx.db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.id, item.delivery.pushSubscriptionId));
  // A browser registered since by another person is not this person's any more.
  if (!target || target.userId !== item.notice.userId) return "gone";
  const outcome = await sendWebPush(ctx, {
    target,
    message: noticePush({ notice: item.notice, orgName, publicUrl: ctx.publicUrl }),
    vapid,
  });
  // The browser ended its subscription: forget it (its records stay, without it).
  if (outcome === "gone") await ctx.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, target.id));
  if (outcome !== "sent") ctx.log.warn({ deliveryId: item.delivery.id, outcome }, "notification push failed");
  return outcome;
}

async function renewLease(ctx: AppContext, deliveryId: string): Promise<void> {
  const d = notificationDeliveries;
  await ctx.db
    .update(d)
    .set({ leaseUntil: new Date(ctx.clock().getTime() + LEASE_MS) })
    .where(and(eq(d.id, deliveryId), eq(d.status, "sending")));
}

async function record(ctx: AppContext, item: Claimed, outcome: Outcome, run: DeliveryRun): Promise<void> {
  const now = ctx.clock();
  const d = notificationDeliveries;
  const retryAt = outcome === "retry" ? nextRetryAt({ attempts: item.delivery.attempts, now }) : null;
  const set =
    outcome === "sent"
      ? { status: "sent" as const, sentAt: now, leaseUntil: null, outcome: null }
      : retryAt
        ? { status: "pending" as const, nextAttemptAt: retryAt, leaseUntil: null, outcome: "retry" }
        : { status: "failed" as const, leaseUntil: null, outcome };
  if (outcome === "sent") run.sent += 1;
  else if (!retryAt) run.failed += 1;
  // Only the claim that set "sending" records: a row taken as interrupted meanwhile stays so.
  await ctx.db
    .update(d)
    .set(set)
    .where(and(eq(d.id, item.delivery.id), eq(d.status, "sending")));
}
