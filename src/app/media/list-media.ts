// The media library of an organisation (without the bytes), and single files for display: the whole
// organisation's files and those of the person's departments.
import { and, desc, eq } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation, sharedReference } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { departmentWithin } from "../scope.js";
import { presentMedia } from "./presentMedia.js";

const { content: _content, thumbnail: _thumbnail, ...listColumns } = getTableColumns(mediaAssets);

export async function listMedia(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "post.draft", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select(listColumns)
    .from(mediaAssets)
    .where(
      and(eq(mediaAssets.orgId, options.orgId), departmentWithin(options.actor, mediaAssets.departmentId, "shared")),
    )
    .orderBy(desc(mediaAssets.createdAt))
    .limit(500);
  return rows.map(presentMedia);
}

export async function getMediaFile(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; mediaId: string; variant: "content" | "thumbnail" },
) {
  requireAllowed(ctx, options.actor, "post.draft", inOrganisation(options.orgId));
  const [row] = await ctx.db
    .select({
      content: mediaAssets.content,
      thumbnail: mediaAssets.thumbnail,
      mimeType: mediaAssets.mimeType,
      departmentId: mediaAssets.departmentId,
    })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.id, options.mediaId), eq(mediaAssets.orgId, options.orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  requireAllowed(ctx, options.actor, "post.draft", sharedReference(options.orgId, row.departmentId));
  if (options.variant === "thumbnail") {
    if (!row.thumbnail) throw new AppError("NOT_FOUND");
    return { bytes: row.thumbnail, mimeType: "image/webp" };
  }
  return { bytes: row.content, mimeType: row.mimeType };
}
