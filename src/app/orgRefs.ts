// Checks that a department or person named by a use case (an account's owner, a post's accountable
// person, a guideline's owner) belongs to the organisation, so nothing points into another tenant.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { departments, memberships } from "../db/schema/index.js";
import { AppError } from "../domain/errors.js";

export async function checkOrgRefs(
  tx: Db,
  args: {
    orgId: string;
    departmentId?: string | null;
    accountableUserId?: string | null;
    ownerUserId?: string | null;
    assigneeUserId?: string | null;
  },
): Promise<void> {
  if (args.departmentId) {
    const [found] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, args.departmentId), eq(departments.orgId, args.orgId)));
    if (!found)
      throw new AppError("VALIDATION_FAILED", { details: { field: "departmentId", problem: "unknown_department" } });
  }
  // People are reported under the field that named them, so the form can mark the right one.
  for (const field of ["accountableUserId", "ownerUserId", "assigneeUserId"] as const) {
    const userId = args[field];
    if (!userId) continue;
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, args.orgId), isNull(memberships.disabledAt)));
    if (!member) throw new AppError("VALIDATION_FAILED", { details: { field, problem: "not_a_member" } });
  }
}

/** Colleagues mentioned in a note or comment: active members of the organisation, or VALIDATION_FAILED. */
export async function checkMentionedMembers(
  tx: Db,
  args: { orgId: string; userIds: readonly string[] },
): Promise<void> {
  if (args.userIds.length === 0) return;
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, args.orgId),
        inArray(memberships.userId, [...args.userIds]),
        isNull(memberships.disabledAt),
      ),
    );
  if (members.length !== new Set(args.userIds).size)
    throw new AppError("VALIDATION_FAILED", { details: { field: "mentionedUserIds", problem: "not_a_member" } });
}
