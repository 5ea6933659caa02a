// Who carries how much: per person (and for the unassigned) the active conversations, how many of
// them are overdue or questions, and the oldest waiting one; per department the same totals; counted over
// the conversations the person may see, with the activity of the channel accounts they may see.
import { and, eq, inArray, sql } from "drizzle-orm";
import { conversations, departments, users } from "../../db/schema/index.js";
import { coversChannelAccount, inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { channelActivityOf } from "./channelActivity.js";
import { visibleConversations } from "./conversationAccess.js";
import { inboxSettingsOf } from "./intakeRules.js";

export async function getWorkload(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const now = ctx.clock().toISOString();
  const c = conversations;
  const where = and(
    eq(c.orgId, options.orgId),
    inArray(c.status, ["new", "open"]),
    visibleConversations(options.actor),
  );
  const figures = {
    active: sql<number>`count(*)::int`,
    overdue: sql<number>`(count(*) filter (where ${c.responseDueAt} <= ${now}::timestamptz))::int`,
    questions: sql<number>`(count(*) filter (where ${c.intent} = 'question'))::int`,
    oldestWaitingSince: sql<string | null>`min(${c.waitingSince})`,
  };
  const settings = await inboxSettingsOf(ctx.db, options.orgId);
  const grant = options.actor.grant;
  const coversAccount = (id: string) => grant !== null && coversChannelAccount(grant, id);
  const [people, teams, channels] = await Promise.all([
    ctx.db
      .select({ userId: c.assigneeUserId, name: users.name, ...figures })
      .from(c)
      .leftJoin(users, eq(users.id, c.assigneeUserId))
      .where(where)
      .groupBy(c.assigneeUserId, users.name),
    ctx.db
      .select({ departmentId: c.departmentId, name: departments.name, ...figures })
      .from(c)
      .leftJoin(departments, eq(departments.id, c.departmentId))
      .where(where)
      .groupBy(c.departmentId, departments.name),
    channelActivityOf(ctx.db, { orgId: options.orgId, idleDays: settings.idleWarningDays, now: ctx.clock() }),
  ]);
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  const byLoad = <T extends { overdue: number; active: number }>(a: T, b: T) =>
    b.overdue - a.overdue || b.active - a.active;
  return {
    people: people.map((p) => ({ ...p, oldestWaitingSince: iso(p.oldestWaitingSince) })).sort(byLoad),
    departments: teams.map((d) => ({ ...d, oldestWaitingSince: iso(d.oldestWaitingSince) })).sort(byLoad),
    idleWarningDays: settings.idleWarningDays,
    channels: channels
      .filter((ch) => coversAccount(ch.channelAccountId))
      .map((ch) => ({
        channelAccountId: ch.channelAccountId,
        name: ch.name,
        network: ch.network,
        idle: ch.idle,
        lastPostAt: iso(ch.lastPostAt),
        lastAnswerAt: iso(ch.lastAnswerAt),
        lastCitizenMessageAt: iso(ch.lastCitizenMessageAt),
      })),
  };
}
