// Data protection on the website channel, run by the worker: salted IP hashes, spent challenges, queued
// e-mails and unconfirmed e-mail addresses go after 7 days, idle citizen sessions after 30 days, and
// comments older than the organisation's retention period lose their author data ("Anonym").
import { and, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import {
  citizenSessions,
  emailOutbox,
  websiteComments,
  websiteEntries,
  websiteSettings,
} from "../../db/schema/index.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../../domain/website/publicSettings.js";
import type { AppContext } from "../context.js";
import { updateInboundCopy } from "./commentRecords.js";
import { forgetExpiredChallenges } from "./proofOfWork.js";
import { RATE_EVENT_RETENTION_MS, forgetOldRateEvents } from "./publicRateLimit.js";

const SESSION_IDLE_MS = 30 * 24 * 3_600_000;
export const ANONYMOUS = "Anonym";
const BATCH = 500;

export async function applyWebsiteRetention(ctx: AppContext) {
  const now = ctx.clock();
  const rateEvents = await forgetOldRateEvents(ctx.db, now);
  const challenges = await forgetExpiredChallenges(ctx.db, now);
  const unconfirmed = await ctx.db
    .update(websiteComments)
    .set({ email: null, emailTokenHash: null })
    .where(
      and(
        isNotNull(websiteComments.email),
        isNull(websiteComments.emailConfirmedAt),
        lt(websiteComments.createdAt, new Date(now.getTime() - RATE_EVENT_RETENTION_MS)),
      ),
    )
    .returning({ id: websiteComments.id });
  // Without an e-mail channel nothing is sent; queued mails (and their addresses) go after 7 days either way.
  const mails = await ctx.db
    .delete(emailOutbox)
    .where(lt(emailOutbox.createdAt, new Date(now.getTime() - RATE_EVENT_RETENTION_MS)))
    .returning({ id: emailOutbox.id });
  const sessions = await ctx.db
    .delete(citizenSessions)
    .where(lt(citizenSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)))
    .returning({ id: citizenSessions.id });
  let anonymised = 0;
  for (;;) {
    const due = await ctx.db
      .select({ id: websiteComments.id, channelAccountId: websiteEntries.channelAccountId })
      .from(websiteComments)
      .innerJoin(websiteEntries, eq(websiteEntries.id, websiteComments.entryId))
      .leftJoin(websiteSettings, eq(websiteSettings.orgId, websiteComments.orgId))
      .where(
        and(
          eq(websiteComments.authorKind, "citizen"),
          isNull(websiteComments.anonymisedAt),
          ne(websiteComments.status, "deleted"),
          sql`${websiteComments.createdAt} < ${now}::timestamptz - make_interval(days => coalesce(${websiteSettings.retentionDays}, ${DEFAULT_WEBSITE_SETTINGS.retentionDays}))`,
        ),
      )
      .limit(BATCH);
    if (due.length === 0) break;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(websiteComments)
        .set({
          displayName: ANONYMOUS,
          email: null,
          emailTokenHash: null,
          emailConfirmedAt: null,
          deleteTokenHash: null,
          sessionId: null,
          anonymisedAt: now,
        })
        .where(
          inArray(
            websiteComments.id,
            due.map((d) => d.id),
          ),
        );
      for (const row of due) {
        await updateInboundCopy(tx, {
          channelAccountId: row.channelAccountId,
          commentId: row.id,
          set: {
            authorName: ANONYMOUS,
            authorHandle: "anonym",
            raw: { source: "website", anonymisedAt: now.toISOString() },
          },
          citizenName: { to: ANONYMOUS, whenNothingLeft: false },
        });
      }
    });
    anonymised += due.length;
  }
  const result = {
    rateEvents,
    challenges,
    unconfirmed: unconfirmed.length,
    mails: mails.length,
    sessions: sessions.length,
    anonymised,
  };
  ctx.log.info(result, "website retention applied");
  return result;
}
