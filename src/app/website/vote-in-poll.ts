// A citizen votes in a poll: one vote per citizen session, recorded under a salted, non-reversible
// token (HMAC of poll and session); nothing else about the voter is stored. Returns the poll as the
// citizen now sees it.
import { and, eq, isNull } from "drizzle-orm";
import { websiteEntries, websitePollVotes, websitePolls } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { pollIsOpen } from "../../domain/website/poll.js";
import type { AppContext } from "../context.js";
import { requireCitizenSession } from "./citizenSession.js";
import { pollViewOf, voterToken } from "./pollRecords.js";
import { redeemWork } from "./proofOfWork.js";
import { findPublicOrg } from "./publicOrg.js";
import { consumeRate, ipKey } from "./publicRateLimit.js";
import { ZVote } from "../../contract/citizens.js";

export async function voteInPoll(
  ctx: AppContext,
  options: { orgKey: string; entryId: string; token: string | undefined; ip: string; input: unknown },
) {
  const input = ZVote.parse(options.input);
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const now = ctx.clock();
  const session = await requireCitizenSession(ctx.db, { orgId: org.id, token: options.token, now });
  const [poll] = await ctx.db
    .select({ id: websitePolls.id, options: websitePolls.options, endsAt: websitePolls.endsAt })
    .from(websitePolls)
    .innerJoin(websiteEntries, eq(websiteEntries.id, websitePolls.entryId))
    .where(
      and(
        eq(websitePolls.entryId, options.entryId),
        eq(websiteEntries.orgId, org.id),
        isNull(websiteEntries.removedAt),
      ),
    );
  if (!poll) throw new AppError("NOT_FOUND");
  if (!pollIsOpen(poll, now)) throw new AppError("POLL_CLOSED");
  if (input.optionIndex >= poll.options.length)
    throw new AppError("VALIDATION_FAILED", { details: { field: "optionIndex" } });
  const token = await voterToken(ctx, poll.id, session.id);
  const ip = await ipKey(ctx, options.ip);
  await ctx.db.transaction(async (tx) => {
    await consumeRate(ctx, tx, [
      { key: `vote:ip:${ip}`, limit: ctx.public.votesPerIp, windowMs: ctx.public.rateWindowMs },
    ]);
    await redeemWork(ctx, tx, input.work);
    const inserted = await tx
      .insert(websitePollVotes)
      .values({ pollId: poll.id, voterToken: token, optionIndex: input.optionIndex, createdAt: now })
      .onConflictDoNothing()
      .returning({ pollId: websitePollVotes.pollId });
    if (inserted.length === 0) throw new AppError("ALREADY_VOTED");
  });
  return { poll: await pollViewOf(ctx, { entryId: options.entryId, sessionId: session.id, now }) };
}
