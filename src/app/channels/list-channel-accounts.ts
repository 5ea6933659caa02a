// The channel accounts a person may see (channelAccess.ts): every account within their channel-account limit.
import { asc } from "drizzle-orm";
import { channelAccounts } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleChannelAccounts } from "./channelAccess.js";

export async function listChannelAccounts(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "channel.view", inOrganisation(options.orgId));
  return ctx.db
    .select()
    .from(channelAccounts)
    .where(visibleChannelAccounts(options.actor, options.orgId))
    .orderBy(asc(channelAccounts.name));
}
