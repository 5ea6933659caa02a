// Who sees which conversations. A conversation, with its messages, replies, notes, website comments and
// moderation cases, belongs to its department (none: the whole organisation's, until it is routed) and
// its channel account; lists use the same rule in SQL (app/scope.ts) so that lists and single reads agree.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { TInboxEvent } from "../../contract/inboxSchemas.js";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, conversations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type Resource, scoped } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { withinScope } from "../scope.js";

export function visibleConversations(actor: OrgActor) {
  return withinScope(actor, {
    departmentId: conversations.departmentId,
    channelAccountId: conversations.channelAccountId,
  });
}

/** Conversations waiting for an answer now (active, a wait running) that the person may see. */
export function waitingVisibleTo(actor: OrgActor) {
  return and(
    inArray(conversations.status, ["new", "open"]),
    isNotNull(conversations.waitingSince),
    visibleConversations(actor),
  );
}

export function conversationResource(c: {
  orgId: string;
  departmentId: string | null;
  channelAccountId: string;
}): Resource {
  return scoped({ orgId: c.orgId, departmentId: c.departmentId, channelAccountIds: [c.channelAccountId] });
}

export type ConversationRow = typeof conversations.$inferSelect;

/** Loads one conversation of the organisation (locked with `forUpdate`) after asking the policy. */
export async function loadConversation(
  ctx: AppContext,
  tx: Db | Tx,
  args: { actor: OrgActor; orgId: string; conversationId: string; action: Action; forUpdate?: boolean },
): Promise<ConversationRow & { network: string; channelName: string }> {
  const query = tx
    .select({ conversation: conversations, network: channelAccounts.network, channelName: channelAccounts.name })
    .from(conversations)
    .innerJoin(channelAccounts, eq(channelAccounts.id, conversations.channelAccountId))
    .where(and(eq(conversations.id, args.conversationId), eq(conversations.orgId, args.orgId)));
  const [row] = args.forUpdate ? await query.for("update", { of: conversations }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  requireAllowed(ctx, args.actor, args.action, conversationResource(row.conversation));
  return { ...row.conversation, network: row.network, channelName: row.channelName };
}

/**
 * A live inbox event as one person may receive it: only the conversations their grant reaches (the same rule
 * as lists), so a department-limited person learns nothing of others' conversations or who works on them.
 * `null`: nothing of it is theirs.
 */
export async function inboxEventFor(ctx: AppContext, actor: OrgActor, event: TInboxEvent): Promise<TInboxEvent | null> {
  const scope = visibleConversations(actor);
  if (!scope) return event;
  const ids = event.kind === "conversations" ? event.conversationIds : [event.conversationId];
  const visible = new Set(
    (
      await ctx.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.orgId, event.orgId), inArray(conversations.id, [...ids]), scope))
    ).map((row) => row.id),
  );
  if (event.kind === "presence") return visible.has(event.conversationId) ? event : null;
  const conversationIds = event.conversationIds.filter((id) => visible.has(id));
  return conversationIds.length ? { ...event, conversationIds } : null;
}
