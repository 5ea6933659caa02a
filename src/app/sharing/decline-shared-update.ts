// Leaving a newer version of an adopted item: the copy stays as it is, and this version is no longer
// offered (a still newer one will be).
import { and, eq } from "drizzle-orm";
import { knowledgeAdoptions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { copyRight } from "./adoptCopy.js";
import { updateAvailable } from "./presentItem.js";
import { loadVisibleItem, markItemNoticesRead } from "./sharingRows.js";

export async function declineSharedUpdate(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; itemId: string },
) {
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", inOrganisation(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { item, own } = await loadVisibleItem(tx, { orgId, itemId });
    if (own) throw new AppError("NOT_FOUND");
    const [adoption] = await tx
      .select()
      .from(knowledgeAdoptions)
      .where(and(eq(knowledgeAdoptions.itemId, itemId), eq(knowledgeAdoptions.orgId, orgId)))
      .for("update");
    if (!adoption || !updateAvailable(item, adoption))
      throw new AppError("INVALID_TRANSITION", { details: { problem: "no_newer_version" } });
    // Leaving it is a decision about the copy: for whoever may change the copy.
    requireAllowed(ctx, actor, ...(await copyRight(tx, { orgId, kind: item.kind, targetId: adoption.targetId })));
    await tx
      .update(knowledgeAdoptions)
      .set({ declinedVersion: item.version })
      .where(eq(knowledgeAdoptions.id, adoption.id));
    await markItemNoticesRead(tx, { orgId, itemId, userId: actor.userId, now });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "shared_item.update_declined",
      target: { type: "shared_item", id: itemId },
      data: { title: item.title, version: item.version, adoptedVersion: adoption.adoptedVersion },
      occurredAt: now,
    });
    return { id: itemId };
  });
}
