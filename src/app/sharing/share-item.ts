// Sharing one item in a collection, or sharing it anew: the item's current text becomes the next shared
// version (receivers who adopted an earlier one are told), or, when nothing changed, the share only confirms
// it as checked today. Citizens' personal data stops it unless the person overrides with a reason, which is
// kept with the version and in the audit trail.
import { and, eq } from "drizzle-orm";
import { knowledgeSharedItemVersions, knowledgeSharedItems, organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { ZShareItemInput, hasSource } from "../../domain/knowledge/sharing.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { notifyAdopters } from "./notifyAdopters.js";
import { loadOwnCollection } from "./sharingRows.js";
import { personalDataIn, sameContent, sourceSnapshot } from "./sourceSnapshot.js";

export async function shareItem(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; collectionId: string; input: unknown },
) {
  const input = ZShareItemInput.parse(options.input);
  const { actor, orgId, collectionId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  if (hasSource(input.kind) && !input.sourceId)
    throw new AppError("VALIDATION_FAILED", { details: { field: "sourceId", problem: "required" } });
  return ctx.db.transaction(async (tx) => {
    const collection = await loadOwnCollection(tx, { orgId, collectionId, forUpdate: true });
    if (collection.withdrawnAt) throw new AppError("INVALID_TRANSITION", { details: { problem: "withdrawn" } });
    const snapshot = await sourceSnapshot(tx, { orgId, kind: input.kind, sourceId: input.sourceId ?? orgId });
    const { sourceId, ...content } = snapshot;
    const [existing] = await tx
      .select()
      .from(knowledgeSharedItems)
      .where(
        and(
          eq(knowledgeSharedItems.collectionId, collectionId),
          eq(knowledgeSharedItems.kind, input.kind),
          eq(knowledgeSharedItems.sourceId, sourceId),
        ),
      )
      .for("update");
    const target = (id: string) => ({ type: "shared_item" as const, id });

    // Unchanged: it was checked for personal data when this version was shared; sharing it again confirms it as
    // current (and shares a withdrawn one again), without a new version.
    if (existing && sameContent(existing, content)) {
      await tx
        .update(knowledgeSharedItems)
        .set({ checkedAt: now, withdrawnAt: null })
        .where(eq(knowledgeSharedItems.id, existing.id));
      await appendAuditEvent(tx, {
        orgId,
        actor,
        action: existing.withdrawnAt ? "shared_item.shared" : "shared_item.confirmed",
        target: target(existing.id),
        data: { collectionId, kind: input.kind, title: content.title, version: existing.version, changed: false },
        occurredAt: now,
      });
      return { id: existing.id, version: existing.version, changed: false };
    }

    const findings = await personalDataIn(tx, orgId, snapshot);
    if (findings.length > 0 && !input.personalDataOverride)
      throw new AppError("PERSONAL_DATA_FOUND", { details: { findings } });
    const override =
      findings.length > 0 && input.personalDataOverride
        ? { reason: input.personalDataOverride, kinds: [...new Set(findings.map((f) => f.kind))] }
        : null;

    const version = existing ? existing.version + 1 : 1;
    const fields = { ...content, version, checkedAt: now, sharedByUserId: actor.userId, withdrawnAt: null };
    let id = existing?.id;
    if (id) await tx.update(knowledgeSharedItems).set(fields).where(eq(knowledgeSharedItems.id, id));
    else {
      const [created] = await tx
        .insert(knowledgeSharedItems)
        .values({ collectionId, kind: input.kind, sourceId, ...fields })
        .returning({ id: knowledgeSharedItems.id });
      if (!created) throw new Error("shared item insert returned nothing");
      id = created.id;
    }
    await tx.insert(knowledgeSharedItemVersions).values({
      itemId: id,
      version,
      ...content,
      sharedByUserId: actor.userId,
      sharedAt: now,
      personalDataOverride: override,
    });
    const [publisher] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    const notified = await notifyAdopters(tx, { itemId: id, version, publisherName: publisher?.name ?? "", now });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "shared_item.shared",
      target: target(id),
      data: {
        collectionId,
        kind: input.kind,
        sourceId,
        title: content.title,
        version,
        adoptersNotified: notified,
        ...(override ? { personalDataOverride: override.reason, personalDataFound: override.kinds } : {}),
      },
      occurredAt: now,
    });
    return { id, version, changed: true };
  });
}
