// Runs the moderation pipeline (domain/moderation/pipeline.ts) over a batch of analysed inbound messages
// in the ingesting transaction: the organisation's settings and the flood and repeat counts are read
// once per batch, set-based.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { TInboundMessage } from "../../domain/inbound.js";
import { MODERATION_PHASES, type PipelineResult, runModerationPipeline } from "../../domain/moderation/pipeline.js";
import type { TModerationSettings } from "../../domain/moderation/settings.js";
import type { TextAnalysis } from "../../text/analysis.js";
import { moderationSettingsOf } from "./moderationRecords.js";

export interface ModeratedItem {
  message: TInboundMessage;
  analysis: TextAnalysis;
  /** An edit of a message already stored: it is counted among the author's recent ones already. */
  stored?: boolean;
}

const DAY_MS = 24 * 3_600_000;

export async function moderateBatch(
  tx: Db | Tx,
  args: { orgId: string; items: readonly ModeratedItem[]; now: Date },
): Promise<{ results: PipelineResult[]; settings: TModerationSettings }> {
  const settings = await moderationSettingsOf(tx, args.orgId);
  if (args.items.length === 0) return { results: [], settings };
  const since = new Date(args.now.getTime() - settings.floodWindowMinutes * 60_000);
  const authors = [
    ...new Set(args.items.map((i) => `${i.message.channelAccountId}\u0000${i.message.authorHandle}`)),
  ].map((k) => {
    const [channel_account_id, author_handle] = k.split("\u0000");
    return { channel_account_id, author_handle };
  });
  const floodRows = rowsOf<{ channel_account_id: string; author_handle: string; n: number }>(
    await tx.execute(sql`
      select m.channel_account_id, m.author_handle, count(*)::int as n
        from jsonb_to_recordset(${JSON.stringify(authors)}::jsonb) as a(channel_account_id uuid, author_handle text)
        join inbound_messages m on m.channel_account_id = a.channel_account_id and m.author_handle = a.author_handle
       where m.org_id = ${args.orgId}::uuid and m.received_at >= ${since.toISOString()}::timestamptz
       group by m.channel_account_id, m.author_handle`),
  );
  const earlier = new Map(floodRows.map((r) => [`${r.channel_account_id}\u0000${r.author_handle}`, r.n]));
  const texts = [...new Set(args.items.map((i) => i.message.text).filter((t) => t.trim().length >= 20))];
  const repeatRows = texts.length
    ? rowsOf<{ text: string; thread: string; author: string }>(
        await tx.execute(sql`
          select distinct m.text, coalesce(m.thread_external_id, '') as thread, m.author_handle as author
            from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) as t(text)
            join inbound_messages m on m.org_id = ${args.orgId}::uuid and md5(m.text) = md5(t.text) and m.text = t.text
           where m.received_at >= ${new Date(args.now.getTime() - DAY_MS).toISOString()}::timestamptz`),
      )
    : [];
  const postsOfText = new Map<string, { thread: string; author: string }[]>();
  for (const r of repeatRows) postsOfText.set(r.text, [...(postsOfText.get(r.text) ?? []), r]);
  /**
   * Copy-and-paste spam: the same text under other posts by the same author, or under three or more other
   * posts by anyone (bots use many accounts; two citizens asking the same short question is no spam).
   */
  const repeatsElsewhere = (message: TInboundMessage) => {
    const elsewhere = (postsOfText.get(message.text) ?? []).filter(
      (p) => p.thread !== (message.threadExternalId ?? ""),
    );
    const byAuthor = elsewhere.filter((p) => p.author === message.authorHandle).length;
    const threads = new Set(elsewhere.map((p) => p.thread)).size;
    return byAuthor > 0 ? byAuthor : threads >= 3 ? threads : 0;
  };
  const inBatch = new Map<string, number>();
  const results: PipelineResult[] = [];
  for (const item of args.items) {
    const authorKey = `${item.message.channelAccountId}\u0000${item.message.authorHandle}`;
    if (!item.stored) inBatch.set(authorKey, (inBatch.get(authorKey) ?? 0) + 1);
    results.push(
      await runModerationPipeline(MODERATION_PHASES, {
        text: item.message.text,
        settings,
        analysis: { scores: item.analysis.scores, labels: item.analysis.labels, reasons: item.analysis.reasons },
        recentByAuthor: (earlier.get(authorKey) ?? 0) + (inBatch.get(authorKey) ?? 0),
        sameTextElsewhere: repeatsElsewhere(item.message),
      }),
    );
  }
  return { results, settings };
}
