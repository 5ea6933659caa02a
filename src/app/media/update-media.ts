// Records a media asset's alternative text, captions, rights and consent.
import { and, eq } from "drizzle-orm";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { presentMedia } from "./presentMedia.js";
import { type TMediaDetails, ZMediaDetails } from "../../contract/postSchemas.js";

export async function updateMedia(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; mediaId: string; input: TMediaDetails },
) {
  requireAllowed(ctx, options.actor, "post.draft", { orgId: options.orgId });
  const input = ZMediaDetails.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [asset] = await tx
      .update(mediaAssets)
      .set({ ...input, updatedAt: now })
      .where(and(eq(mediaAssets.id, options.mediaId), eq(mediaAssets.orgId, options.orgId)))
      .returning();
    if (!asset) throw new AppError("NOT_FOUND");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "media.updated",
      target: { type: "media", id: asset.id },
      data: { fields: Object.keys(input), consent: asset.consent },
      occurredAt: now,
    });
    return presentMedia(asset);
  });
}
