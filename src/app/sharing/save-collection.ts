// A collection the organisation shares: its title, description and who receives it (all organisations of
// the installation, or chosen ones). Creating and changing it are in the audit trail with the receivers.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { knowledgeCollectionReceivers, knowledgeCollections, organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type TCollectionInput, ZCollectionInput } from "../../domain/knowledge/sharing.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadOwnCollection } from "./sharingRows.js";

/** The chosen receivers: other organisations of the installation, each once. */
async function receiversOf(tx: Tx, orgId: string, input: TCollectionInput): Promise<string[]> {
  if (input.audience === "all") return [];
  const wanted = [...new Set(input.receiverOrgIds)];
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, wanted), ne(organisations.id, orgId)));
  if (found.length !== wanted.length)
    throw new AppError("VALIDATION_FAILED", { details: { field: "receiverOrgIds", problem: "unknown_organisation" } });
  return wanted;
}

export async function saveCollection(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; collectionId: string | null; input: unknown },
) {
  const input = ZCollectionInput.parse(options.input);
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const receivers = await receiversOf(tx, orgId, input);
    const fields = { title: input.title, description: input.description, audience: input.audience, updatedAt: now };
    let id = options.collectionId;
    if (id) {
      const current = await loadOwnCollection(tx, { orgId, collectionId: id, forUpdate: true });
      if (current.withdrawnAt) throw new AppError("INVALID_TRANSITION", { details: { problem: "withdrawn" } });
      await tx.update(knowledgeCollections).set(fields).where(eq(knowledgeCollections.id, id));
      await tx.delete(knowledgeCollectionReceivers).where(eq(knowledgeCollectionReceivers.collectionId, id));
    } else {
      const [created] = await tx
        .insert(knowledgeCollections)
        .values({ orgId, ...fields, createdByUserId: actor.userId, createdAt: now })
        .returning({ id: knowledgeCollections.id });
      if (!created) throw new Error("collection insert returned nothing");
      id = created.id;
    }
    const collectionId = id;
    if (receivers.length > 0)
      await tx
        .insert(knowledgeCollectionReceivers)
        .values(receivers.map((receiver) => ({ collectionId, orgId: receiver })));
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: options.collectionId ? "knowledge_collection.updated" : "knowledge_collection.created",
      target: { type: "knowledge_collection", id: collectionId },
      data: { title: input.title, audience: input.audience, receiverOrgIds: receivers },
      occurredAt: now,
    });
    return { id: collectionId };
  });
}
