// Deletes a department. Members limited to it lose it from their scope (they do not gain others).
import { and, eq } from "drizzle-orm";
import { departments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function deleteDepartment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; departmentId: string },
): Promise<void> {
  // The departments are the organisation's structure: changing any of them is an organisation-wide change.
  requireAllowed(ctx, options.actor, "department.manage", organisationWide(options.orgId));
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(departments)
      .where(and(eq(departments.id, options.departmentId), eq(departments.orgId, options.orgId)))
      .returning();
    if (!removed) throw new AppError("NOT_FOUND");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "department.deleted",
      target: { type: "department", id: removed.id },
      data: { name: removed.name },
      occurredAt: ctx.clock(),
    });
  });
}
