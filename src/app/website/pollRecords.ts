// A poll as a citizen sees it (their vote, and the results when they may be shown), and the salted,
// non-reversible token under which a session's vote is stored.
import { and, count, eq } from "drizzle-orm";
import { websitePollVotes, websitePolls } from "../../db/schema/index.js";
import { mayShowResults, pollIsOpen, tallyPoll } from "../../domain/website/poll.js";
import type { AppContext } from "../context.js";
import { hmacHex, instanceSecret } from "../security/instanceSecret.js";

export async function voterToken(ctx: AppContext, pollId: string, sessionId: string): Promise<string> {
  return hmacHex(await instanceSecret(ctx.db, "poll-voter"), pollId, sessionId);
}

export async function pollViewOf(ctx: AppContext, args: { entryId: string; sessionId: string | null; now: Date }) {
  const [poll] = await ctx.db.select().from(websitePolls).where(eq(websitePolls.entryId, args.entryId));
  if (!poll) return null;
  let votedFor: number | null = null;
  if (args.sessionId) {
    const [mine] = await ctx.db
      .select({ optionIndex: websitePollVotes.optionIndex })
      .from(websitePollVotes)
      .where(
        and(
          eq(websitePollVotes.pollId, poll.id),
          eq(websitePollVotes.voterToken, await voterToken(ctx, poll.id, args.sessionId)),
        ),
      );
    votedFor = mine?.optionIndex ?? null;
  }
  const showResults = mayShowResults({ poll, now: args.now, hasVoted: votedFor !== null });
  let results = null;
  if (showResults) {
    const counts = await ctx.db
      .select({ optionIndex: websitePollVotes.optionIndex, n: count() })
      .from(websitePollVotes)
      .where(eq(websitePollVotes.pollId, poll.id))
      .groupBy(websitePollVotes.optionIndex);
    results = tallyPoll(poll.options, new Map(counts.map((c) => [c.optionIndex, c.n])));
  }
  return {
    question: poll.question,
    options: poll.options,
    endsAt: poll.endsAt.toISOString(),
    open: pollIsOpen(poll, args.now),
    resultsVisibility: poll.resultsVisibility,
    votedFor,
    results,
  };
}
