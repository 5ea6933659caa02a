// Taking one item out of a shared collection: receivers no longer see it; copies they adopted stay theirs.
// Sharing it again later continues its versions.
import { eq } from "drizzle-orm";
import { knowledgeSharedItems } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadVisibleItem } from "./sharingRows.js";

export async function withdrawSharedItem(ctx: AppContext, options: { actor: OrgActor; orgId: string; itemId: string }) {
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { item, own } = await loadVisibleItem(tx, { orgId, itemId });
    if (!own) throw new AppError("NOT_FOUND");
    if (item.withdrawnAt) throw new AppError("INVALID_TRANSITION", { details: { problem: "withdrawn" } });
    await tx.update(knowledgeSharedItems).set({ withdrawnAt: now }).where(eq(knowledgeSharedItems.id, itemId));
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "shared_item.withdrawn",
      target: { type: "shared_item", id: itemId },
      data: { collectionId: item.collectionId, kind: item.kind, title: item.title, version: item.version },
      occurredAt: now,
    });
    return { id: itemId };
  });
}
