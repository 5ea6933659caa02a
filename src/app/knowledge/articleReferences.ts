// What an article names must be the organisation's and within the writer's reach: its department and owner, and
// every library file its text shows — a file of another department only for someone who may use it (as in a
// post), since every reader of the article may then see it.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type TArticleInput, mediaIdsIn } from "../../domain/knowledge/articleWorkflow.js";
import { sharedReference } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";

export async function checkArticleReferences(
  ctx: AppContext,
  tx: Tx,
  args: { actor: OrgActor; orgId: string; input: TArticleInput },
): Promise<void> {
  const { orgId, input } = args;
  await checkOrgRefs(tx, { orgId, departmentId: input.departmentId, ownerUserId: input.ownerUserId });
  const mediaIds = mediaIdsIn(input.body);
  if (mediaIds.length === 0) return;
  const found = await tx
    .select({ id: mediaAssets.id, departmentId: mediaAssets.departmentId })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.orgId, orgId), inArray(mediaAssets.id, mediaIds)));
  if (found.length !== mediaIds.length)
    throw new AppError("VALIDATION_FAILED", { details: { field: "body", problem: "unknown_media" } });
  for (const medium of found)
    requireAllowed(ctx, args.actor, "post.draft", sharedReference(orgId, medium.departmentId));
}
