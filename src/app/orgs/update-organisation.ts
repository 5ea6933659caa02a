// Changes an organisation's own settings: its time zone, in which office hours count and every date and time
// is shown (the web app, the evidence PDF). Refuses a name Intl does not know as a time zone.
import { organisationWide } from "../../domain/policy.js";
import { eq, sql } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { getOrganisation } from "./get-organisation.js";
import { ZOrganisationSettings } from "../../contract/organisation.js";

export async function updateOrganisation(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZOrganisationSettings.parse(options.input);
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, options.orgId)).for("update");
    if (!before) throw new AppError("NOT_FOUND");
    await tx.update(organisations).set({ timeZone: input.timeZone }).where(eq(organisations.id, options.orgId));
    // The report rollups count by the organisation's calendar days: in another zone they begin at another hour.
    if (input.timeZone !== before.timeZone)
      await tx.execute(sql`select draht_rebuild_inbound_rollups(${options.orgId}::uuid)`);
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "organisation.updated",
      target: { type: "organisation", id: options.orgId },
      data: { timeZone: { from: before.timeZone, to: input.timeZone } },
      occurredAt: now,
    });
  });
  return getOrganisation(ctx, options);
}
