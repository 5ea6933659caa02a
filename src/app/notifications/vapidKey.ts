// The installation's VAPID key for Web Push (RFC 8292): made on first use — when a person first asks to turn
// push on — and kept in the database with its private half sealed by the credential vault (bound to its row,
// rotated by `draht credentials rotate` like the other secrets). Browsers' subscriptions are tied to this
// public key, so it is made once and kept; there is no key in the configuration to fall out of step with.
import { eq } from "drizzle-orm";
import webpush from "web-push";
import type { Db, Tx } from "../../db/client.js";
import { vapidKeys } from "../../db/schema/index.js";
import { ZSealed } from "../security/credentialVault.js";
import type { AppContext } from "../context.js";

const KEY_ID = "installation";
/** What the VAPID key's seal is bound to. */
export const vapidKeyBinding = `vapid-key:${KEY_ID}`;

export async function vapidKeyRow(db: Db | Tx) {
  const [row] = await db.select().from(vapidKeys).where(eq(vapidKeys.id, KEY_ID));
  return row ?? null;
}

/** The key, made on first use (two first uses at once: the second takes the first's key). */
export async function ensureVapidKey(ctx: AppContext) {
  const existing = await vapidKeyRow(ctx.db);
  if (existing) return existing;
  const keys = webpush.generateVAPIDKeys();
  await ctx.db
    .insert(vapidKeys)
    .values({
      id: KEY_ID,
      publicKey: keys.publicKey,
      sealedPrivateKey: JSON.stringify(ctx.credentials.seal(keys.privateKey, vapidKeyBinding)),
      createdAt: ctx.clock(),
    })
    .onConflictDoNothing();
  const row = await vapidKeyRow(ctx.db);
  if (!row) throw new Error("VAPID key insert returned nothing");
  return row;
}

/** The key pair to sign with; null while nobody turned push on (then there is nothing to send to). */
export async function openVapidKey(ctx: AppContext): Promise<{ publicKey: string; privateKey: string } | null> {
  const row = await vapidKeyRow(ctx.db);
  if (!row) return null;
  const privateKey = ctx.credentials.open(ZSealed.parse(JSON.parse(row.sealedPrivateKey)), vapidKeyBinding);
  if (typeof privateKey !== "string") throw new Error("sealed VAPID key is not a string");
  return { publicKey: row.publicKey, privateKey };
}

/** The public key, for the browser's PushManager.subscribe (applicationServerKey). */
export async function getVapidPublicKey(ctx: AppContext): Promise<{ publicKey: string }> {
  return { publicKey: (await ensureVapidKey(ctx)).publicKey };
}
