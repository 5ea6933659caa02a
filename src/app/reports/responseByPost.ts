// Antwortzeiten by campaign or post. A conversation counts for the post its first citizen message reacted to
// (inbound_messages.post_id; a conversation is a citizen's messages under one published item); with a campaign,
// for that campaign's posts. The rollups are not kept per post: the chosen conversations are found through the
// post index (a campaign's few thousand reactions), once, and their first answers and closings given in the shape of
// response_daily_rollups rows — counted as its triggers count them, on the conversation's channel account and
// current department — so the report sums them as it sums the rollups.
import { type SQL, and, eq, isNotNull, sql } from "drizzle-orm";
import { conversations as c, inboundMessages as m } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import { RESPONSE_BUCKETS, RESPONSE_BUCKET_MINUTES } from "../../domain/reports/responseHistogram.js";
import type { DayRange } from "../../domain/reports/wholeMonths.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

/** Whether a campaign or post is chosen. */
export const filtersByPost = (scope: ReportScope) =>
  scope.postFilter.campaignIds !== undefined || scope.postFilter.postIds !== undefined;

/**
 * The chosen conversations within the viewer's scope and filters (null: no campaign or post chosen), read once:
 * the report's queries then take them as one array, so the planner knows how few they are.
 */
export async function chosenConversationIds(ctx: AppContext, scope: ReportScope): Promise<string[] | null> {
  const posts = scope.postsChosen(m.postId);
  if (!filtersByPost(scope) || !posts) return null;
  // The conversations with a reaction to a chosen post, then those whose first message is one of them.
  const query = sql`
    select ${c.id} as id
      from (select ${m.conversationId} as conversation_id, array_agg(distinct ${m.postId}) as posts
              from ${m} where ${and(eq(m.orgId, scope.orgId), isNotNull(m.postId), isNotNull(m.conversationId), posts)}
             group by 1) as candidate
     cross join lateral (select first.post_id from ${m} as first
                          where first.conversation_id = candidate.conversation_id
                          order by first.received_at, first.id limit 1) as first
      join ${c} on ${c.id} = candidate.conversation_id
     where first.post_id = any(candidate.posts) and ${and(eq(c.orgId, scope.orgId), scope.within(c))}`;
  // The planner expects every chosen post to have drawn as many reactions as the average one (a campaign of
  // thousands of posts: hundreds of thousands of rows) and would compile the query first (JIT), for seconds.
  const rows = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<{ id: string }>(await tx.execute(query));
  });
  return rows.map((row) => row.id);
}

/** The chosen conversations, as a condition on conversations.id. */
export const amongChosen = (ids: readonly string[]) => sql`${c.id} = any(${`{${ids.join(",")}}`}::uuid[])`;

const BUCKETS = sql.raw(String(RESPONSE_BUCKETS));
const EDGES_MS = `{${RESPONSE_BUCKET_MINUTES.map((minutes) => minutes * 60_000).join(",")}}`;

/**
 * A histogram with one answer in the bucket of `ms` (what draht_response_histogram() gives, without its per-row
 * queries: width_bucket counts the edges at or below the time, as draht_response_bucket() does).
 */
function histogramOf(ms: SQL) {
  const bucket = sql`width_bucket(greatest(${ms}, 0), ${EDGES_MS}::bigint[])`;
  return sql`(array_fill(0, array[${bucket} - 1]) || 1 || array_fill(0, array[${BUCKETS} - ${bucket}]))`;
}

/** First answers (on the day sent) and closings (on the day of the last) of the chosen conversations in a range. */
export function chosenConversationRows(scope: ReportScope, days: DayRange, ids: readonly string[]): SQL {
  const zone = scope.timeZone;
  const answeredOn = sql`(${c.firstResponseAt} at time zone ${zone})::date`;
  const closedOn = sql`(${c.closedAt} at time zone ${zone})::date`;
  const chosen = and(eq(c.orgId, scope.orgId), scope.within(c), amongChosen(ids));
  return sql`
    select ${answeredOn} as day, ${c.channelAccountId} as channel_account_id, ${c.departmentId} as department_id,
           ${c.firstResponderUserId} as responder_user_id, 1 as answered,
           (${c.firstResponseWithinTarget} is not null)::int as with_target,
           coalesce(${c.firstResponseWithinTarget}::int, 0) as within_target,
           ${c.firstResponseAskedAgain}::int as asked_again, ${c.firstResponseBusinessMs} as business_ms_sum,
           ${histogramOf(sql`${c.firstResponseBusinessMs}`)} as histogram, 0 as resolved,
           0::bigint as resolution_business_ms_sum, array_fill(0, array[${BUCKETS}]) as resolution_histogram
      from ${c}
     where ${chosen} and ${c.firstResponseAt} is not null and ${c.firstResponseBusinessMs} is not null
       and ${answeredOn} between ${days.from}::date and ${days.to}::date
    union all
    select ${closedOn}, ${c.channelAccountId}, ${c.departmentId}, ${c.closedByUserId}, 0, 0, 0, 0, 0::bigint,
           array_fill(0, array[${BUCKETS}]), 1, ${c.resolutionBusinessMs}, ${histogramOf(sql`${c.resolutionBusinessMs}`)}
      from ${c}
     where ${chosen} and ${c.status} = 'closed' and ${c.closedAt} is not null and ${c.resolutionBusinessMs} is not null
       and ${closedOn} between ${days.from}::date and ${days.to}::date`;
}
