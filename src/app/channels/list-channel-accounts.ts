// The channel accounts a person may see: all of the organisation's, or those their membership is limited to.
import { and, asc, eq, inArray } from "drizzle-orm";
import { channelAccounts } from "../../db/schema/index.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listChannelAccounts(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "channel.view", { orgId: options.orgId });
  const scope = options.actor.grant?.channelAccountIds ?? null;
  if (scope !== null && scope.length === 0) return [];
  return ctx.db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, options.orgId), scope ? inArray(channelAccounts.id, [...scope]) : undefined))
    .orderBy(asc(channelAccounts.name));
}
