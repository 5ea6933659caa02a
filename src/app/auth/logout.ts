// Ends the current session, or every session of the person ("logout everywhere").
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema/index.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import type { AppContext, Principal } from "../context.js";

export async function logout(ctx: AppContext, options: { actor: Principal; sessionId: string }): Promise<void> {
  const { actor } = options;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, options.sessionId));
    if (actor.userId) {
      await auditPersonEvent(tx, { userId: actor.userId, actor, action: "auth.logout", occurredAt: ctx.clock() });
    }
  });
}

export async function logoutEverywhere(ctx: AppContext, options: { actor: Principal; userId: string }) {
  const ended = await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(sessions).where(eq(sessions.userId, options.userId)).returning({ id: sessions.id });
    await auditPersonEvent(tx, {
      userId: options.userId,
      actor: options.actor,
      action: "auth.logout_everywhere",
      data: { sessionsEnded: removed.length },
      occurredAt: ctx.clock(),
    });
    return removed.length;
  });
  return { sessionsEnded: ended };
}
