// Renames a department.
import { and, eq } from "drizzle-orm";
import { departments } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { type TDepartmentInput, ZDepartmentInput } from "../../contract/organisation.js";

export async function updateDepartment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; departmentId: string; input: TDepartmentInput },
) {
  // The departments are the organisation's structure: changing any of them is an organisation-wide change.
  requireAllowed(ctx, options.actor, "department.manage", organisationWide(options.orgId));
  const input = ZDepartmentInput.parse(options.input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.id, options.departmentId), eq(departments.orgId, options.orgId)));
      if (!before) throw new AppError("NOT_FOUND");
      const [after] = await tx.update(departments).set(input).where(eq(departments.id, before.id)).returning();
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "department.updated",
        target: { type: "department", id: before.id },
        data: { from: { name: before.name, shortName: before.shortName }, to: input },
        occurredAt: ctx.clock(),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "name" }, cause: error });
    throw error;
  }
}
