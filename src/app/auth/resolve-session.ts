// Finds the person behind a session cookie; expired and idle sessions end here.
import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; locale: string; mustChangePassword: boolean };
}

const TOUCH_AFTER_MS = 60_000;

export async function resolveSession(ctx: AppContext, options: { token: string }): Promise<ResolvedSession | null> {
  const sessionId = digestToken(options.token);
  const [row] = await ctx.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const now = ctx.clock();
  const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
  if (row.session.expiresAt <= now || idleSince > ctx.security.sessionIdleMs || row.user.disabledAt) {
    await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (idleSince > TOUCH_AFTER_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { user } = row;
  return {
    sessionId,
    csrfToken: row.session.csrfToken,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
