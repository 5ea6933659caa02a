// Each organisation's Ed25519 key for its feeds, made when it first publishes one. The private half is
// sealed by the credential vault (bound to the organisation, so a seal copied to another row does not open)
// and rotates with `draht credentials rotate`'s key like channel secrets; the public half and its
// fingerprint are what other installations compare.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { orgSigningKeys } from "../../db/schema/index.js";
import { fingerprintOf, rawPublicKey } from "../../domain/knowledge/feed.js";
import { ZSealed } from "../security/credentialVault.js";
import type { AppContext } from "../context.js";

/** What a signing key's seal is bound to. */
export const signingKeyBinding = (orgId: string) => `org-signing-key:${orgId}`;
const boundTo = signingKeyBinding;

/** The organisation's key and fingerprint, without opening the private half. */
export async function signingKeyRow(db: Db | Tx, orgId: string) {
  const [row] = await db.select().from(orgSigningKeys).where(eq(orgSigningKeys.orgId, orgId));
  return row ?? null;
}

/** The organisation's key, made on first use (two first uses at once: the second takes the first's key). */
export async function ensureSigningKey(ctx: AppContext, tx: Tx, orgId: string) {
  const existing = await signingKeyRow(tx, orgId);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);
  const der = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  await tx
    .insert(orgSigningKeys)
    .values({
      orgId,
      publicKey: raw.toString("base64url"),
      sealedPrivateKey: JSON.stringify(ctx.credentials.seal(der, boundTo(orgId))),
      fingerprint: fingerprintOf(raw),
      createdAt: ctx.clock(),
    })
    .onConflictDoNothing();
  const row = await signingKeyRow(tx, orgId);
  if (!row) throw new Error("signing key insert returned nothing");
  return row;
}

export function openSigningKey(
  ctx: AppContext,
  row: typeof orgSigningKeys.$inferSelect,
): { privateKey: KeyObject; publicKey: KeyObject } {
  const der = ctx.credentials.open(ZSealed.parse(JSON.parse(row.sealedPrivateKey)), boundTo(row.orgId));
  if (typeof der !== "string") throw new Error("sealed signing key is not a string");
  const privateKey = createPrivateKey({ key: Buffer.from(der, "base64"), format: "der", type: "pkcs8" });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
