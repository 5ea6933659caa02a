// Setting up a channel account's webhook (channel.manage): the secret the network signs its deliveries with
// is entered (Meta issues an app secret) or made by draht, kept sealed, and shown once with the address and the
// verification token to enter at the network; removing it makes the endpoint answer 404 for the account.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { channelWebhooks } from "../../db/schema/index.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { webhookPath, webhookVerifyToken } from "../../domain/webhooks.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { connectorAccountOf } from "./channelCredentials.js";
import { loadManagedAccount, networkCall } from "./channelConnecting.js";

/** What a webhook secret's seal is bound to (a seal copied to another account does not open). */
export const webhookSecretBinding = (channelAccountId: string) => `webhook:${channelAccountId}`;

export async function setUpWebhook(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string; secret?: string | undefined },
): Promise<{ callbackUrl: string; verifyToken: string; secret: string | null }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
  if (!connector.webhooks)
    throw new AppError("CHANNEL_UNSUPPORTED", { details: { network: account.network, action: "webhook" } });
  const made = options.secret === undefined;
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const now = ctx.clock();
  const sealed = ctx.credentials.seal(secret, webhookSecretBinding(account.id));
  const callbackUrl = `${ctx.publicUrl}${webhookPath(account.network, account.id)}`;
  // A network told by an API call (Telegram) is told first: when it refuses, nothing is set up in draht and the
  // audit trail does not claim otherwise. A delivery that comes before the row below is refused and delivered
  // again by the network (Telegram retries until it is answered 2xx).
  const register = connector.webhooks.register;
  if (register) {
    const target = await connectorAccountOf(ctx.db, ctx, account);
    await networkCall(ctx, () => register(target, { url: callbackUrl, secret }));
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(channelWebhooks)
      .values({
        channelAccountId: account.id,
        orgId: account.orgId,
        ...sealed,
        createdAt: now,
        createdByUserId: options.actor.userId,
      })
      .onConflictDoUpdate({
        target: channelWebhooks.channelAccountId,
        set: { ...sealed, createdAt: now, createdByUserId: options.actor.userId },
      });
    await appendAuditEvent(tx, {
      orgId: account.orgId,
      actor: options.actor,
      action: "channel_account.webhook_set_up",
      target: { type: "channel_account", id: account.id },
      data: { network: account.network, secretMadeByDraht: made },
      occurredAt: now,
    });
  });
  return {
    callbackUrl,
    verifyToken: webhookVerifyToken(secret),
    // Shown once: afterwards only the network and the sealed row know it.
    secret: made ? secret : null,
  };
}

export async function removeWebhook(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string },
): Promise<{ removed: boolean }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
  const unregister = connector.webhooks?.unregister;
  if (unregister) {
    const target = await connectorAccountOf(ctx.db, ctx, account);
    await networkCall(ctx, () => unregister(target));
  }
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(channelWebhooks)
      .where(eq(channelWebhooks.channelAccountId, account.id))
      .returning({ id: channelWebhooks.channelAccountId });
    if (gone.length > 0)
      await appendAuditEvent(tx, {
        orgId: account.orgId,
        actor: options.actor,
        action: "channel_account.webhook_removed",
        target: { type: "channel_account", id: account.id },
        data: { network: account.network },
        occurredAt: ctx.clock(),
      });
    return { removed: gone.length > 0 };
  });
}
