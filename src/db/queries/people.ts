// Lookups of people used by several use cases.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.js";
import { memberships, users } from "../schema/index.js";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

/** Organisations in which the user has an active membership. */
export async function activeOrgIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)));
  return rows.map((r) => r.orgId);
}

/** Every organisation the user belongs to, including disabled memberships. */
export async function allOrgIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  return rows.map((r) => r.orgId);
}
