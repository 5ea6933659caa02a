// The other organisations of the installation, by name, for choosing who receives a collection. Only for
// people who may share (the names of the installation's organisations are not everyone's business).
import { asc, ne } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listShareTargets(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "knowledge.share", organisationWide(options.orgId));
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(ne(organisations.id, options.orgId))
    .orderBy(asc(organisations.name));
  return { organisations: rows };
}
