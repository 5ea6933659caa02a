// A citizen comments on a website post: spam defences (honeypot, proof-of-work, rate limits,
// duplicates), the Netiquette in force accepted, then the moderation pipeline decides whether the
// comment shows at once, waits for a moderator or is hidden. The comment enters the inbox as an
// inbound message in the same transaction.
import { and, count, eq, gte, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { websiteComments, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { MODERATION_PHASES, runModerationPipeline } from "../../domain/moderation/pipeline.js";
import { moderationSettingsOf } from "../moderation/moderationRecords.js";
import { duplicateKey } from "../../text/citizenText.js";
import { ingestMessage } from "../inbox/ingest-message.js";
import type { AppContext } from "../context.js";
import { digestToken, newToken } from "../security/tokens.js";
import { requireCitizenSession } from "./citizenSession.js";
import { queueAddressConfirmation } from "./commentEmails.js";
import { redeemWork } from "./proofOfWork.js";
import { findPublicOrg, netiquetteInForce } from "./publicOrg.js";
import { consumeRate, ipKey } from "./publicRateLimit.js";
import { ZCitizenComment } from "../../contract/citizens.js";

export type TCitizenComment = z.infer<typeof ZCitizenComment>;

const DAY_MS = 24 * 3_600_000;
const SAME_POST_WINDOW_MS = 10 * 60_000;

export async function postCitizenComment(
  ctx: AppContext,
  options: { orgKey: string; entryId: string; token: string | undefined; ip: string; input: unknown },
) {
  const input = ZCitizenComment.parse(options.input);
  if (input.website.trim() !== "") throw new AppError("SPAM_SUSPECTED");
  const org = await findPublicOrg(ctx.db, options.orgKey);
  if (!org.settings.commentsOpen) throw new AppError("COMMENTS_CLOSED");
  const [entry] = await ctx.db
    .select()
    .from(websiteEntries)
    .where(
      and(eq(websiteEntries.id, options.entryId), eq(websiteEntries.orgId, org.id), isNull(websiteEntries.removedAt)),
    );
  if (!entry) throw new AppError("NOT_FOUND");
  const now = ctx.clock();
  const session = await requireCitizenSession(ctx.db, { orgId: org.id, token: options.token, now });
  const netiquette = await netiquetteInForce(ctx.db, org.id);
  // Moderation decisions cite the Netiquette's clauses: without published rules there is no commenting.
  if (!netiquette) throw new AppError("COMMENTS_CLOSED", { details: { reason: "no_netiquette" } });
  if (session.netiquetteId !== netiquette.id) {
    throw new AppError("NETIQUETTE_NOT_ACCEPTED", {
      details: { netiquetteId: netiquette.id, version: netiquette.version },
    });
  }
  const ip = await ipKey(ctx, options.ip);
  const contentHash = digestToken(duplicateKey(input.text));
  const deleteToken = newToken(24);
  const emailToken = input.email ? newToken(24) : null;

  const comment = await ctx.db.transaction(async (tx) => {
    const settings = await moderationSettingsOf(tx, org.id);
    await consumeRate(ctx, tx, [
      { key: `comment:session:${session.id}`, limit: ctx.public.commentsPerSession, windowMs: ctx.public.rateWindowMs },
      { key: `comment:ip:${ip}`, limit: ctx.public.commentsPerIp, windowMs: ctx.public.rateWindowMs },
    ]);
    await redeemWork(ctx, tx, input.work);
    const parentId = await topLevelParent(tx, { parentId: input.parentId, entryId: entry.id });
    const recent = (since: number) => gte(websiteComments.createdAt, new Date(now.getTime() - since));
    const [mine] = await tx
      .select({ n: count() })
      .from(websiteComments)
      .where(
        and(eq(websiteComments.contentHash, contentHash), eq(websiteComments.sessionId, session.id), recent(DAY_MS)),
      );
    const [onThisPost] = await tx
      .select({ n: count() })
      .from(websiteComments)
      .where(
        and(
          eq(websiteComments.contentHash, contentHash),
          eq(websiteComments.entryId, entry.id),
          recent(SAME_POST_WINDOW_MS),
        ),
      );
    if ((mine?.n ?? 0) > 0 || (onThisPost?.n ?? 0) > 0) throw new AppError("DUPLICATE_COMMENT");
    const [elsewhere] = await tx
      .select({ n: count() })
      .from(websiteComments)
      .where(
        and(
          eq(websiteComments.orgId, org.id),
          eq(websiteComments.contentHash, contentHash),
          ne(websiteComments.entryId, entry.id),
          recent(DAY_MS),
        ),
      );
    const [earlier] = await tx
      .select({ n: count() })
      .from(websiteComments)
      .where(and(eq(websiteComments.sessionId, session.id), eq(websiteComments.status, "visible")));
    const analysis = ctx.analyser.analyse(input.text);
    const [lately] = await tx
      .select({ n: count() })
      .from(websiteComments)
      .where(and(eq(websiteComments.sessionId, session.id), recent(settings.floodWindowMinutes * 60_000)));
    const verdict = await runModerationPipeline(MODERATION_PHASES, {
      text: input.text,
      settings,
      analysis,
      recentByAuthor: (lately?.n ?? 0) + 1,
      sameTextElsewhere: elsewhere?.n ?? 0,
      preModeration: org.settings.preModeration,
      earlierVisibleByAuthor: earlier?.n ?? 0,
    });
    for (const failure of verdict.failures)
      ctx.log.error({ err: failure.error, phase: failure.phase, entryId: entry.id }, "moderation phase failed");
    const [row] = await tx
      .insert(websiteComments)
      .values({
        orgId: org.id,
        entryId: entry.id,
        parentId,
        authorKind: "citizen",
        displayName: input.displayName,
        text: input.text,
        status: verdict.status,
        moderation: verdict.trail,
        netiquetteId: netiquette.id,
        sessionId: session.id,
        contentHash,
        email: input.email,
        emailTokenHash: emailToken ? digestToken(emailToken) : null,
        deleteTokenHash: digestToken(deleteToken),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("comment insert returned nothing");
    await ingestMessage(tx, {
      orgId: org.id,
      analyser: ctx.analyser,
      now,
      publicUrl: ctx.publicUrl,
      message: {
        channelAccountId: entry.channelAccountId,
        externalId: row.id,
        kind: parentId ? "reply" : "comment",
        authorHandle: `session:${session.id}`,
        authorName: row.displayName,
        text: row.text,
        language: null,
        threadExternalId: entry.id,
        inReplyToExternalId: parentId,
        visibility: row.status,
        receivedAt: now,
        raw: {
          source: "website",
          entryId: entry.id,
          parentId,
          netiquetteId: row.netiquetteId,
          moderation: verdict.trail,
        },
      },
      premoderated: { analysis, moderation: verdict },
    });
    if (input.email && emailToken)
      await queueAddressConfirmation(tx, {
        org,
        commentId: row.id,
        to: input.email,
        token: emailToken,
        now,
        publicUrl: ctx.publicUrl,
      });
    return row;
  });
  ctx.log.info(
    { orgId: org.id, entryId: entry.id, commentId: comment.id, status: comment.status },
    "citizen comment received",
  );
  return {
    id: comment.id,
    status: comment.status,
    parentId: comment.parentId,
    deleteUrl: `${ctx.publicUrl}/p/${org.slug}/kommentar/${comment.id}/loeschen?token=${deleteToken}`,
    confirmationSent: input.email !== null,
  };
}

/** Replies nest one level: answering a reply attaches to the reply's top-level comment. */
async function topLevelParent(tx: Db | Tx, args: { parentId: string | null; entryId: string }): Promise<string | null> {
  if (!args.parentId) return null;
  const [parent] = await tx
    .select({ id: websiteComments.id, parentId: websiteComments.parentId, status: websiteComments.status })
    .from(websiteComments)
    .where(and(eq(websiteComments.id, args.parentId), eq(websiteComments.entryId, args.entryId)));
  if (!parent || parent.status !== "visible") throw new AppError("NOT_FOUND", { details: { field: "parentId" } });
  return parent.parentId ?? parent.id;
}
