// The message index of the one search, filled off the ingestion path: ingestion only inserts a message; this
// job (every 15 s in the worker) reads the messages written since its watermark, oldest first, in batches, and
// writes their German text vectors to message_search. Hidden and deleted messages are left out (and drop out
// later through the trigger of migration 0072). The watermark is the latest `created_at` indexed; each run
// reads again from five minutes before it, because a transaction that began earlier may commit later (its
// rows carry its start time) — the anti-join skips what is already there.
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";

export const MESSAGE_INDEX = "messages";
/** How far back each run reads again before the watermark: longer than any ingestion transaction. */
export const REREAD_MS = 5 * 60_000;

export async function indexMessages(
  ctx: AppContext,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ indexed: number; indexedUntil: Date | null }> {
  const batchSize = options.batchSize ?? 5000;
  const maxBatches = options.maxBatches ?? 20;
  let indexed = 0;
  let until: Date | null = null;
  for (let batch = 0; batch < maxBatches; batch++) {
    const step = await indexBatch(ctx, batchSize);
    indexed += step.indexed;
    until = step.indexedUntil;
    if (step.indexed < batchSize) break;
  }
  // The block ranges written since are summarised, so the next run and the search's direct look at the newest
  // messages read only the ranges after the watermark (PGlite has no autovacuum to do it).
  await ctx.db.execute(sql`select brin_summarize_new_values('inbound_messages_created_brin')`);
  return { indexed, indexedUntil: until };
}

/**
 * The watermark as PostgreSQL writes it (text, to the microsecond): a JavaScript Date keeps milliseconds only, and a
 * watermark rounded down would leave every message of its last millisecond "not yet indexed" for the search.
 */
export async function messageWatermark(db: Pick<AppContext["db"], "execute">): Promise<string | null> {
  const [mark] = rowsOf<{ indexed_until: string }>(
    await db.execute(
      sql`select indexed_until::text as indexed_until from search_index_watermarks where name = ${MESSAGE_INDEX}`,
    ),
  );
  return mark?.indexed_until ?? null;
}

async function indexBatch(ctx: AppContext, batchSize: number): Promise<{ indexed: number; indexedUntil: Date | null }> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from search_index_watermarks where name = ${MESSAGE_INDEX} for update`);
    const mark = await messageWatermark(tx);
    const from = mark
      ? sql`${mark}::timestamptz - ${`${REREAD_MS} milliseconds`}::interval`
      : sql`'-infinity'::timestamptz`;
    const [batch] = rowsOf<{ n: number; newest: string | null }>(
      await tx.execute(sql`
        with batch as (
          select m.id, m.org_id, m.conversation_id, m.received_at, m.text, m.created_at
            from inbound_messages m
           where m.created_at >= ${from}
             and m.conversation_id is not null
             and m.visibility not in ('hidden', 'deleted')
             and not exists (select 1 from message_search s where s.message_id = m.id)
           order by m.created_at
           limit ${batchSize}
        ), written as (
          insert into message_search (message_id, org_id, conversation_id, received_at, search)
          select id, org_id, conversation_id, received_at, to_tsvector('draht_german'::regconfig, text) from batch
          on conflict (message_id) do nothing
        )
        select count(*)::int as n, max(created_at)::text as newest from batch`),
    );
    const n = Number(batch?.n ?? 0);
    // A full batch: up to its newest message. Caught up: up to the newest message written at all (skipped
    // hidden ones and messages without a conversation included), so the next run rereads only five minutes.
    const newest =
      n >= batchSize
        ? batch?.newest
        : rowsOf<{ newest: string | null }>(
            await tx.execute(sql`select max(created_at)::text as newest from inbound_messages`),
          )[0]?.newest;
    if (!newest) return { indexed: n, indexedUntil: mark ? new Date(mark) : null };
    await tx.execute(sql`
      insert into search_index_watermarks (name, indexed_until, updated_at)
      values (${MESSAGE_INDEX}, ${newest}::timestamptz, now())
      on conflict (name) do update
        set indexed_until = greatest(search_index_watermarks.indexed_until, excluded.indexed_until),
            updated_at = excluded.updated_at`);
    return { indexed: n, indexedUntil: new Date(newest) };
  });
}
