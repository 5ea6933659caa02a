// Opens a session for a person who proved who they are (password at sign-in, or an invitation link
// on which they chose their password): a random cookie token, only its SHA-256 stored.
import type { Db } from "../../db/client.js";
import { sessions } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import { digestToken, newToken } from "../security/tokens.js";

/** Returns the cookie token; call inside the transaction that records the sign-in. */
export async function openSession(
  tx: Db,
  ctx: AppContext,
  args: { userId: string; userAgent?: string; now: Date },
): Promise<string> {
  const token = newToken();
  await tx.insert(sessions).values({
    id: digestToken(token),
    userId: args.userId,
    csrfToken: newToken(),
    userAgent: args.userAgent?.slice(0, 300) ?? null,
    createdAt: args.now,
    lastSeenAt: args.now,
    expiresAt: new Date(args.now.getTime() + ctx.security.sessionTtlMs),
  });
  return token;
}
