// The first steps of a new organisation, for its administrators: a channel added (and connected where the network
// needs it), office hours set, the Netiquette published, a guideline in force, colleagues invited, routing rules and
// response-time targets. Each is read from what is there, so a step is ticked as soon as it is done, wherever it
// was done; nothing is stored for the list itself.
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import {
  channelAccounts,
  channelCredentials,
  guidelines,
  memberships,
  membershipInvitations,
  netiquettes,
  organisations,
  responseTargets,
  routingRules,
} from "../../db/schema/index.js";
import { organisationWide } from "../../domain/policy.js";
import { SETUP_STEPS } from "../../contract/organisation.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

/** Networks that publish without a connection to another server. */
const NEEDS_NO_CONNECTION = new Set(["website", "sandbox"]);

export async function setupChecklist(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // What the whole organisation has set up: not for a member limited to some departments or channels.
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const { orgId } = options;
  const db = ctx.db;
  const howMany = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? 0;
  const [accounts, org, netiquette, guideline, members, invitations, routing, targets] = await Promise.all([
    db
      .select({ network: channelAccounts.network, connected: channelCredentials.channelAccountId })
      .from(channelAccounts)
      .leftJoin(channelCredentials, eq(channelCredentials.channelAccountId, channelAccounts.id))
      .where(and(eq(channelAccounts.orgId, orgId), isNull(channelAccounts.disabledAt))),
    db.select({ schedule: organisations.officeSchedule }).from(organisations).where(eq(organisations.id, orgId)),
    howMany(
      db
        .select({ n: count() })
        .from(netiquettes)
        .where(and(eq(netiquettes.orgId, orgId), isNotNull(netiquettes.publishedAt))),
    ),
    howMany(
      db
        .select({ n: count() })
        .from(guidelines)
        .where(and(eq(guidelines.orgId, orgId), eq(guidelines.status, "active"))),
    ),
    howMany(db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId))),
    howMany(db.select({ n: count() }).from(membershipInvitations).where(eq(membershipInvitations.orgId, orgId))),
    howMany(db.select({ n: count() }).from(routingRules).where(eq(routingRules.orgId, orgId))),
    howMany(db.select({ n: count() }).from(responseTargets).where(eq(responseTargets.orgId, orgId))),
  ]);
  const done: Record<(typeof SETUP_STEPS)[number], boolean> = {
    channel: accounts.length > 0 && accounts.every((a) => NEEDS_NO_CONNECTION.has(a.network) || a.connected !== null),
    officeHours: org[0]?.schedule != null,
    netiquette: netiquette > 0,
    guideline: guideline > 0,
    colleagues: members > 1 || invitations > 0,
    routing: routing > 0,
    targets: targets > 0,
  };
  const steps = SETUP_STEPS.map((step) => ({ step, done: done[step] }));
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length };
}
