// The browsers a person receives Web Push in: registered by the browser's PushSubscription, removed by its
// address. A browser belongs to whoever signed in on it last (its address is unique). The push service's
// address must obey the rule for servers draht reaches (https, no private addresses unless trusted).
import { and, eq, sql } from "drizzle-orm";
import { pushSubscriptions } from "../../db/schema/index.js";
import { OK } from "../../contract/common.js";
import { ZPushEndpoint, ZPushSubscription } from "../../contract/notifications.js";
import { AppError } from "../../domain/errors.js";
import { refusalOfUrl } from "../../domain/serverAddress.js";
import type { AppContext } from "../context.js";

/** A person receives push in this many browsers at most (the oldest is forgotten). */
export const MOST_PUSH_BROWSERS = 10;

export async function subscribeToPush(ctx: AppContext, options: { userId: string; input: unknown }) {
  const input = ZPushSubscription.parse(options.input);
  const refusal = refusalOfUrl(input.endpoint, ctx.networkServers);
  if (refusal)
    throw new AppError("VALIDATION_FAILED", {
      details: { field: "endpoint", problem: "push_service_not_allowed", reason: refusal.reason },
    });
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(pushSubscriptions)
      .values({ userId: options.userId, endpoint: input.endpoint, ...input.keys, createdAt: now })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: options.userId, p256dh: input.keys.p256dh, auth: input.keys.auth, createdAt: now },
      });
    await tx.execute(sql`
      delete from push_subscriptions
       where user_id = ${options.userId}::uuid
         and id not in (select id from push_subscriptions where user_id = ${options.userId}::uuid
                         order by created_at desc limit ${MOST_PUSH_BROWSERS})`);
  });
  return OK;
}

export async function unsubscribeFromPush(ctx: AppContext, options: { userId: string; input: unknown }) {
  const { endpoint } = ZPushEndpoint.parse(options.input);
  // Someone else's browser is not found: the same answer as for an unknown address.
  await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, options.userId)));
  return OK;
}
