// A medium fetched by its signed address (domain/signedMediaAddress.ts) — no session: the address is the
// permission, for one file until it expires. Used by networks that fetch what draht publishes (Instagram's
// containers); the addresses are made here too, for the publishing use case to hand its connector.
import { hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { checkSignedMedia, signedMediaPath } from "../../domain/signedMediaAddress.js";
import type { AppContext } from "../context.js";

const keys = new WeakMap<Buffer, Buffer>();

/**
 * The signing key, derived from the installation's audit key (bound to the database at start, the same in every
 * process) for this one purpose, so the audit key itself never signs anything but the audit trail.
 */
function addressKey(ctx: Pick<AppContext, "auditKey">): Buffer {
  let key = keys.get(ctx.auditKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", ctx.auditKey, "draht", "signed media addresses v1", 32));
    keys.set(ctx.auditKey, key);
  }
  return key;
}

/** The public address of a medium, valid for `ttlMs` (at most a day). */
export function signedMediaUrl(
  ctx: Pick<AppContext, "auditKey" | "clock" | "publicUrl">,
  args: { mediaId: string; ttlMs: number },
): string {
  return `${ctx.publicUrl}${signedMediaPath({ key: addressKey(ctx), mediaId: args.mediaId, now: ctx.clock(), ttlMs: args.ttlMs })}`;
}

export async function getSignedMedium(ctx: AppContext, args: { mediaId: string; exp: number; sig: string }) {
  const now = ctx.clock();
  const check = checkSignedMedia({ key: addressKey(ctx), ...args, now });
  if (check.kind === "invalid") throw new AppError("NOT_ALLOWED", { details: { reason: "media_signature_invalid" } });
  if (check.kind === "expired") throw new AppError("MEDIA_ADDRESS_EXPIRED");
  const [row] = await ctx.db
    .select({ content: mediaAssets.content, mimeType: mediaAssets.mimeType })
    .from(mediaAssets)
    .where(eq(mediaAssets.id, args.mediaId));
  // Deleted from the library since the address was made: gone, like an expired address.
  if (!row) throw new AppError("MEDIA_ADDRESS_EXPIRED", { details: { reason: "media_deleted" } });
  return {
    bytes: row.content,
    mimeType: row.mimeType,
    /** Whole seconds the address still holds: the most any cache may keep the file. */
    maxAgeSeconds: Math.max(0, Math.floor((check.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}
