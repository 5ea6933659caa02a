// An organisation as its member sees it, with the actions they may take there now and the departments
// and channel accounts their membership is limited to (the UI offers only those).
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation, permittedActions } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function getOrganisation(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "org.view", inOrganisation(options.orgId));
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  return {
    ...org,
    myRoles: options.actor.grant?.roles ?? [],
    myActions: permittedActions(options.actor, ctx.clock()),
    /** null: not limited (the whole organisation). */
    myScope: {
      departmentIds: options.actor.grant?.departmentIds ?? null,
      channelAccountIds: options.actor.grant?.channelAccountIds ?? null,
    },
  };
}
