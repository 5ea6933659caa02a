// Creates a department in an organisation.
import { departments } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { type TDepartmentInput, ZDepartmentInput } from "../../contract/organisation.js";

export async function createDepartment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TDepartmentInput },
) {
  requireAllowed(ctx, options.actor, "department.manage", organisationWide(options.orgId));
  const input = ZDepartmentInput.parse(options.input);
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [department] = await tx
        .insert(departments)
        .values({ orgId: options.orgId, ...input, createdAt: now })
        .returning();
      if (!department) throw new Error("insert returned nothing");
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "department.created",
        target: { type: "department", id: department.id },
        data: { name: department.name },
        occurredAt: now,
      });
      return department;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "name" }, cause: error });
    throw error;
  }
}
