// Adds a file to the organisation's media library, as a department's file or the whole organisation's,
// after checking its size and its type by content.
import { createHash } from "node:crypto";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { inspectMedia } from "./inspect-media.js";
import { ZUploadMeta } from "../../contract/postSchemas.js";
import { presentMedia } from "./presentMedia.js";

export async function uploadMedia(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; bytes: Buffer; maxBytes: number; maxVideoSeconds?: number; meta: unknown },
) {
  const meta = ZUploadMeta.parse(options.meta);
  requireAllowed(ctx, options.actor, "post.draft", scoped({ orgId: options.orgId, departmentId: meta.departmentId }));
  if (options.bytes.length === 0)
    throw new AppError("VALIDATION_FAILED", { details: { field: "file", problem: "empty" } });
  if (options.bytes.length > options.maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", { details: { limit: options.maxBytes } });
  const { durationSeconds, ...inspected } = await inspectMedia(options.bytes, {
    maxVideoSeconds: options.maxVideoSeconds ?? 180,
  });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await checkOrgRefs(tx, { orgId: options.orgId, departmentId: meta.departmentId });
    const [asset] = await tx
      .insert(mediaAssets)
      .values({
        orgId: options.orgId,
        departmentId: meta.departmentId,
        ...inspected,
        fileName: meta.fileName,
        byteSize: options.bytes.length,
        durationSeconds: durationSeconds === null ? null : Math.round(durationSeconds),
        sha256: createHash("sha256").update(options.bytes).digest("hex"),
        content: options.bytes,
        altText: meta.altText ?? null,
        hasCaptions: meta.hasCaptions ?? false,
        hasTranscript: meta.hasTranscript ?? false,
        rightsHolder: meta.rightsHolder ?? "",
        licence: meta.licence ?? "",
        consent: meta.consent ?? "not_needed",
        consentNote: meta.consentNote ?? "",
        uploadedByUserId: options.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!asset) throw new Error("insert returned nothing");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "media.uploaded",
      target: { type: "media", id: asset.id },
      data: { kind: asset.kind, mimeType: asset.mimeType, byteSize: asset.byteSize, sha256: asset.sha256 },
      occurredAt: now,
    });
    return presentMedia(asset);
  });
}
