// Antwortzeiten by campaign or post. A conversation counts for the post its first citizen message reacted to
// (conversation_first_posts, kept by the database from inbound_messages.post_id — migration 0058; a conversation is
// a citizen's messages under one published item); with a campaign, for that campaign's posts. The rollups are not
// kept per post: the chosen conversations are read by conversation_first_posts_post_idx in one query
// with their first answers, closings and waits, then summed here into the rows the rollups give — counted as the
// triggers count them, on the conversation's channel account and current department. (Passing their ids to further
// queries and summing there, 28 array sums a row, took over 100 ms for a marathon's 5,000 conversations; finding
// them through their messages, each conversation's first message looked up, some 50 ms more than the index.)
import { type AnyColumn, and, eq, sql } from "drizzle-orm";
import { conversationFirstPosts as f, conversations as c } from "../../db/schema/index.js";
import { rowsWithoutJit } from "../../db/queries/rows.js";
import { emptyResolutionTally, emptyResponseTally, responseBucketOf } from "../../domain/reports/responseHistogram.js";
import { stepStart } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { waitingVisibleTo } from "../inbox/conversationAccess.js";
import type { ReportScope } from "./reportScope.js";
import type { SumGrouping, SummedResponseRow } from "./summedResponseRow.js";

/** Whether a campaign or post is chosen. */
export const filtersByPost = (scope: ReportScope) =>
  scope.postFilter.campaignIds !== undefined || scope.postFilter.postIds !== undefined;

/** A chosen conversation: its first answer and closing (days in the organisation's time zone) and its wait now. */
export interface ChosenConversation {
  id: string;
  /** The day of the first answer, if answered with its business time counted. */
  answered_on: string | null;
  /** The day of the last closing, if closed with its business time counted. */
  closed_on: string | null;
  channel_account_id: string | null;
  department_id: string | null;
  responder_user_id: string | null;
  closer_user_id: string | null;
  within_target: boolean | null;
  asked_again: boolean;
  business_ms: number | null;
  resolution_business_ms: number | null;
  /** Waiting for an answer now, in a conversation the viewer may see (as in waitingSeries.ts), and overdue. */
  waiting: boolean;
  overdue: boolean;
}

/**
 * The chosen conversations within the viewer's scope and filters (null: no campaign or post chosen), read once
 * with all the report needs of them (their answers, closings and waits are then summed here, not queried again).
 */
export async function chosenConversations(
  ctx: AppContext,
  scope: ReportScope,
  actor: OrgActor,
): Promise<ChosenConversation[] | null> {
  const posts = scope.postsChosen(f.postId);
  if (!filtersByPost(scope) || !posts) return null;
  const zone = scope.timeZone;
  const day = (at: AnyColumn) => sql`to_char((${at} at time zone ${zone})::date, 'YYYY-MM-DD')`;
  const answered = sql`${c.firstResponseAt} is not null and ${c.firstResponseBusinessMs} is not null`;
  const closed = sql`${c.status} = 'closed' and ${c.closedAt} is not null and ${c.resolutionBusinessMs} is not null`;
  const waiting = waitingVisibleTo(actor);
  // The conversations whose first message reacted to a chosen post (conversation_first_posts_post_idx).
  const query = sql`
    select ${c.id} as id, case when ${answered} then ${day(c.firstResponseAt)} end as answered_on,
           case when ${closed} then ${day(c.closedAt)} end as closed_on, ${c.channelAccountId} as channel_account_id,
           ${c.departmentId} as department_id, ${c.firstResponderUserId} as responder_user_id,
           ${c.closedByUserId} as closer_user_id, ${c.firstResponseWithinTarget} as within_target,
           ${c.firstResponseAskedAgain} as asked_again, ${c.firstResponseBusinessMs}::float8 as business_ms,
           ${c.resolutionBusinessMs}::float8 as resolution_business_ms, coalesce(${waiting}, false) as waiting,
           coalesce(${waiting} and ${c.responseDueAt} <= ${ctx.clock().toISOString()}::timestamptz, false) as overdue
      from ${c}
     where ${c.id} = any(array(select ${f.conversationId} from ${f} where ${and(eq(f.orgId, scope.orgId), posts)}))
       and ${and(eq(c.orgId, scope.orgId), scope.within(c))}`;
  // The planner expects every chosen post to have as many conversations as the average one: for a campaign of
  // thousands of posts a large share of the organisation's (the marathon: 32,000 estimated, 5,000 found), so it
  // would compile the query first (JIT), read the whole table of first posts rather than its index (7 against 3 ms)
  // and, were the conversations joined, hash all 105,000 rather than probe 5,000 by their key (263 against 35 ms in
  // EXPLAIN ANALYZE on the loaded machine): the ids as an array (an init plan) keep that choice from it.
  return rowsWithoutJit<ChosenConversation>(ctx.db, query, { noSeqScan: true });
}

/**
 * The chosen conversations' first answers (on the day sent) and closings (on the day of the last) summed as
 * responseRollupSums.ts sums the rollups: the period asked for as a whole and by step, channel account, department
 * and person; the one before as a whole.
 */
export function chosenConversationSums(scope: ReportScope, chosen: readonly ChosenConversation[]): SummedResponseRow[] {
  const { period } = scope;
  const sums = new Map<string, SummedResponseRow>();
  const sumOf = (current: boolean, by: SumGrouping, key: string | null) => {
    const id = `${current}|${by}|${key}`;
    let sum = sums.get(id);
    if (!sum) {
      sum = { current, by, key, answers: emptyResponseTally(), resolution: emptyResolutionTally() };
      sums.set(id, sum);
    }
    return sum;
  };
  /** The sums a first answer or closing on `day` by `person` adds to (none outside the two periods). */
  const sumsOn = (day: string, row: ChosenConversation, person: string | null) => {
    if (period.previousFrom <= day && day <= period.previousTo) return [sumOf(false, "all", null)];
    if (day < period.from || day > period.to) return [];
    return [
      sumOf(true, "all", null),
      sumOf(true, "step", stepStart(day, period.step)),
      sumOf(true, "channel", row.channel_account_id),
      sumOf(true, "department", row.department_id),
      sumOf(true, "person", person),
    ];
  };
  for (const row of chosen) {
    if (row.answered_on !== null && row.business_ms !== null) {
      const ms = row.business_ms;
      const bucket = responseBucketOf(ms);
      for (const { answers } of sumsOn(row.answered_on, row, row.responder_user_id)) {
        answers.answered += 1;
        answers.withTarget += row.within_target === null ? 0 : 1;
        answers.withinTarget += row.within_target ? 1 : 0;
        answers.askedAgain += row.asked_again ? 1 : 0;
        answers.msSum += ms;
        answers.histogram[bucket] = (answers.histogram[bucket] ?? 0) + 1;
      }
    }
    if (row.closed_on !== null && row.resolution_business_ms !== null) {
      const ms = row.resolution_business_ms;
      const bucket = responseBucketOf(ms);
      for (const { resolution } of sumsOn(row.closed_on, row, row.closer_user_id)) {
        resolution.resolved += 1;
        resolution.msSum += ms;
        resolution.histogram[bucket] = (resolution.histogram[bucket] ?? 0) + 1;
      }
    }
  }
  return [...sums.values()];
}
