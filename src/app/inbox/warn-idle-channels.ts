// The worker's idle-channel check (hourly): a channel account without a post, or with citizens waiting
// and no answer, for the organisation's idle period is reported to the person accountable for it
// (else its responsible people in the coverage plan), at most once per idle period.
import { and, eq, gt, inArray } from "drizzle-orm";
import { channelIdleWarnings, organisations, userNotifications } from "../../db/schema/index.js";
import { accountablePeople } from "../channels/accountablePeople.js";
import type { AppContext } from "../context.js";
import { channelActivityOf } from "./channelActivity.js";
import { inboxSettingsOf } from "./intakeRules.js";

/** `orgId` limits the check to one organisation (tests, operator tools); the worker runs it for all. */
export async function warnIdleChannels(ctx: AppContext, options: { orgId?: string } = {}): Promise<{ warned: number }> {
  const now = ctx.clock();
  const orgs = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(options.orgId ? eq(organisations.id, options.orgId) : undefined);
  let warned = 0;
  for (const org of orgs) {
    warned += await ctx.db.transaction(async (tx) => {
      const settings = await inboxSettingsOf(tx, org.id);
      const idle = (await channelActivityOf(tx, { orgId: org.id, idleDays: settings.idleWarningDays, now })).filter(
        (a) => a.idle !== null,
      );
      if (idle.length === 0) return 0;
      const recent = new Date(now.getTime() - settings.idleWarningDays * 24 * 3_600_000);
      const already = await tx
        .select({ id: channelIdleWarnings.channelAccountId })
        .from(channelIdleWarnings)
        .where(
          and(
            inArray(
              channelIdleWarnings.channelAccountId,
              idle.map((a) => a.channelAccountId),
            ),
            gt(channelIdleWarnings.warnedAt, recent),
          ),
        );
      const due = idle.filter((a) => !already.some((w) => w.id === a.channelAccountId));
      for (const account of due) {
        const people = await accountablePeople(tx, account);
        if (people.length) {
          await tx.insert(userNotifications).values(
            people.map((userId) => ({
              orgId: org.id,
              userId,
              kind: "idle_channel" as const,
              channelAccountId: account.channelAccountId,
              actorLabel: "system",
              createdAt: now,
            })),
          );
        }
        await tx
          .insert(channelIdleWarnings)
          .values({ channelAccountId: account.channelAccountId, warnedAt: now })
          .onConflictDoUpdate({ target: channelIdleWarnings.channelAccountId, set: { warnedAt: now } });
      }
      return due.length;
    });
  }
  if (warned > 0) ctx.log.info({ warned }, "idle channel accounts reported");
  return { warned };
}
