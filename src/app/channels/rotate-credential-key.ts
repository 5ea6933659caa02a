// Key rotation: every sealed secret (channel credentials, webhook secrets, OAuth client secrets, the organisations'
// feed signing keys, the installation's VAPID key) still sealed with an
// earlier key is opened and sealed again with the current CREDENTIALS_KEY, row by row in one transaction;
// afterwards the earlier key can be removed from CREDENTIALS_KEYS_PREVIOUS. A secret that opens with no
// configured key stops the rotation before anything changes.
import { eq } from "drizzle-orm";
import {
  channelCredentials,
  channelOauthClients,
  channelWebhooks,
  organisations,
  orgSigningKeys,
  vapidKeys,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { signingKeyBinding } from "../feeds/signingKey.js";
import { vapidKeyBinding } from "../notifications/vapidKey.js";
import { webhookSecretBinding } from "./channel-webhook.js";

/** `orgSlug` limits the rotation to one organisation's accounts (OAuth clients are the installation's: not then). */
export async function rotateCredentialKey(
  ctx: AppContext,
  options: { orgSlug?: string } = {},
): Promise<{
  credentials: number;
  webhookSecrets: number;
  clients: number;
  signingKeys: number;
  vapidKeys: number;
  alreadyCurrent: number;
}> {
  const vault = ctx.credentials;
  return ctx.db.transaction(async (tx) => {
    let orgId: string | undefined;
    if (options.orgSlug) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, options.orgSlug));
      if (!org) throw new AppError("NOT_FOUND", { userMessage: `No organisation with slug "${options.orgSlug}".` });
      orgId = org.id;
    }
    const now = ctx.clock();
    let credentials = 0;
    let clients = 0;
    let webhookSecrets = 0;
    let signingKeys = 0;
    let alreadyCurrent = 0;
    const own = orgId ? eq(channelCredentials.orgId, orgId) : undefined;
    for (const row of await tx.select().from(channelCredentials).where(own).for("update")) {
      if (!vault.isStale(row)) {
        alreadyCurrent++;
        continue;
      }
      const sealed = vault.seal(vault.open(row, row.channelAccountId), row.channelAccountId);
      await tx
        .update(channelCredentials)
        .set({ ...sealed, updatedAt: now })
        .where(eq(channelCredentials.channelAccountId, row.channelAccountId));
      credentials++;
    }
    const ownHooks = orgId ? eq(channelWebhooks.orgId, orgId) : undefined;
    for (const row of await tx.select().from(channelWebhooks).where(ownHooks).for("update")) {
      const boundTo = webhookSecretBinding(row.channelAccountId);
      if (!vault.isStale(row)) {
        alreadyCurrent++;
        continue;
      }
      await tx
        .update(channelWebhooks)
        .set(vault.seal(vault.open(row, boundTo), boundTo))
        .where(eq(channelWebhooks.channelAccountId, row.channelAccountId));
      webhookSecrets++;
    }
    for (const row of orgId ? [] : await tx.select().from(channelOauthClients).for("update")) {
      const boundTo = `${row.network} ${row.serverUrl} ${row.redirectUri}`;
      const old = JSON.parse(row.sealedSecret);
      if (!vault.isStale(old)) {
        alreadyCurrent++;
        continue;
      }
      await tx
        .update(channelOauthClients)
        .set({ sealedSecret: JSON.stringify(vault.seal(vault.open(old, boundTo), boundTo)) })
        .where(eq(channelOauthClients.id, row.id));
      clients++;
    }
    const ownKeys = orgId ? eq(orgSigningKeys.orgId, orgId) : undefined;
    for (const row of await tx.select().from(orgSigningKeys).where(ownKeys).for("update")) {
      const boundTo = signingKeyBinding(row.orgId);
      const old = JSON.parse(row.sealedPrivateKey);
      if (!vault.isStale(old)) {
        alreadyCurrent++;
        continue;
      }
      await tx
        .update(orgSigningKeys)
        .set({ sealedPrivateKey: JSON.stringify(vault.seal(vault.open(old, boundTo), boundTo)) })
        .where(eq(orgSigningKeys.orgId, row.orgId));
      signingKeys++;
    }
    let vapid = 0;
    // The installation's, like the OAuth clients: not part of one organisation's rotation.
    for (const row of orgId ? [] : await tx.select().from(vapidKeys).for("update")) {
      const old = JSON.parse(row.sealedPrivateKey);
      if (!vault.isStale(old)) {
        alreadyCurrent++;
        continue;
      }
      const sealed = vault.seal(vault.open(old, vapidKeyBinding), vapidKeyBinding);
      await tx
        .update(vapidKeys)
        .set({ sealedPrivateKey: JSON.stringify(sealed) })
        .where(eq(vapidKeys.id, row.id));
      vapid++;
    }
    return { credentials, webhookSecrets, clients, signingKeys, vapidKeys: vapid, alreadyCurrent };
  });
}
