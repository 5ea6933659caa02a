// The posts Musterstadt published over the demo's year, so Stimmung by post has something real to show: per
// topic of demoHistoryTopics.ts a few posts in its season (month and day; placed in the year before today), each
// drawing the messages of its topic in the weeks after it — a controversial one mostly complaints (the
// Bahnhofstraße's renovation, the Hauptstraße closed without notice), a welcome one mostly thanks (the
// Weihnachtsmarkt, the Freibad). Written in three statements (posts, their channels, their publications) as
// the publish worker leaves them; the Advent posts belong to a campaign.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { addDays } from "../../domain/reports/reportPeriod.js";
import type { AppContext } from "../context.js";
import { CONTROVERSIAL, type Draws, MORE_POSTS, POSTS, STORM_POST } from "./demoHistoryPostTexts.js";

/** A message's post is one of its topic published within these many days before it. */
const DRAWING_DAYS = 60;
/** Of the messages that could react to a post, this share is written elsewhere (a mention, a direct message). */
const UNLINKED = 0.25;

export interface PlacedPost {
  index: number;
  day: string;
  topic: string;
  title: string;
  body: string;
  draws: Draws;
  campaign: boolean;
}

/** The posts on their days of the year before `today` (from `firstDay`), and the storm's post. */
export function placeDemoPosts(args: { today: string; firstDay: string; lastDay: string; stormDay: string }) {
  const placed: PlacedPost[] = [];
  [...POSTS, ...MORE_POSTS].forEach((post, index) => {
    const year = Number(args.today.slice(0, 4));
    const mmdd = `${String(post.month).padStart(2, "0")}-${String(post.day).padStart(2, "0")}`;
    const day = [`${year}-${mmdd}`, `${year - 1}-${mmdd}`].find((d) => d >= args.firstDay && d <= args.lastDay);
    if (day) placed.push({ ...post, index, day, campaign: post.campaign ?? false });
  });
  const storm: PlacedPost = {
    index: POSTS.length + MORE_POSTS.length,
    day: args.stormDay,
    topic: "storm",
    ...STORM_POST,
    draws: CONTROVERSIAL,
    campaign: false,
  };
  return { posts: placed, storm };
}

/** The post a message of `topic` with `intent` on `day` reacts to, if any (drawn by the posts' weights). */
export function drawDemoPost(
  posts: readonly PlacedPost[],
  args: { topic: string; day: string; intent: keyof Draws; random: () => number },
): PlacedPost | null {
  if (args.random() < UNLINKED) return null;
  const from = addDays(args.day, -DRAWING_DAYS);
  const candidates = posts.filter((p) => p.topic === args.topic && p.day <= args.day && p.day >= from);
  const total = candidates.reduce((sum, p) => sum + p.draws[args.intent], 0);
  let roll = args.random() * total;
  for (const post of candidates) {
    roll -= post.draws[args.intent];
    if (roll < 0) return post;
  }
  return null;
}

/** The external id of a post's publication on one of the demo's accounts (what citizens' messages answer). */
export const demoPostExternalId = (post: PlacedPost, accountId: string) => `demo-post-${post.index}-${accountId}`;

/** Writes the posts as published, on each account, at 09:30 on their day; the Advent posts in one campaign. */
export async function insertDemoPosts(
  ctx: AppContext,
  args: {
    orgId: string;
    departmentId: string;
    authorUserId: string;
    accountIds: string[];
    posts: readonly PlacedPost[];
    publishedAt: (day: string) => Date;
  },
): Promise<void> {
  if (!args.authorUserId || args.posts.length === 0) return;
  const rows = args.posts.map((p) => ({
    id: randomUUID(),
    index: p.index,
    title: p.title,
    body: p.body,
    campaign: p.campaign,
    published_at: args.publishedAt(p.day).toISOString(),
  }));
  const advent = rows
    .filter((p) => p.campaign)
    .map((p) => p.published_at)
    .sort();
  const accounts = `{${args.accountIds.join(",")}}`;
  await ctx.db.execute(sql`
    with campaign as (
      insert into campaigns (org_id, department_id, name, hashtag, starts_at, ends_at, created_by_user_id)
      select ${args.orgId}::uuid, ${args.departmentId}::uuid, 'Advent in Musterstadt', '#AdventMusterstadt',
             ${advent[0] ?? null}::timestamptz, ${advent.at(-1) ?? null}::timestamptz + interval '30 days',
             ${args.authorUserId}::uuid
       where ${advent.length} > 0
      returning id),
    placed as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(id uuid, index int, title text, body text, campaign boolean, published_at timestamptz)),
    made as (
      insert into posts (id, org_id, department_id, author_user_id, campaign_id, title, body, status, approval_mode,
                         submitted_at, published_at, created_at, updated_at)
      select r.id, ${args.orgId}::uuid, ${args.departmentId}::uuid, ${args.authorUserId}::uuid,
             case when r.campaign then (select id from campaign) end, r.title, r.body, 'published', 'none',
             r.published_at, r.published_at, r.published_at, r.published_at
        from placed r
      returning id),
    channels as (
      insert into post_channels (post_id, channel_account_id)
      select r.id, a.id from placed r cross join unnest(${accounts}::uuid[]) as a(id))
    insert into publications (org_id, post_id, channel_account_id, idempotency_key, status, due_at, next_attempt_at,
                              external_id, published_at, handed_over_at, created_at)
    select ${args.orgId}::uuid, r.id, a.id, r.id || ':' || a.id, 'published', r.published_at, r.published_at,
           'demo-post-' || r.index || '-' || a.id, r.published_at, r.published_at, r.published_at
      from placed r cross join unnest(${accounts}::uuid[]) as a(id)
     -- The posts exist before their publications refer to them (a data-modifying CTE runs regardless).
     where exists (select 1 from made where made.id = r.id)`);
}
