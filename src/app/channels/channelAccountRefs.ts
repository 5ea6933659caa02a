// Checks that the department and the accountable person named for a channel account belong to the
// organisation, so an account never points into another tenant.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { departments, memberships } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";

export async function checkChannelAccountRefs(
  tx: Db,
  args: { orgId: string; departmentId?: string | null; accountableUserId?: string | null },
): Promise<void> {
  if (args.departmentId) {
    const [found] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, args.departmentId), eq(departments.orgId, args.orgId)));
    if (!found) throw new AppError("VALIDATION_FAILED", { details: { field: "departmentId", problem: "unknown_department" } });
  }
  if (args.accountableUserId) {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, args.accountableUserId), eq(memberships.orgId, args.orgId), isNull(memberships.disabledAt)));
    if (!member) throw new AppError("VALIDATION_FAILED", { details: { field: "accountableUserId", problem: "not_a_member" } });
  }
}
