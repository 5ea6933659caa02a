// Withdrawing a collection: receivers no longer see it or its items; the copies they adopted stay theirs.
import { eq } from "drizzle-orm";
import { knowledgeCollections } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadOwnCollection } from "./sharingRows.js";

export async function withdrawCollection(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; collectionId: string },
) {
  const { actor, orgId, collectionId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await loadOwnCollection(tx, { orgId, collectionId, forUpdate: true });
    if (current.withdrawnAt) throw new AppError("INVALID_TRANSITION", { details: { problem: "withdrawn" } });
    await tx
      .update(knowledgeCollections)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(eq(knowledgeCollections.id, collectionId));
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_collection.withdrawn",
      target: { type: "knowledge_collection", id: collectionId },
      data: { title: current.title },
      occurredAt: now,
    });
    return { id: collectionId };
  });
}
