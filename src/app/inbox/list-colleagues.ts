// The colleagues a person can hand a conversation to or mention in a note: active members of the
// organisation with their names and whether their roles let them answer. Names only, no e-mail.
import { and, asc, eq, isNull } from "drizzle-orm";
import { memberships, users } from "../../db/schema/index.js";
import { actionsOfRoles, isRole } from "../../domain/roles.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listColleagues(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // Names only, for handing over and mentioning across departments: every member in the inbox.
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, options.orgId), isNull(memberships.disabledAt)))
    .orderBy(asc(users.name));
  return {
    colleagues: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      canReply: actionsOfRoles(r.roles.filter(isRole)).has("inbox.reply"),
    })),
  };
}
