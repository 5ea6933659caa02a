// A citizen objects to a decision (Einspruch): the case reopens at high priority for a moderator, who
// decides again. Staff record objections that arrive by mail or phone; a website citizen objects with
// the session that wrote the comment (see appealWebsiteComment).
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboundMessages, moderationCases, moderationDecisions, websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { ZAppeal } from "../../domain/moderation/decisions.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { requireCitizenSession } from "../website/citizenSession.js";
import { findPublicOrg } from "../website/publicOrg.js";
import { loadCase } from "./caseRecords.js";

async function reopen(
  tx: Db | Tx,
  args: {
    orgId: string;
    caseRow: typeof moderationCases.$inferSelect;
    text: string;
    actor: { userId: string | null; label: string };
    now: Date;
  },
) {
  if (args.caseRow.status !== "decided")
    throw new AppError("INVALID_TRANSITION", { details: { status: args.caseRow.status } });
  await tx
    .update(moderationCases)
    .set({ status: "reopened", priority: Math.max(args.caseRow.priority, 3) })
    .where(eq(moderationCases.id, args.caseRow.id));
  await tx.insert(moderationDecisions).values({
    orgId: args.orgId,
    caseId: args.caseRow.id,
    kind: "appeal",
    reason: args.text,
    actorUserId: args.actor.userId,
    actorLabel: args.actor.label,
    at: args.now,
  });
  await appendAuditEvent(tx, {
    orgId: args.orgId,
    actor: args.actor,
    action: "moderation.appealed",
    target: { type: "moderation_case", id: args.caseRow.id },
    data: { decidedAction: args.caseRow.action },
    occurredAt: args.now,
  });
}

export async function recordAppeal(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; caseId: string; input: unknown },
) {
  const input = ZAppeal.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(ctx, tx, { ...options, action: "moderation.decide", forUpdate: true });
    await reopen(tx, { orgId: options.orgId, caseRow: row.case, text: input.text, actor: options.actor, now });
    return { id: row.case.id, status: "reopened" as const };
  });
}

/** The citizen who wrote a website comment objects to its moderation, with the session that wrote it. */
export async function appealWebsiteComment(
  ctx: AppContext,
  options: { orgKey: string; commentId: string; token: string | undefined; input: unknown },
) {
  const input = ZAppeal.parse(options.input);
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const session = await requireCitizenSession(tx, { orgId: org.id, token: options.token, now });
    const [comment] = await tx
      .select({ id: websiteComments.id })
      .from(websiteComments)
      .where(
        and(
          eq(websiteComments.id, options.commentId),
          eq(websiteComments.orgId, org.id),
          eq(websiteComments.sessionId, session.id),
        ),
      );
    if (!comment) throw new AppError("NOT_FOUND");
    const [caseRow] = await tx
      .select({ c: moderationCases })
      .from(moderationCases)
      .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
      .where(and(eq(moderationCases.orgId, org.id), eq(inboundMessages.externalId, comment.id)))
      .for("update", { of: moderationCases });
    if (!caseRow) throw new AppError("NOT_FOUND");
    await reopen(tx, {
      orgId: org.id,
      caseRow: caseRow.c,
      text: input.text,
      actor: { userId: null, label: "citizen" },
      now,
    });
    return { status: "reopened" as const };
  });
}
