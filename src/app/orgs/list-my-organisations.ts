// The organisations a person belongs to (for the organisation switcher), and the one the start page opens:
// the one they opened last, else — before they opened any — the one with the most active members (an
// administrator of a busy town and an empty test organisation starts in the town).
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { memberships, organisations } from "../../db/schema/index.js";
import { isRole } from "../../domain/roles.js";
import type { AppContext } from "../context.js";

export async function listMyOrganisations(ctx: AppContext, options: { userId: string }) {
  const mine = await ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      roles: memberships.roles,
      lastOpenedAt: memberships.lastOpenedAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, options.userId), isNull(memberships.disabledAt)))
    .orderBy(asc(organisations.name));
  return {
    organisations: mine.map(({ lastOpenedAt: _opened, ...org }) => ({ ...org, roles: org.roles.filter(isRole) })),
    homeOrganisationId: await homeOf(ctx, mine),
  };
}

async function homeOf(ctx: AppContext, mine: { id: string; lastOpenedAt: Date | null }[]): Promise<string | null> {
  const opened = mine
    .filter((m) => m.lastOpenedAt !== null)
    .sort((a, b) => (b.lastOpenedAt?.getTime() ?? 0) - (a.lastOpenedAt?.getTime() ?? 0))[0];
  if (opened) return opened.id;
  if (mine.length < 2) return mine[0]?.id ?? null;
  const sizes = await ctx.db
    .select({ orgId: memberships.orgId, members: count() })
    .from(memberships)
    .where(
      and(
        inArray(
          memberships.orgId,
          mine.map((m) => m.id),
        ),
        isNull(memberships.disabledAt),
      ),
    )
    .groupBy(memberships.orgId);
  const sizeOf = (orgId: string) => sizes.find((s) => s.orgId === orgId)?.members ?? 0;
  // `mine` is sorted by name, and the sort is stable: equal sizes keep the alphabetical order.
  return [...mine].sort((a, b) => sizeOf(b.id) - sizeOf(a.id))[0]?.id ?? null;
}
