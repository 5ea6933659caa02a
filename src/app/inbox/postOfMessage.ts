// Which of our posts a citizen's message reacts to (inbound_messages.post_id, for the Stimmung report by post):
// the thread's root or the item it answers is one of our publications on the same channel account — its first
// post or a later part of a thread; website comments name the website entry, which is the publication's external
// id — or the message it answers reacts to a post (a reply to a reply under our post). Found at ingestion, in the
// insert itself, by index lookups (publications by channel account and external id, parts by a GIN index).
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";

/**
 * The post of a row `r` of the insert (with channel_account_id, thread_external_id, in_reply_to_external_id):
 * the first that answers, in order, so the common case (the thread's root) costs one index lookup.
 */
export function postOfIncoming(): SQL {
  const publication = (where: SQL) => sql`(select p.post_id from publications p
      where p.channel_account_id = r.channel_account_id and ${where} limit 1)`;
  return sql`case when r.thread_external_id is null and r.in_reply_to_external_id is null then null else coalesce(
    ${publication(sql`p.external_id = r.thread_external_id`)},
    ${publication(sql`p.external_id = r.in_reply_to_external_id`)},
    (select m.post_id from inbound_messages m
      where m.channel_account_id = r.channel_account_id and m.external_id = r.in_reply_to_external_id),
    ${publication(sql`p.part_external_ids @> jsonb_build_array(r.thread_external_id)`)},
    ${publication(sql`p.part_external_ids @> jsonb_build_array(r.in_reply_to_external_id)`)}
  ) end`;
}

/**
 * A reply whose parent arrived in the same batch did not see it at the insert: it takes its parent's post now,
 * before it is threaded (so the rollups count it once, with its post). Only when the batch holds such a pair.
 */
export async function linkRepliesWithinBatch(
  tx: Db | Tx,
  args: {
    orgId: string;
    messages: readonly {
      id: string;
      channelAccountId: string;
      externalId: string;
      inReplyToExternalId: string | null;
    }[];
  },
): Promise<void> {
  const keys = new Set(args.messages.map((m) => `${m.channelAccountId}\u0000${m.externalId}`));
  const replies = args.messages.filter(
    (m) => m.inReplyToExternalId !== null && keys.has(`${m.channelAccountId}\u0000${m.inReplyToExternalId}`),
  );
  if (replies.length === 0) return;
  const ids = JSON.stringify(replies.map((m) => m.id));
  // One level per round: a chain of replies within one batch is as deep as the batch at most.
  for (let round = 0; round < replies.length; round++) {
    const updated = await tx.execute(sql`
      update inbound_messages m set post_id = parent.post_id
        from inbound_messages parent
       where m.id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
         and m.org_id = ${args.orgId}::uuid and m.post_id is null
         and parent.channel_account_id = m.channel_account_id and parent.external_id = m.in_reply_to_external_id
         and parent.post_id is not null
      returning m.id`);
    if (rowsOf(updated).length === 0) return;
  }
}
