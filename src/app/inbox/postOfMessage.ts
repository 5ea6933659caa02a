// Which of our posts the messages of a batch react to (inbound_messages.post_id, for the Stimmung report by post),
// by set: one query looks up every external id the batch names on its channel account — our publication with that
// id and, for an id answered, the message stored under it; the rule of domain/postReactedTo.ts picks each message's
// post from these, following replies to replies within the batch. Only for the messages still without a post, a
// second query asks whether their ids are later parts of one of our threads (most messages never need it).
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";
import { type BatchMessage, leadKey, type PostLead, postsReactedTo } from "../../domain/postReactedTo.js";

type Named = Map<string, { a: string; x: string; reply: boolean }>;

/** The post each message reacts to (or null), in the batch's order. */
export async function findPostsOfBatch(tx: Db | Tx, messages: readonly BatchMessage[]): Promise<(string | null)[]> {
  const named = namedIds(messages);
  if (named.size === 0) return messages.map(() => null);
  // Subqueries, not joins: each is one index lookup per id, whatever the planner thinks of the tables' sizes (a
  // join let it hash all of inbound_messages).
  const leads = new Map<string, PostLead>(
    rowsOf<{ a: string; x: string; publication: string | null; stored: { post: string | null } | null }>(
      await tx.execute(sql`
        select k.a, k.x,
               (select p.post_id from publications p
                 where p.channel_account_id = k.a and p.external_id = k.x limit 1) as publication,
               case when k.reply then (select jsonb_build_object('post', m.post_id) from inbound_messages m
                                        where m.channel_account_id = k.a and m.external_id = k.x) end as stored
          from jsonb_to_recordset(${JSON.stringify([...named.values()])}::jsonb) as k(a uuid, x text, reply boolean)`),
    ).map((r) => [
      leadKey(r.a, r.x),
      { publication: r.publication, storedMessage: r.stored ? { postId: r.stored.post } : undefined },
    ]),
  );
  const posts = postsReactedTo(messages, leads);
  const open = namedIds(messages.filter((_, i) => posts[i] === null));
  for (const [key, lead] of leads) if (lead.publication !== null) open.delete(key);
  if (open.size === 0) return posts;
  // The GIN index on part_external_ids finds the few publications holding an id; "offset 0" keeps the channel
  // account's condition outside, or the planner reads all the account's publications for each id.
  const parts = rowsOf<{ a: string; x: string; part: string | null }>(
    await tx.execute(sql`
      select k.a, k.x,
             (select c.post_id
                from (select p.post_id, p.channel_account_id from publications p
                       where p.part_external_ids @> jsonb_build_array(k.x) offset 0) c
               where c.channel_account_id = k.a limit 1) as part
        from jsonb_to_recordset(${JSON.stringify([...open.values()])}::jsonb) as k(a uuid, x text)`),
  );
  for (const r of parts) {
    const key = leadKey(r.a, r.x);
    leads.set(key, { publication: null, ...leads.get(key), part: r.part });
  }
  return postsReactedTo(messages, leads);
}

/** Each external id the messages name, once per channel account; "reply" if one of them answers it. */
function namedIds(messages: readonly BatchMessage[]): Named {
  const named: Named = new Map();
  for (const m of messages)
    for (const [x, reply] of [
      [m.threadExternalId, false],
      [m.inReplyToExternalId, true],
    ] as const) {
      if (x === null) continue;
      const key = leadKey(m.channelAccountId, x);
      const known = named.get(key);
      if (known) known.reply ||= reply;
      else named.set(key, { a: m.channelAccountId, x, reply });
    }
  return named;
}
