// Writes a new guideline version as a draft: the next version number, the document, the rules, its
// owner and review-by date. It takes effect when activated.
import { eq, max } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../../db/client.js";
import { guidelines } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import { checkOrgRefs } from "../orgRefs.js";
import type { AppContext } from "../context.js";
import { type TGuidelineInput, ZGuidelineInput } from "../../contract/channels.js";

/** The next version as a draft, in the audit trail (also for a guideline adopted from another organisation). */
export async function insertGuidelineVersion(
  tx: Tx,
  args: { actor: OrgActor; orgId: string; input: z.output<typeof ZGuidelineInput>; now: Date },
) {
  const { actor, orgId, input, now } = args;
  const [latest] = await tx
    .select({ version: max(guidelines.version) })
    .from(guidelines)
    .where(eq(guidelines.orgId, orgId));
  const [guideline] = await tx
    .insert(guidelines)
    .values({ ...input, orgId, version: (latest?.version ?? 0) + 1, createdByUserId: actor.userId, createdAt: now })
    .returning();
  if (!guideline) throw new Error("insert returned nothing");
  await appendAuditEvent(tx, {
    orgId,
    actor,
    action: "guideline.version_created",
    target: { type: "guideline", id: guideline.id },
    data: { version: guideline.version, reviewBy: guideline.reviewBy, ownerUserId: guideline.ownerUserId },
    occurredAt: now,
  });
  return guideline;
}

export async function createGuidelineVersion(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TGuidelineInput },
) {
  requireAllowed(ctx, options.actor, "guideline.manage", organisationWide(options.orgId));
  const input = ZGuidelineInput.parse(options.input);
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      await checkOrgRefs(tx, { orgId: options.orgId, ownerUserId: input.ownerUserId });
      return insertGuidelineVersion(tx, { actor: options.actor, orgId: options.orgId, input, now });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "version" }, cause: error });
    throw error;
  }
}
