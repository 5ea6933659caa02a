// All guideline versions of an organisation, newest first, with the review state of the one in force
// and whether the asking person has acknowledged it.
import { desc, eq } from "drizzle-orm";
import { guidelines, organisations } from "../../db/schema/index.js";
import { hasAcknowledged } from "../../db/queries/guidelines.js";
import { localDate, reviewState } from "../../domain/guidelineReview.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listGuidelines(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The guideline binds the whole organisation: every member reads it.
  requireAllowed(ctx, options.actor, "guideline.view", inOrganisation(options.orgId));
  const [org] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  const today = localDate(ctx.clock(), org?.timeZone ?? "Europe/Berlin");
  const versions = await ctx.db
    .select()
    .from(guidelines)
    .where(eq(guidelines.orgId, options.orgId))
    .orderBy(desc(guidelines.version));
  const active = versions.find((v) => v.status === "active") ?? null;
  const acknowledged =
    active && options.actor.userId
      ? await hasAcknowledged(ctx.db, { guidelineId: active.id, userId: options.actor.userId })
      : false;
  return {
    versions,
    activeId: active?.id ?? null,
    review: active ? { state: reviewState(active.reviewBy, today), reviewBy: active.reviewBy, today } : null,
    acknowledged,
  };
}
