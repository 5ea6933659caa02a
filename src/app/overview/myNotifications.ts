// The person's unread notifications on the start page: the same ones the inbox shows (about what they may
// still see, app/inbox/notifications.ts), counted, newest first. Served by the partial index of unread ones.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { conversations, userNotifications } from "../../db/schema/index.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { aboutVisible } from "../inbox/notifications.js";

export async function myNotifications(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; limit: number; onlyWeeklyReports: boolean },
) {
  const n = userNotifications;
  const rows = await ctx.db
    .select({
      id: n.id,
      kind: n.kind,
      conversationId: n.conversationId,
      moderationCaseId: n.moderationCaseId,
      reportWeek: n.reportWeek,
      citizenName: conversations.citizenName,
      actorLabel: n.actorLabel,
      createdAt: n.createdAt,
      count: sql<number>`(count(*) over ())::int`,
    })
    .from(n)
    .leftJoin(conversations, eq(conversations.id, n.conversationId))
    .where(
      and(
        eq(n.orgId, args.orgId),
        eq(n.userId, args.actor.userId ?? ""),
        isNull(n.readAt),
        aboutVisible(args.actor),
        // Without the inbox a mention or an assignment would show a citizen's name to someone who may not read it.
        args.onlyWeeklyReports ? eq(n.kind, "weekly_report") : undefined,
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(args.limit);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _count, ...row }) => row) };
}
