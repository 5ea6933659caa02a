// A citizen's session on the public pages: a random bearer token held by the browser (no cookie, no
// personal data), which carries the accepted Netiquette version and keys the per-session limits.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { citizenSessions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { digestToken } from "../security/tokens.js";

export type CitizenSession = typeof citizenSessions.$inferSelect;

/** The session of a token in an organisation; a missing or unknown token is NOT_AUTHENTICATED. */
export async function requireCitizenSession(
  db: Db | Tx,
  args: { orgId: string; token: string | undefined; now: Date },
): Promise<CitizenSession> {
  if (!args.token) throw new AppError("NOT_AUTHENTICATED", { details: { reason: "citizen_session_missing" } });
  const [session] = await db
    .update(citizenSessions)
    .set({ lastSeenAt: args.now })
    .where(and(eq(citizenSessions.tokenHash, digestToken(args.token)), eq(citizenSessions.orgId, args.orgId)))
    .returning();
  if (!session) throw new AppError("NOT_AUTHENTICATED", { details: { reason: "citizen_session_unknown" } });
  return session;
}

export async function findCitizenSession(
  db: Db | Tx,
  args: { orgId: string; token: string | undefined },
): Promise<CitizenSession | null> {
  if (!args.token) return null;
  const [session] = await db
    .select()
    .from(citizenSessions)
    .where(and(eq(citizenSessions.tokenHash, digestToken(args.token)), eq(citizenSessions.orgId, args.orgId)));
  return session ?? null;
}
