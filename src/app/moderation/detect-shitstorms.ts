// The worker's shitstorm round: per channel account and per post, offensive messages in the current
// window against the windows before it (median/MAD, domain/moderation/shitstorm.ts). An alert is stored
// once per window, the responsible people are told, and the alert suggests pre-moderation of the post.
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import { moderationAlerts, userNotifications } from "../../db/schema/index.js";
import { detectStorm } from "../../domain/moderation/shitstorm.js";
import { appendAuditEvent, unlessChainDamaged } from "../audit/auditTrail.js";
import type { AppContext } from "../context.js";
import { alertRecipients, moderationSettingsOf } from "./moderationRecords.js";

interface WindowCount {
  org_id: string;
  channel_account_id: string;
  thread: string;
  bucket: number;
  offensive: number;
  total: number;
}

export async function detectShitstorms(ctx: AppContext, options: { orgId?: string } = {}): Promise<{ alerts: number }> {
  const now = ctx.clock();
  const orgs = rowsOf<{ org_id: string }>(
    await ctx.db.execute(
      sql`select distinct org_id from inbound_messages where received_at >= ${new Date(now.getTime() - 2 * 3_600_000).toISOString()}::timestamptz ${options.orgId ? sql`and org_id = ${options.orgId}::uuid` : sql``}`,
    ),
  );
  let alerts = 0;
  for (const { org_id: orgId } of orgs) {
    const settings = (await moderationSettingsOf(ctx.db, orgId)).shitstorm;
    const windowMs = settings.windowMinutes * 60_000;
    const current = Math.floor(now.getTime() / windowMs);
    const from = new Date((current - settings.historyWindows) * windowMs);
    // Counted per account ("") and per post, each window a bucket number; offensive = flagged or held/hidden.
    const counts = rowsOf<WindowCount>(
      await ctx.db.execute(sql`
        select org_id, channel_account_id, thread, bucket, sum(offensive)::int as offensive, count(*)::int as total from (
          select org_id, channel_account_id, t.thread, floor(extract(epoch from received_at) * 1000 / ${windowMs})::bigint as bucket,
                 case when flagged or visibility in ('held', 'hidden') then 1 else 0 end as offensive
            from inbound_messages, lateral (values (''), (coalesce(thread_external_id, ''))) as t(thread)
           where org_id = ${orgId}::uuid and received_at >= ${from.toISOString()}::timestamptz
        ) m group by org_id, channel_account_id, thread, bucket`),
    );
    const series = new Map<string, Map<number, WindowCount>>();
    for (const c of counts) {
      const key = `${c.channel_account_id}\u0000${c.thread}`;
      if (!series.has(key)) series.set(key, new Map());
      series.get(key)?.set(Number(c.bucket), c);
    }
    for (const [key, buckets] of series) {
      const now_ = buckets.get(current);
      if (!now_) continue;
      const history = Array.from(
        { length: settings.historyWindows },
        (_, i) => buckets.get(current - settings.historyWindows + i)?.offensive ?? 0,
      );
      const verdict = detectStorm({
        history,
        current: now_.offensive,
        threshold: settings.threshold,
        minOffensive: settings.minOffensive,
      });
      if (!verdict.alert) continue;
      const [channelAccountId = "", thread = ""] = key.split("\u0000");
      const alert = {
        orgId,
        channelAccountId,
        thread,
        windowStart: new Date(current * windowMs),
        windowEnd: new Date((current + 1) * windowMs),
        total: now_.total,
        verdict,
        now,
      };
      alerts += (await unlessChainDamaged(ctx.log, { orgId }, () => raiseAlert(ctx, alert))) ?? 0;
    }
  }
  return { alerts };
}

async function raiseAlert(
  ctx: AppContext,
  args: {
    orgId: string;
    channelAccountId: string;
    thread: string;
    windowStart: Date;
    windowEnd: Date;
    total: number;
    verdict: ReturnType<typeof detectStorm>;
    now: Date;
  },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const [alert] = await tx
      .insert(moderationAlerts)
      .values({
        orgId: args.orgId,
        channelAccountId: args.channelAccountId,
        threadExternalId: args.thread,
        windowStart: args.windowStart,
        windowEnd: args.windowEnd,
        offensive: args.verdict.current,
        total: args.total,
        baselineMedian: args.verdict.median,
        baselineMad: args.verdict.mad,
        score: args.verdict.score,
        createdAt: args.now,
      })
      .onConflictDoNothing()
      .returning({ id: moderationAlerts.id });
    if (!alert) return 0;
    const settings = await moderationSettingsOf(tx, args.orgId);
    const recipients = await alertRecipients(tx, {
      orgId: args.orgId,
      channelAccountId: args.channelAccountId,
      contacts: settings.threatContacts,
    });
    if (recipients.length) {
      await tx.insert(userNotifications).values(
        recipients.map((userId) => ({
          orgId: args.orgId,
          userId,
          kind: "shitstorm" as const,
          channelAccountId: args.channelAccountId,
          actorLabel: "system",
          createdAt: args.now,
        })),
      );
    }
    await appendAuditEvent(tx, {
      orgId: args.orgId,
      actor: { userId: null, label: "system" },
      action: "moderation.shitstorm_alert",
      target: { type: "moderation_alert", id: alert.id },
      data: {
        channelAccountId: args.channelAccountId,
        thread: args.thread || null,
        offensive: args.verdict.current,
        median: args.verdict.median,
        score: args.verdict.score,
        notified: recipients,
      },
      occurredAt: args.now,
    });
    return 1;
  });
}
