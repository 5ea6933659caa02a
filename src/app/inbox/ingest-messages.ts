// The one way inbound messages enter draht, whatever the channel, as a batch in the caller's
// transaction: validate → normalise to the one message model → analyse the text → find the post each
// reacts to (postOfMessage.ts) → leave out duplicates by (channel account, external id) → thread into
// conversations, route, set response-time targets, then store the messages with their conversation in one
// insert (threadIntoConversations.ts; the report rollups count each once, by trigger) → moderation: the
// pipeline's verdict sets the visibility, and held, hidden or flagged messages open moderation cases
// (threats: evidence and alerts at once) → announce the change to live inboxes. A connector acknowledges its
// source only after the transaction commits, so an acknowledged message is durable.
// Set-based: a batch costs the same dozen statements whether it holds one message or a thousand, and
// rows travel as one JSON parameter (jsonb_to_recordset) rather than thousands of bind parameters.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts } from "../../db/schema/index.js";
import { stricterVisibility, type TInboundMessage, ZInboundMessage } from "../../domain/inbound.js";
import type { PipelineResult } from "../../domain/moderation/pipeline.js";
import type { TextAnalyser, TextAnalysis } from "../../text/analysis.js";
import { topicsOf } from "../../text/keyTerms.js";
import { moderateBatch } from "../moderation/moderateBatch.js";
import { openModerationCases } from "../moderation/openModerationCases.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { rowsOf } from "../../db/queries/rows.js";
import { findPostsOfBatch } from "./postOfMessage.js";
import { storeAttachments } from "./storeAttachments.js";
import { type StoredMessage, threadIntoConversations } from "./threadIntoConversations.js";

export type IngestOutcome =
  | { status: "stored"; externalId: string; id: string; conversationId: string; askedAgain: boolean }
  | { status: "duplicate"; externalId: string }
  | { status: "rejected"; externalId: string | null; reason: string };

/** What a connector that moderates before storing (the website channel) already knows of a message. */
export interface Premoderated {
  analysis: TextAnalysis;
  moderation: PipelineResult;
}

