// Records a media asset's alternative text, captions, rights and consent (people of its department; the
// whole organisation's files: people without a department limit).
import { and, eq } from "drizzle-orm";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { presentMedia } from "./presentMedia.js";
import { type TMediaDetails, ZMediaDetails } from "../../contract/postSchemas.js";

export async function updateMedia(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; mediaId: string; input: TMediaDetails },
) {
  const input = ZMediaDetails.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ departmentId: mediaAssets.departmentId })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.id, options.mediaId), eq(mediaAssets.orgId, options.orgId)))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND");
    requireAllowed(
      ctx,
      options.actor,
      "post.draft",
      scoped({ orgId: options.orgId, departmentId: current.departmentId }),
    );
    const [asset] = await tx
      .update(mediaAssets)
      .set({ ...input, updatedAt: now })
      .where(eq(mediaAssets.id, options.mediaId))
      .returning();
    if (!asset) throw new Error("update returned nothing");
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
