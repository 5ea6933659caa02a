// Channel accounts that need someone: signed out at the network (reconnect), failing rounds (warning), or idle
// for the organisation's idle period (no post, or citizens waiting without an answer; app/inbox/channelActivity.ts,
// the rule of the hourly idle warning). Only the accounts the person sees (app/channels/channelAccess.ts).
import { and, eq, isNull } from "drizzle-orm";
import { channelAccounts, channelSyncStates } from "../../db/schema/index.js";
import type { OrgActor } from "../authorization.js";
import { visibleChannelAccounts } from "../channels/channelAccess.js";
import type { AppContext } from "../context.js";
import { channelActivityOf } from "../inbox/channelActivity.js";
import { inboxSettingsOf } from "../inbox/intakeRules.js";

type Problem = "needs_reconnect" | "warning" | "idle_posts" | "idle_answers";

export async function channelProblems(ctx: AppContext, args: { actor: OrgActor; orgId: string; now: Date }) {
  const settings = await inboxSettingsOf(ctx.db, args.orgId);
  const [accounts, activity] = await Promise.all([
    ctx.db
      .select({
        channelAccountId: channelAccounts.id,
        name: channelAccounts.name,
        network: channelAccounts.network,
        sync: channelSyncStates.status,
      })
      .from(channelAccounts)
      .leftJoin(channelSyncStates, eq(channelSyncStates.channelAccountId, channelAccounts.id))
      .where(and(visibleChannelAccounts(args.actor, args.orgId), isNull(channelAccounts.disabledAt))),
    channelActivityOf(ctx.db, { orgId: args.orgId, idleDays: settings.idleWarningDays, now: args.now }),
  ]);
  const idle = new Map(activity.map((a) => [a.channelAccountId, a.idle]));
  const items = accounts.flatMap(({ sync, ...account }) => {
    const idleAs = idle.get(account.channelAccountId) ?? null;
    const problem: Problem | null =
      sync === "needs_reconnect" || sync === "warning" ? sync : idleAs ? (`idle_${idleAs}` as const) : null;
    return problem ? [{ ...account, problem }] : [];
  });
  const rank: Record<Problem, number> = { needs_reconnect: 0, warning: 1, idle_answers: 2, idle_posts: 3 };
  items.sort((a, b) => rank[a.problem] - rank[b.problem] || a.name.localeCompare(b.name, "de"));
  return { count: items.length, items, idleWarningDays: settings.idleWarningDays };
}
