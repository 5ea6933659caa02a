// A person's notifications from the inbox (mentions, assignments, reminders, escalations): the unread
// ones about what they may see, newest first, and marking them read.
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { conversations, userNotifications } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { ZMarkRead } from "../../contract/inboxSchemas.js";
import { visibleConversations } from "./conversationAccess.js";

/** Notifications about a conversation the person may not see (any more) are not shown. */
export function aboutVisible(actor: OrgActor) {
  const visible = visibleConversations(actor);
  return visible === undefined ? undefined : or(isNull(userNotifications.conversationId), visible);
}

export async function listMyNotifications(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select({ n: userNotifications, citizenName: conversations.citizenName })
    .from(userNotifications)
    .leftJoin(conversations, eq(conversations.id, userNotifications.conversationId))
    .where(
      and(
        eq(userNotifications.orgId, options.orgId),
        eq(userNotifications.userId, options.actor.userId ?? ""),
        isNull(userNotifications.readAt),
        aboutVisible(options.actor),
      ),
    )
    .orderBy(desc(userNotifications.createdAt))
    .limit(100);
  return {
    notifications: rows.map(({ n, citizenName }) => ({
      id: n.id,
      kind: n.kind,
      conversationId: n.conversationId,
      reportWeek: n.reportWeek,
      citizenName,
      actorLabel: n.actorLabel,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function markNotificationsRead(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const input = ZMarkRead.parse(options.input);
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const updated = await ctx.db
    .update(userNotifications)
    .set({ readAt: ctx.clock() })
    .where(
      and(
        inArray(userNotifications.id, input.ids),
        eq(userNotifications.userId, options.actor.userId ?? ""),
        eq(userNotifications.orgId, options.orgId),
        isNull(userNotifications.readAt),
      ),
    )
    .returning({ id: userNotifications.id });
  return { read: updated.length };
}
