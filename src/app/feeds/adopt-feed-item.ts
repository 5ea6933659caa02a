// Adopting an item of another installation's feed after reading it: a copy of this organisation's own
// (the same copies as for items shared on this installation: sharing/adoptCopy.ts), remembering the item and
// version; a newer version is taken into the copy or left. Either way the person's notices about the item's
// newer versions are read.
import { eq } from "drizzle-orm";
import { knowledgeFeedAdoptions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { ZAdoptInput } from "../../contract/sharing.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { todayOf } from "../knowledge/articleRows.js";
import { adoptCopy, copyInUse, copyRight } from "../sharing/adoptCopy.js";
import { updateAvailable } from "../sharing/presentItem.js";
import { onConflict } from "../sharing/sharingRows.js";
import { markFeedItemNoticesRead } from "./feedNotices.js";
import { loadFeedItem } from "./feedRows.js";

/** The publisher as a copy names it: another installation's, so it says so. */
const publisherOf = (subscription: { publisherName: string }) => `${subscription.publisherName} per Feed`;

export async function adoptFeedItem(
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
      const { item, subscription } = await loadFeedItem(tx, { orgId, itemId, forUpdate: true });
      if (item.withdrawnAt) throw new AppError("NOT_FOUND");
      const [adoption] = await tx
        .select()
        .from(knowledgeFeedAdoptions)
        .where(eq(knowledgeFeedAdoptions.itemId, itemId))
        .for("update");
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
        publisherName: publisherOf(subscription),
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
      if (adoption)
        await tx.update(knowledgeFeedAdoptions).set(fields).where(eq(knowledgeFeedAdoptions.id, adoption.id));
      else await tx.insert(knowledgeFeedAdoptions).values({ orgId, itemId, ...fields });
      await markFeedItemNoticesRead(tx, { orgId, itemId, userId: actor.userId, now });
      await appendAuditEvent(tx, {
        orgId,
        actor,
        action: "feed_item.adopted",
        target: { type: "feed_item", id: itemId },
        data: {
          kind: item.kind,
          title: item.title,
          publisher: subscription.publisherName,
          feedUrl: subscription.url,
          fingerprint: subscription.fingerprint,
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

export async function declineFeedUpdate(ctx: AppContext, options: { actor: OrgActor; orgId: string; itemId: string }) {
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", inOrganisation(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { item } = await loadFeedItem(tx, { orgId, itemId, forUpdate: true });
    const [adoption] = await tx
      .select()
      .from(knowledgeFeedAdoptions)
      .where(eq(knowledgeFeedAdoptions.itemId, itemId))
      .for("update");
    if (!adoption || item.withdrawnAt || !updateAvailable(item, adoption))
      throw new AppError("INVALID_TRANSITION", { details: { problem: "no_newer_version" } });
    requireAllowed(ctx, actor, ...(await copyRight(tx, { orgId, kind: item.kind, targetId: adoption.targetId })));
    await tx
      .update(knowledgeFeedAdoptions)
      .set({ declinedVersion: item.version })
      .where(eq(knowledgeFeedAdoptions.id, adoption.id));
    await markFeedItemNoticesRead(tx, { orgId, itemId, userId: actor.userId, now });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "feed_item.update_declined",
      target: { type: "feed_item", id: itemId },
      data: { title: item.title, version: item.version, adoptedVersion: adoption.adoptedVersion },
      occurredAt: now,
    });
    return { id: itemId };
  });
}
