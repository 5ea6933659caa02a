// The public holidays of the organisation's Bundesland in a span of years (the calendar shows them).
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { publicHolidays } from "../../domain/holidays.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listHolidays(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; fromYear: number; toYear: number },
) {
  // Public holidays are nobody's resource.
  requireAllowed(ctx, options.actor, "calendar.view", inOrganisation(options.orgId));
  if (options.toYear < options.fromYear || options.toYear - options.fromYear > 2) {
    throw new AppError("VALIDATION_FAILED", { details: { field: "year", problem: "span_too_long" } });
  }
  const [org] = await ctx.db
    .select({ state: organisations.state })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const holidays = [];
  for (let year = options.fromYear; year <= options.toYear; year++) holidays.push(...publicHolidays(year, org.state));
  return { state: org.state, holidays };
}
