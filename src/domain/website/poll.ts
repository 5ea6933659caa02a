// Polls on website posts ("Wahl zum Tier des Monats"): their shape, when they are open, when the
// results may be shown, and the tally with percentages that add up to 100.
import { z } from "zod";

export const RESULTS_VISIBILITY = ["after_vote", "after_end"] as const;
export type TResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

export const ZPollDraft = z.object({
  question: z.string().trim().min(1).max(300),
  options: z
    .array(z.string().trim().min(1).max(120))
    .min(2)
    .max(10)
    .refine(
      (options) => new Set(options.map((o) => o.toLocaleLowerCase("de-DE"))).size === options.length,
      "options must differ",
    ),
  endsAt: z.iso.datetime({ offset: true }),
  resultsVisibility: z.enum(RESULTS_VISIBILITY).default("after_vote"),
});
export type TPollDraft = z.infer<typeof ZPollDraft>;

export interface PollState {
  endsAt: Date;
  resultsVisibility: TResultsVisibility;
}

export function pollIsOpen(poll: { endsAt: Date }, now: Date): boolean {
  return now.getTime() < poll.endsAt.getTime();
}

export function mayShowResults(args: { poll: PollState; now: Date; hasVoted: boolean }): boolean {
  if (!pollIsOpen(args.poll, args.now)) return true;
  return args.poll.resultsVisibility === "after_vote" && args.hasVoted;
}

export interface PollTally {
  total: number;
  options: { label: string; votes: number; percent: number }[];
}

/** Counts per option and whole percentages by the largest remainder, so they always sum to 100. */
export function tallyPoll(labels: readonly string[], votesByIndex: ReadonlyMap<number, number>): PollTally {
  const votes = labels.map((_, i) => votesByIndex.get(i) ?? 0);
  const total = votes.reduce((a, b) => a + b, 0);
  if (total === 0) return { total, options: labels.map((label) => ({ label, votes: 0, percent: 0 })) };
  const exact = votes.map((v) => (v * 100) / total);
  const percents = exact.map(Math.floor);
  let missing = 100 - percents.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    percents[i] = (percents[i] ?? 0) + 1;
    missing -= 1;
  }
  return { total, options: labels.map((label, i) => ({ label, votes: votes[i] ?? 0, percent: percents[i] ?? 0 })) };
}
