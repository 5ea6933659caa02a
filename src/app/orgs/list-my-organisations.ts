// The organisations a person belongs to (for the organisation switcher).
import { and, asc, eq, isNull } from "drizzle-orm";
import { memberships, organisations } from "../../db/schema/index.js";
import { isRole } from "../../domain/roles.js";
import type { AppContext } from "../context.js";

export async function listMyOrganisations(ctx: AppContext, options: { userId: string }) {
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, options.userId), isNull(memberships.disabledAt)))
    .orderBy(asc(organisations.name));
  return rows.map((row) => ({ ...row, roles: row.roles.filter(isRole) }));
}
