// Opens a citizen session for an organisation's public pages; limited per (hashed) IP address.
import { citizenSessions } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import { digestToken, newToken } from "../security/tokens.js";
import { findPublicOrg } from "./publicOrg.js";
import { consumeRate, ipKey } from "./publicRateLimit.js";

export async function startCitizenSession(
  ctx: AppContext,
  options: { orgKey: string; ip: string },
): Promise<{ token: string }> {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const token = newToken();
  const now = ctx.clock();
  const ip = await ipKey(ctx, options.ip);
  await ctx.db.transaction(async (tx) => {
    await consumeRate(ctx, tx, [
      { key: `session:ip:${ip}`, limit: ctx.public.sessionsPerIp, windowMs: ctx.public.rateWindowMs },
    ]);
    await tx
      .insert(citizenSessions)
      .values({ orgId: org.id, tokenHash: digestToken(token), createdAt: now, lastSeenAt: now });
  });
  return { token };
}
