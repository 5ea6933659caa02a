import { describe, expect, it } from "vitest";
import { ZPollDraft, mayShowResults, pollIsOpen, tallyPoll } from "./poll.js";

const poll = { endsAt: new Date("2026-12-01T12:00:00Z"), resultsVisibility: "after_vote" as const };
const before = new Date("2026-11-30T12:00:00Z");
const after = new Date("2026-12-01T12:00:00Z");

describe("polls", () => {
  it("accepts 2 to 10 distinct options and refuses fewer, more or repeated ones", () => {
    const base = { question: "Tier des Monats?", endsAt: after.toISOString() };
    expect(ZPollDraft.safeParse({ ...base, options: ["Igel", "Fuchs"] }).success).toBe(true);
    expect(ZPollDraft.safeParse({ ...base, options: ["Igel"] }).success).toBe(false);
    expect(ZPollDraft.safeParse({ ...base, options: Array.from({ length: 11 }, (_, i) => `Tier ${i}`) }).success).toBe(
      false,
    );
    expect(ZPollDraft.safeParse({ ...base, options: ["Igel", "igel"] }).success).toBe(false);
  });

  it("closes at its end time", () => {
    expect(pollIsOpen(poll, before)).toBe(true);
    expect(pollIsOpen(poll, after)).toBe(false);
  });

  it("shows results after the vote or after the end, as configured", () => {
    expect(mayShowResults({ poll, now: before, hasVoted: false })).toBe(false);
    expect(mayShowResults({ poll, now: before, hasVoted: true })).toBe(true);
    const afterEnd = { ...poll, resultsVisibility: "after_end" as const };
    expect(mayShowResults({ poll: afterEnd, now: before, hasVoted: true })).toBe(false);
    expect(mayShowResults({ poll: afterEnd, now: after, hasVoted: false })).toBe(true);
  });

  it("tallies percentages that add up to exactly 100", () => {
    const tally = tallyPoll(
      ["Igel", "Fuchs", "Eule"],
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
    expect(tally.total).toBe(3);
    expect(tally.options.map((o) => o.percent)).toEqual([34, 33, 33]);
    expect(tallyPoll(["Igel", "Fuchs"], new Map()).options.map((o) => o.percent)).toEqual([0, 0]);
  });
});
