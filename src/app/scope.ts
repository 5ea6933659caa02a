// The policy's scope rule (domain/policy.ts) as SQL conditions, so that a list keeps exactly the rows a
// single lookup of the same person would allow: rows of their departments (a row of no department only
// for a grant without a department limit) and of their channel accounts.
import { type AnyColumn, type SQL, and, inArray, isNull, or, sql } from "drizzle-orm";
import type { OrgActor } from "./authorization.js";

/**
 * Rows whose department the person's grant reaches. `orgWideRows: "shared"` keeps the rows of no
 * department for everyone, for shared references (policy.sharedReference); by default they need a grant
 * without a department limit. `undefined` means no condition.
 */
export function departmentWithin(
  actor: OrgActor,
  column: AnyColumn,
  orgWideRows: "restricted" | "shared" = "restricted",
): SQL | undefined {
  const grant = actor.grant;
  if (!grant) return sql`false`;
  if (grant.departmentIds === null) return undefined;
  const ids = [...grant.departmentIds];
  if (orgWideRows === "shared") return ids.length ? or(isNull(column), inArray(column, ids)) : isNull(column);
  return ids.length ? inArray(column, ids) : sql`false`;
}

/** Rows of a channel account the person's grant reaches. */
export function channelAccountWithin(actor: OrgActor, column: AnyColumn): SQL | undefined {
  const grant = actor.grant;
  if (!grant) return sql`false`;
  if (grant.channelAccountIds === null) return undefined;
  return grant.channelAccountIds.length ? inArray(column, [...grant.channelAccountIds]) : sql`false`;
}

/** Both: rows of one department and one channel account, e.g. conversations. */
export function withinScope(
  actor: OrgActor,
  columns: { departmentId: AnyColumn; channelAccountId: AnyColumn },
): SQL | undefined {
  return and(departmentWithin(actor, columns.departmentId), channelAccountWithin(actor, columns.channelAccountId));
}
