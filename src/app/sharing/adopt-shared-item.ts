// Adopting an item another organisation shares: a copy of this organisation's own, remembering the item and
// version it came from; or, when a newer version waits, taking it into the copy (after reading the changes).
import { and, eq } from "drizzle-orm";
import { knowledgeAdoptions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { ZAdoptInput } from "../../contract/sharing.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { todayOf } from "../knowledge/articleRows.js";
import { adoptCopy, copyInUse } from "./adoptCopy.js";
import { loadVisibleItem, markItemNoticesRead, onConflict } from "./sharingRows.js";

export async function adoptSharedItem(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; itemId: string; input: unknown },
) {
  const input = ZAdoptInput.parse(options.input ?? {});
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", inOrganisation(orgId));
  const today = await todayOf(ctx, orgId);
  const now = ctx.clock();
  return onConflict(
    ctx.db.transaction(async (tx) => {
      const { item, publisherName, own } = await loadVisibleItem(tx, { orgId, itemId });
      // An organisation does not adopt its own items (it has them); withdrawn ones are not offered.
      if (own || item.withdrawnAt) throw new AppError("NOT_FOUND");
      const [adoption] = await tx
        .select()
        .from(knowledgeAdoptions)
        .where(and(eq(knowledgeAdoptions.itemId, itemId), eq(knowledgeAdoptions.orgId, orgId)))
        .for("update");
      // Taken already, unless the copy has since been archived or removed: then a new copy may be made.
      if (
        adoption &&
        adoption.adoptedVersion >= item.version &&
        (await copyInUse(tx, { orgId, kind: item.kind, targetId: adoption.targetId }))
      )
        throw new AppError("INVALID_TRANSITION", { details: { problem: "already_adopted", version: item.version } });
      const targetId = await adoptCopy(tx, {
        ctx,
        actor,
        orgId,
        item,
        publisherName,
        departmentId: input.departmentId,
        startsAt: input.startsAt,
        targetId: adoption?.targetId ?? null,
        today,
        now,
      });
      const fields = {
        targetId,
        adoptedVersion: item.version,
        declinedVersion: null,
        adoptedByUserId: actor.userId,
        adoptedAt: now,
      };
      if (adoption) await tx.update(knowledgeAdoptions).set(fields).where(eq(knowledgeAdoptions.id, adoption.id));
      else await tx.insert(knowledgeAdoptions).values({ orgId, itemId, ...fields });
      await markItemNoticesRead(tx, { orgId, itemId, userId: actor.userId, now });
      await appendAuditEvent(tx, {
        orgId,
        actor,
        action: "shared_item.adopted",
        target: { type: "shared_item", id: itemId },
        data: {
          kind: item.kind,
          title: item.title,
          publisher: publisherName,
          version: item.version,
          previousVersion: adoption?.adoptedVersion ?? null,
          targetId,
        },
        occurredAt: now,
      });
      return { targetId, version: item.version };
    }),
  );
}
