// Who sees which conversations: a member limited to departments or channel accounts sees only
// those (a conversation without a department is visible to all, as in the policy). The SQL condition
// here mirrors domain/policy.ts so that lists and single reads agree.
import { type AnyColumn, type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, conversations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export function visibleConversations(actor: OrgActor): SQL | undefined {
  return withinGrantScope(actor, {
    departmentId: conversations.departmentId,
    channelAccountId: conversations.channelAccountId,
  });
}

/**
 * The rows a member limited to departments or channel accounts may see, for any table that names both
 * (a row without a department is visible to all, as in the policy).
 */
export function withinGrantScope(
  actor: OrgActor,
  columns: { departmentId: AnyColumn; channelAccountId: AnyColumn },
): SQL | undefined {
  const grant = actor.grant;
  if (!grant) return sql`false`;
  const conditions: SQL[] = [];
  if (grant.departmentIds) {
    const ids = grant.departmentIds;
    conditions.push(
      ids.length
        ? (or(isNull(columns.departmentId), inArray(columns.departmentId, [...ids])) as SQL)
        : isNull(columns.departmentId),
    );
  }
  if (grant.channelAccountIds) {
    const ids = grant.channelAccountIds;
    conditions.push(ids.length ? inArray(columns.channelAccountId, [...ids]) : sql`false`);
  }
  return conditions.length ? and(...conditions) : undefined;
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
  requireAllowed(ctx, args.actor, args.action, {
    orgId: args.orgId,
    departmentId: row.conversation.departmentId,
    channelAccountId: row.conversation.channelAccountId,
  });
  return { ...row.conversation, network: row.network, channelName: row.channelName };
}
