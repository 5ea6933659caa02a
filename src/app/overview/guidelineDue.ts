// The guideline in force as the start page shows it: whether this person has acknowledged it (required before
// submitting posts), and for those who manage guidelines whether its review is due (domain/guidelineReview.ts).
import { eq } from "drizzle-orm";
import { activeGuideline, hasAcknowledged } from "../../db/queries/guidelines.js";
import { organisations } from "../../db/schema/index.js";
import { localDate, reviewState } from "../../domain/guidelineReview.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function guidelineDue(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; now: Date; managesGuidelines: boolean },
) {
  const guideline = await activeGuideline(ctx.db, args.orgId);
  if (!guideline) return null;
  const acknowledged = args.actor.userId
    ? await hasAcknowledged(ctx.db, { guidelineId: guideline.id, userId: args.actor.userId })
    : true;
  let review = null;
  if (args.managesGuidelines) {
    const [org] = await ctx.db
      .select({ timeZone: organisations.timeZone })
      .from(organisations)
      .where(eq(organisations.id, args.orgId));
    const today = localDate(args.now, org?.timeZone ?? "Europe/Berlin");
    review = { state: reviewState(guideline.reviewBy, today), reviewBy: guideline.reviewBy };
  }
  return { id: guideline.id, title: guideline.title, version: guideline.version, acknowledged, review };
}
