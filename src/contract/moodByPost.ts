// Contract of the Stimmung report's parts by post, campaign and topic: the filters (campaigns, posts, key
// terms as the Themen report names them), the mood per post and per term, the posts that drew the most
// negative and the most positive reactions, and what the filters offer. src/contract/reports.ts joins them
// into the mood report (ZMoodReport); the figures come from post_daily_rollups and topic_daily_rollups.
import { z } from "zod";
import { ZDay, ZId, ZTimestamp } from "./common.js";

/** A list as one comma-separated query value ("a,b"), or already a list (the use case parses again). */
const listOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .union([
      z
        .string()
        .max(2000)
        .transform((text) => text.split(",")),
      z.array(z.string()),
    ])
    .transform((parts) => [...new Set(parts.map((part) => part.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1).max(max));

/** The mood report's filters beyond period, channel account and department. */
export const moodFilterFields = {
  /** Messages that reacted to posts of these campaigns. */
  campaignIds: listOf(z.uuid(), 20).optional(),
  /** Messages that reacted to these posts (with campaigns: posts of those campaigns among them). */
  postIds: listOf(z.uuid(), 50).optional(),
  /** Messages with these key terms (the Themen report's `topic` keys); not together with posts or campaigns. */
  topics: listOf(z.string().min(1).max(100), 20).optional(),
};

const count = z.number().int();
const ZMoodTally = z.object({ messages: count, negative: count, neutral: count, positive: count, questions: count });

export const ZPostMood = z
  .object({
    postId: ZId,
    /** The post's title in draht, else its first line. */
    title: z.string(),
    campaignId: ZId.nullable(),
    /** The channel accounts it was published on. */
    channels: z.array(z.object({ id: ZId, name: z.string(), network: z.string() })),
    publishedAt: ZTimestamp.nullable(),
    current: ZMoodTally,
    previous: ZMoodTally,
  })
  .meta({ id: "PostMood" });

export const ZTopicMood = z
  .object({
    /** The term's key, as the Themen report and the `topics` filter name it; `label` as the messages wrote it. */
    topic: z.string(),
    label: z.string(),
    current: ZMoodTally,
    previous: ZMoodTally,
  })
  .meta({ id: "TopicMood" });

export const moodByPostParts = {
  /**
   * What the figures count: every message (`messages`), the reactions to the chosen posts or campaigns
   * (`posts`: complaints, praise and flags are not counted by post), or the messages with the chosen terms
   * (`topics`: visible messages only; a message with two chosen terms counts for each; no complaints, praise,
   * flags or mean sentiment).
   */
  basis: z.enum(["messages", "posts", "topics"]),
  /** The posts that drew the most reactions in the period; null with a term filter (posts are not counted by term). */
  byPost: z.array(ZPostMood).nullable(),
  /**
   * The chosen terms with their mood, with a term filter; null without one. (Ranking every term of the period
   * costs what the Themen report costs — it shows the terms with their mood and links each to this report.)
   */
  byTopic: z.array(ZTopicMood).nullable(),
  /**
   * The posts with the highest share of negative (positive) reactions among those with at least
   * `minimumReactions` in the period (domain/reports/postMoodRanking.ts); null with a term filter.
   */
  mostNegativePosts: z.array(ZPostMood).nullable(),
  mostPositivePosts: z.array(ZPostMood).nullable(),
  minimumReactions: count,
  /** What the campaign and post filters offer the viewer: their campaigns, and the latest published posts. */
  postChoices: z
    .object({
      /** Each with its first and last day in the organisation's time zone (both included). */
      campaigns: z.array(z.object({ id: ZId, name: z.string(), firstDay: ZDay, lastDay: ZDay })),
      posts: z.array(z.object({ id: ZId, title: z.string(), publishedAt: ZTimestamp.nullable() })),
    })
    .meta({ id: "MoodPostChoices" }),
};
