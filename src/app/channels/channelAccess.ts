// Who may see and manage which channel accounts. Managing an account (settings, connection, sync) is its
// department's business; an account of no department is the organisation's. Seeing accounts is wider:
// everyone who drafts posts needs the accounts they may post to, so the list holds every account within
// the person's channel-account limit, whatever its department.
import { and, eq } from "drizzle-orm";
import { channelAccounts } from "../../db/schema/index.js";
import { type Resource, scoped } from "../../domain/policy.js";
import type { OrgActor } from "../authorization.js";
import { channelAccountWithin } from "../scope.js";

export function channelAccountResource(account: { orgId: string; id: string; departmentId: string | null }): Resource {
  return scoped({ orgId: account.orgId, departmentId: account.departmentId, channelAccountIds: [account.id] });
}

/** The accounts a person sees, as SQL. */
export function visibleChannelAccounts(actor: OrgActor, orgId: string) {
  return and(eq(channelAccounts.orgId, orgId), channelAccountWithin(actor, channelAccounts.id));
}
