// Which of our posts the messages of a batch react to (inbound_messages.post_id, for the Stimmung report by post):
// one query per batch looks up every external id the batch names — as a thread's root or as the item answered —
// on its channel account: our publication with that id, the message stored under it, and (only when no
// publication has it) a publication that has it as a later part of its thread; the rule of domain/postReactedTo.ts
// then picks each message's post, following replies to replies within the batch.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";
import { type BatchMessage, leadKey, type PostLead, postsReactedTo } from "../../domain/postReactedTo.js";

interface LeadRow {
  a: string;
  x: string;
  publication: string | null;
  stored: boolean;
  message_post: string | null;
  part: string | null;
}

/** The post each message reacts to (or null), in the batch's order. */
export async function findPostsOfBatch(tx: Db | Tx, messages: readonly BatchMessage[]): Promise<(string | null)[]> {
  const named = new Map<string, { a: string; x: string }>();
  for (const m of messages)
    for (const x of [m.threadExternalId, m.inReplyToExternalId])
      if (x !== null) named.set(leadKey(m.channelAccountId, x), { a: m.channelAccountId, x });
  if (named.size === 0) return messages.map(() => null);
  // Parts: the GIN index on part_external_ids finds the few publications that hold the id; "offset 0" keeps the
  // channel account's condition outside, or the planner scans all the account's publications for each id.
  const rows = rowsOf<LeadRow>(
    await tx.execute(sql`
      select k.a, k.x, pub.post_id as publication, m.id is not null as stored, m.post_id as message_post, part.post_id as part
        from jsonb_to_recordset(${JSON.stringify([...named.values()])}::jsonb) as k(a uuid, x text)
        left join lateral (
          select p.post_id from publications p
           where p.channel_account_id = k.a and p.external_id = k.x
           order by p.created_at, p.id limit 1) pub on true
        left join inbound_messages m on m.channel_account_id = k.a and m.external_id = k.x
        left join lateral (
          select c.post_id
            from (select p.post_id, p.channel_account_id, p.created_at, p.id from publications p
                   where p.part_external_ids @> jsonb_build_array(k.x) offset 0) c
           where pub.post_id is null and c.channel_account_id = k.a
           order by c.created_at, c.id limit 1) part on true`),
  );
  const leads = new Map<string, PostLead>(
    rows.map((r) => [
      leadKey(r.a, r.x),
      {
        publication: r.publication,
        storedMessage: r.stored ? { postId: r.message_post } : undefined,
        part: r.part,
      },
    ]),
  );
  return postsReactedTo(messages, leads);
}
