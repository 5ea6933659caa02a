// Lists an organisation's departments (Ämter, Fachbereiche) with their member counts.
import { asc, count, eq } from "drizzle-orm";
import { departments, membershipDepartments } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listDepartments(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The organisation's structure, which every form names: every member reads it.
  requireAllowed(ctx, options.actor, "department.view", inOrganisation(options.orgId));
  return ctx.db
    .select({
      id: departments.id,
      name: departments.name,
      shortName: departments.shortName,
      createdAt: departments.createdAt,
      limitedMembers: count(membershipDepartments.membershipId),
    })
    .from(departments)
    .leftJoin(membershipDepartments, eq(membershipDepartments.departmentId, departments.id))
    .where(eq(departments.orgId, options.orgId))
    .groupBy(departments.id)
    .orderBy(asc(departments.name));
}
