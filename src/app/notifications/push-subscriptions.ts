// The browsers a person receives Web Push in: registered by the browser's PushSubscription, removed by its
// address. A browser belongs to whoever registered it last (its address is unique); one taken over by another
// person is registered anew, so nothing planned for the one before goes to the new one. The push service's
// address must obey the rule for servers draht reaches (https, no private addresses unless trusted), and the
// browser's keys must be what Web Push encrypts for (a P-256 public point and a 16-byte secret): a key that could
// not be used is refused here, not found out when a threat is to be sent.
import { createECDH } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
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
  if (!usableKeys(input.keys))
    throw new AppError("VALIDATION_FAILED", { details: { field: "keys", problem: "push_keys_unusable" } });
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.endpoint, input.endpoint), ne(pushSubscriptions.userId, options.userId)));
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

/** A P-256 public key (65 bytes, uncompressed, on the curve) and an authentication secret of 16 bytes. */
function usableKeys(keys: { p256dh: string; auth: string }): boolean {
  const publicKey = Buffer.from(keys.p256dh, "base64url");
  if (publicKey.length !== 65 || publicKey[0] !== 4 || Buffer.from(keys.auth, "base64url").length !== 16) return false;
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    ecdh.computeSecret(publicKey);
    return true;
  } catch {
    return false;
  }
}

export async function unsubscribeFromPush(ctx: AppContext, options: { userId: string; input: unknown }) {
  const { endpoint } = ZPushEndpoint.parse(options.input);
  // Someone else's browser is not found: the same answer as for an unknown address.
  await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, options.userId)));
  return OK;
}
