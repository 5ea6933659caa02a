// A campaign's timeline (#24hPolizei: 1645 posts in 24 hours): per hour, the posts published and the citizens'
// messages in answer to them — messages that react to one of the campaign's published items (the first post, a
// later part of a thread, or a reply under it) on the same channel account (inbound_messages.post_id). From the campaign's start (or first post)
// to six hours after its end (or last post), at most two weeks of hours. Only publications in the viewer's reach,
// and only replies in the conversations of their departments and channel accounts.
import { eq, sql } from "drizzle-orm";
import { campaigns, conversations, inboundMessages as im, posts, publications as pub } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";

const HOUR = 3_600_000;
const AFTER_END = 6 * HOUR;
const MAX_HOURS = 14 * 24;

export interface TimelineFigures {
  startsAt: Date;
  endsAt: Date;
  hours: { start: Date; posts: number; replies: number }[];
  posts: number;
  replies: number;
}

export async function campaignTimeline(
  ctx: AppContext,
  scope: PublishingScope,
  campaignId: string,
): Promise<TimelineFigures | null> {
  const [campaign] = await ctx.db
    .select({ startsAt: campaigns.startsAt, endsAt: campaigns.endsAt })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const ofCampaign = sql`${posts.campaignId} = ${campaignId} and ${pub.status} = 'published' and ${scope.visible ?? sql`true`}`;
  const [span] = rowsOf<{ first: string | Date | null; last: string | Date | null }>(
    await ctx.db.execute(sql`
      select min(${pub.publishedAt}) as first, max(${pub.publishedAt}) as last
        from ${pub} join ${posts} on ${posts.id} = ${pub.postId} where ${ofCampaign}`),
  );
  const first = span?.first ? new Date(span.first) : null;
  const last = span?.last ? new Date(span.last) : null;
  const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);
  const from = floorHour(first && first < campaign.startsAt ? first : campaign.startsAt);
  const latest = Math.max(campaign.endsAt.getTime(), last?.getTime() ?? 0) + AFTER_END;
  const to = new Date(Math.min(Math.ceil(latest / HOUR) * HOUR, from.getTime() + MAX_HOURS * HOUR));
  const range = (column: typeof pub.publishedAt | typeof im.receivedAt) =>
    sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;
  // A limited viewer counts the replies in their departments' conversations (as every report counts messages).
  const repliesWithin = scope.whole
    ? sql`true`
    : sql`exists (select 1 from ${conversations} where ${conversations.id} = ${im.conversationId} and ${
        scope.within({
          orgId: conversations.orgId,
          channelAccountId: im.channelAccountId,
          departmentId: conversations.departmentId,
        }) ?? sql`true`
      })`;
  const [postRows, replyRows] = await Promise.all([
    rowsOf<{ hour: string | Date; n: number }>(
      await ctx.db.execute(sql`
        select date_trunc('hour', ${pub.publishedAt}) as hour, count(distinct ${pub.postId})::int as n
          from ${pub} join ${posts} on ${posts.id} = ${pub.postId}
         where ${pub.orgId} = ${scope.orgId} and ${ofCampaign} and ${range(pub.publishedAt)}
         group by 1`),
    ),
    // Citizens' messages that react to one of the campaign's publications the viewer may see — the post a message
    // reacts to is resolved at ingestion (inbound_messages.post_id, indexed): the thread's root, a later part of a
    // thread, or a reply to a reply under it, on the same channel account.
    rowsOf<{ hour: string | Date; n: number }>(
      await ctx.db.execute(sql`
        select date_trunc('hour', ${im.receivedAt}) as hour, count(*)::int as n
          from ${im}
         where ${im.orgId} = ${scope.orgId} and ${range(im.receivedAt)}
           and ${im.postId} in (select ${posts.id} from ${posts}
                                 where ${posts.orgId} = ${scope.orgId} and ${posts.campaignId} = ${campaignId})
           and exists (select 1 from ${pub} join ${posts} on ${posts.id} = ${pub.postId}
                        where ${pub.postId} = ${im.postId} and ${pub.channelAccountId} = ${im.channelAccountId}
                          and ${ofCampaign})
           and ${repliesWithin}
         group by 1`),
    ),
  ]);
  const hourKey = (value: string | Date) => new Date(value).getTime();
  const postsBy = new Map(postRows.map((r) => [hourKey(r.hour), Number(r.n)]));
  const repliesBy = new Map(replyRows.map((r) => [hourKey(r.hour), Number(r.n)]));
  const hours: TimelineFigures["hours"] = [];
  for (let t = from.getTime(); t < to.getTime(); t += HOUR)
    hours.push({ start: new Date(t), posts: postsBy.get(t) ?? 0, replies: repliesBy.get(t) ?? 0 });
  return {
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    hours,
    posts: hours.reduce((n, h) => n + h.posts, 0),
    replies: hours.reduce((n, h) => n + h.replies, 0),
  };
}
