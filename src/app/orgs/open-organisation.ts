// Records that a person opened an organisation in the web app, so their start page returns to it — on any
// device, since it is kept with their membership, not in one browser.
import { and, eq } from "drizzle-orm";
import { memberships } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function openOrganisation(ctx: AppContext, options: { actor: OrgActor; orgId: string }): Promise<void> {
  requireAllowed(ctx, options.actor, "org.view", inOrganisation(options.orgId));
  const userId = options.actor.userId;
  if (!userId) throw new AppError("NOT_ALLOWED", { details: { reason: "person_required" } });
  await ctx.db
    .update(memberships)
    .set({ lastOpenedAt: ctx.clock() })
    .where(and(eq(memberships.orgId, options.orgId), eq(memberships.userId, userId)));
}
