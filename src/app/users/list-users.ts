// Lists every account of the installation with its organisations (for the operator's CLI).
import { asc, eq } from "drizzle-orm";
import { memberships, organisations, users } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";

export async function listUsers(ctx: AppContext, options: { orgSlug?: string } = {}) {
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      orgSlug: organisations.slug,
      roles: memberships.roles,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .orderBy(asc(users.email), asc(organisations.slug));
  const byUser = new Map<
    string,
    { id: string; email: string; name: string; disabled: boolean; memberships: string[] }
  >();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? {
      id: row.id,
      email: row.email,
      name: row.name,
      disabled: row.disabledAt !== null,
      memberships: [],
    };
    if (row.orgSlug) entry.memberships.push(`${row.orgSlug}:${(row.roles ?? []).join("+")}`);
    byUser.set(row.id, entry);
  }
  const all = [...byUser.values()];
  return options.orgSlug ? all.filter((u) => u.memberships.some((m) => m.startsWith(`${options.orgSlug}:`))) : all;
}