export async function ingestMessages(
  tx: Db | Tx,
  options: {
    orgId: string;
    messages: readonly unknown[];
    analyser: TextAnalyser;
    now: Date;
    publicUrl: string;
    premoderated?: readonly (Premoderated | undefined)[];
  },
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(options.messages.length);
  const valid: { index: number; message: TInboundMessage }[] = [];
  options.messages.forEach((input, index) => {
    const parsed = ZInboundMessage.safeParse(input);
    const externalId =
      typeof (input as { externalId?: unknown })?.externalId === "string"
        ? (input as { externalId: string }).externalId
        : null;
    // The schema also removes control characters (NUL cannot be stored), domain/inbound.ts.
    if (parsed.success) valid.push({ index, message: parsed.data });
    else
      outcomes[index] = {
        status: "rejected",
        externalId,
        reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      };
  });
  const accountIds = [...new Set(valid.map((v) => v.message.channelAccountId))];
  const accounts = accountIds.length
    ? await tx
        .select({
          id: channelAccounts.id,
          departmentId: channelAccounts.departmentId,
          network: channelAccounts.network,
        })
        .from(channelAccounts)
        .where(and(eq(channelAccounts.orgId, options.orgId), inArray(channelAccounts.id, accountIds)))
    : [];
  const departmentOf = new Map(accounts.map((a) => [a.id, a.departmentId]));
  const networkOf = new Map(accounts.map((a) => [a.id, a.network]));
  const accepted = valid.filter((v) => {
    if (departmentOf.has(v.message.channelAccountId)) return true;
    outcomes[v.index] = {
      status: "rejected",
      externalId: v.message.externalId,
      reason: "channelAccountId: not a channel account of this organisation",
    };
    return false;
  });
  if (accepted.length === 0) return outcomes;

  const analysed = accepted.map((v) => ({
    ...v,
    result: options.premoderated?.[v.index]?.analysis ?? options.analyser.analyse(v.message.text),
  }));
  // Moderation: every message passes the pipeline (domain/moderation) unless its connector ran it already.
  const toModerate = analysed.filter((a) => !options.premoderated?.[a.index]);
  const { results, settings } = await moderateBatch(tx, {
    orgId: options.orgId,
    items: toModerate.map((a) => ({ message: a.message, analysis: a.result })),
    now: options.now,
  });
  const moderationOf = new Map<number, PipelineResult>(
    toModerate.map((a, i) => [a.index, results[i] as PipelineResult]),
  );
  for (const a of analysed) {
    const given = options.premoderated?.[a.index]?.moderation;
    if (given) moderationOf.set(a.index, given);
  }
  // One lookup for the whole batch, replies to replies within it included (postOfMessage.ts).
  const postIds = await findPostsOfBatch(
    tx,
    analysed.map((a) => a.message),
  );
  const records = analysed.map(({ index, message: m, result }, i) => {
    const terms = topicsOf(m.text);
    return {
      channel_account_id: m.channelAccountId,
      external_id: m.externalId,
      kind: m.kind,
      author_handle: m.authorHandle,
      author_name: m.authorName,
      text: m.text,
      language: m.language,
      thread_external_id: m.threadExternalId,
      in_reply_to_external_id: m.inReplyToExternalId,
      visibility: stricterVisibility(m.visibility, moderationOf.get(index)?.status ?? "visible"),
      received_at: m.receivedAt.toISOString(),
      raw: m.raw,
      media: m.media,
      intent: result.intent,
      sentiment: result.sentiment,
      flagged: result.flagged,
      topics: terms.topics,
      topic_labels: terms.topicLabels,
      analysis: { analyser: options.analyser.name, ...result, moderation: moderationOf.get(index)?.trail ?? [] },
      post_id: postIds[i] ?? null,
    };
  });
  // Left out: messages stored before, and repeats within the batch; the rest is threaded and stored. A message
  // another transaction stores meanwhile (two syncs of one account at once) makes the insert come back short:
  // then everything since the savepoint is undone and done again, with that message found stored.
  let attempt = 0;
  let stored: (StoredMessage & { index: number })[];
  let threaded: Map<string, { id: string; askedAgain: boolean }>;
  for (;;) {
    try {
      ({ stored, threaded } = await tx.transaction((sp) =>
        storeNewMessages(sp, { ...options, analysed, records, departmentOf, networkOf }),
      ));
      break;
    } catch (error) {
      if (!(error instanceof StoredMeanwhile) || ++attempt > 5) throw error;
    }
  }
  const storedIndexes = new Set(stored.map((s) => s.index));
  for (const a of analysed)
    if (!storedIndexes.has(a.index)) outcomes[a.index] = { status: "duplicate", externalId: a.message.externalId };
  if (stored.length === 0) return outcomes;
  for (const s of stored) {
    const conversation = threaded.get(s.id);
    if (!conversation) throw new Error("message was not threaded");
    outcomes[s.index] = {
      status: "stored",
      externalId: s.message.externalId,
      id: s.id,
      conversationId: conversation.id,
      askedAgain: conversation.askedAgain,
    };
  }
  const resultOf = new Map(analysed.map((a) => [a.index, a.result]));
  await openModerationCases(tx, {
    orgId: options.orgId,
    settings,
    now: options.now,
    publicUrl: options.publicUrl,
    stored: stored.map((s) => ({
      messageId: s.id,
      channelAccountId: s.message.channelAccountId,
      conversationId: threaded.get(s.id)?.id ?? null,
      moderation: moderationOf.get(s.index) as PipelineResult,
      analysis: resultOf.get(s.index) as TextAnalysis,
    })),
  });
  await notifyConversationsChanged(tx, {
    orgId: options.orgId,
    conversationIds: [...new Set([...threaded.values()].map((c) => c.id))],
  });
  return outcomes;
}

/** Another transaction stored some of the batch's messages after they were looked up. */
class StoredMeanwhile extends Error {}

type MessageRecord = Record<string, unknown> & { channel_account_id: string; external_id: string };

/** The batch's messages not stored yet, threaded, then stored each with its conversation. */
async function storeNewMessages(
  tx: Tx,
  args: {
    orgId: string;
    now: Date;
    publicUrl: string;
    analysed: readonly { index: number; message: TInboundMessage; result: TextAnalysis }[];
    records: readonly MessageRecord[];
    departmentOf: Map<string, string | null>;
    networkOf: Map<string, string>;
  },
): Promise<{
  stored: (StoredMessage & { index: number })[];
  threaded: Map<string, { id: string; askedAgain: boolean }>;
}> {
  const keysJson = JSON.stringify(args.records.map((r) => ({ a: r.channel_account_id, e: r.external_id })));
  const known = new Set(
    rowsOf<{ channel_account_id: string; external_id: string }>(
      await tx.execute(sql`
        select m.channel_account_id, m.external_id
          from inbound_messages m
          join jsonb_to_recordset(${keysJson}::jsonb) as k(a uuid, e text)
            on m.channel_account_id = k.a and m.external_id = k.e`),
    ).map((r) => `${r.channel_account_id}\u0000${r.external_id}`),
  );
  const stored: (StoredMessage & { index: number })[] = [];
  const recordOf = new Map<string, MessageRecord>();
  args.analysed.forEach(({ index, message, result }, i) => {
    const messageKey = `${message.channelAccountId}\u0000${message.externalId}`;
    // Stored before, or the same external id twice in one batch: the first is stored, the others are duplicates.
    if (known.has(messageKey)) return;
    known.add(messageKey);
    const id = randomUUID();
    recordOf.set(id, args.records[i] as MessageRecord);
    stored.push({
      index,
      id,
      message,
      analysis: {
        text: message.text,
        receivedAt: message.receivedAt,
        intent: result.intent,
        sentiment: result.sentiment,
        flagged: result.flagged,
      },
    });
  });
  if (stored.length === 0) return { stored, threaded: new Map() };
  const threaded = await threadIntoConversations(tx, {
    orgId: args.orgId,
    stored,
    departmentOf: args.departmentOf,
    networkOf: args.networkOf,
    now: args.now,
    publicUrl: args.publicUrl,
    // Stored once their conversations are routed, with the conversation: the rollup triggers count each message
    // once, for its conversation's department (a message stored first and linked after ran them twice).
    store: async (conversationOf) => {
      const rows = stored.map((s) => ({ ...recordOf.get(s.id), id: s.id, conversation_id: conversationOf.get(s.id) }));
      // In key order, so two batches inserting some of the same messages wait for each other, never deadlock.
      const inserted = rowsOf<{ id: string }>(
        await tx.execute(sql`
          insert into inbound_messages (id, org_id, channel_account_id, external_id, kind, author_handle, author_name, text,
                                        language, thread_external_id, in_reply_to_external_id, visibility, received_at, raw,
                                        media, intent, sentiment, flagged, topics, topic_labels, analysis, post_id,
                                        conversation_id)
          select r.id, ${args.orgId}::uuid, r.channel_account_id, r.external_id, r.kind, r.author_handle, r.author_name,
                 r.text, r.language, r.thread_external_id, r.in_reply_to_external_id, r.visibility, r.received_at, r.raw,
                 r.media, r.intent, r.sentiment, r.flagged, r.topics, r.topic_labels, r.analysis, r.post_id, r.conversation_id
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
                   id uuid, channel_account_id uuid, external_id text, kind text, author_handle text, author_name text,
                   text text, language text, thread_external_id text, in_reply_to_external_id text, visibility text,
                   received_at timestamptz, raw jsonb, media jsonb, intent text, sentiment real, flagged boolean,
                   topics text[], topic_labels text[], analysis jsonb, post_id uuid, conversation_id uuid)
           order by r.channel_account_id, r.external_id
          on conflict (channel_account_id, external_id) do nothing
          returning id`),
      );
      // The conversations would count a message that another transaction stored: undone and done again.
      if (inserted.length !== rows.length) throw new StoredMeanwhile();
      const withFiles = stored.filter((s) => s.message.attachments.length > 0);
      if (withFiles.length)
        await storeAttachments(tx, {
          orgId: args.orgId,
          now: args.now,
          messages: withFiles.map((s) => ({ id: s.id, attachments: s.message.attachments })),
        });
    },
  });
  return { stored, threaded };
}
