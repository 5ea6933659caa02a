// The one way inbound messages enter draht, whatever the channel, as a batch in the caller's
// transaction: validate → normalise to the one message model → analyse the text → store, deduplicated
// by (channel account, external id) → thread into conversations → intake (status, asked again, route,
// response-time target, inbox order) → announce the change to live inboxes. A connector acknowledges
// its source only after the transaction commits, so an acknowledged message is durable.
// Set-based: a batch costs the same handful of statements whether it holds one message or a thousand.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, conversations, inboundMessages, userNotifications } from "../../db/schema/index.js";
import { type ConversationState, type IncomingMessage, type IntakeResult, takeIn } from "../../domain/conversationIntake.js";
import { type TInboundMessage, ZInboundMessage } from "../../domain/inbound.js";
import type { TextAnalyser } from "../../text/analysis.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { loadIntakeRules } from "./intakeRules.js";
import { acknowledgeOutsideOfficeHours } from "./autoAcknowledge.js";

export type IngestOutcome =
  | { status: "stored"; externalId: string; id: string; conversationId: string; askedAgain: boolean }
  | { status: "duplicate"; externalId: string }
  | { status: "rejected"; externalId: string | null; reason: string };

interface Stored {
  id: string;
  message: TInboundMessage;
  analysis: IncomingMessage;
  key: string;
}

const keyOf = (m: { channelAccountId: string; threadKey: string; citizenHandle: string }) => `${m.channelAccountId}\u0000${m.threadKey}\u0000${m.citizenHandle}`;
const threadKeyOf = (m: TInboundMessage) => m.threadExternalId ?? "direct";
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

export async function ingestMessages(
  tx: Db | Tx,
  options: { orgId: string; messages: readonly unknown[]; analyser: TextAnalyser; now: Date; publicUrl: string },
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(options.messages.length);
  const valid: { index: number; message: TInboundMessage }[] = [];
  options.messages.forEach((input, index) => {
    const parsed = ZInboundMessage.safeParse(input);
    const externalId = typeof (input as { externalId?: unknown })?.externalId === "string" ? (input as { externalId: string }).externalId : null;
    if (parsed.success) valid.push({ index, message: parsed.data });
    else outcomes[index] = { status: "rejected", externalId, reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  });
  const accountIds = [...new Set(valid.map((v) => v.message.channelAccountId))];
  const accounts = accountIds.length
    ? await tx
        .select({ id: channelAccounts.id, departmentId: channelAccounts.departmentId, network: channelAccounts.network })
        .from(channelAccounts)
        .where(and(eq(channelAccounts.orgId, options.orgId), inArray(channelAccounts.id, accountIds)))
    : [];
  const departmentOf = new Map(accounts.map((a) => [a.id, a.departmentId]));
  const networkOf = new Map(accounts.map((a) => [a.id, a.network]));
  const accepted = valid.filter((v) => {
    if (departmentOf.has(v.message.channelAccountId)) return true;
    outcomes[v.index] = { status: "rejected", externalId: v.message.externalId, reason: "channelAccountId: not a channel account of this organisation" };
    return false;
  });
  if (accepted.length === 0) return outcomes;

  const analysed = accepted.map((v) => ({ ...v, result: options.analyser.analyse(v.message.text) }));
  const inserted = await tx
    .insert(inboundMessages)
    .values(
      analysed.map(({ message, result }) => ({
        orgId: options.orgId,
        ...message,
        intent: result.intent,
        sentiment: result.sentiment,
        flagged: result.flagged,
        analysis: { analyser: options.analyser.name, ...result },
      })),
    )
    .onConflictDoNothing({ target: [inboundMessages.channelAccountId, inboundMessages.externalId] })
    .returning({ id: inboundMessages.id, channelAccountId: inboundMessages.channelAccountId, externalId: inboundMessages.externalId });
  const idOf = new Map(inserted.map((r) => [`${r.channelAccountId}\u0000${r.externalId}`, r.id]));
  const stored: (Stored & { index: number })[] = [];
  const seen = new Set<string>();
  for (const { index, message, result } of analysed) {
    const messageKey = `${message.channelAccountId}\u0000${message.externalId}`;
    const id = idOf.get(messageKey);
    // The same external id twice in one batch: the first is stored, the second is a duplicate.
    if (!id || seen.has(messageKey)) {
      outcomes[index] = { status: "duplicate", externalId: message.externalId };
      continue;
    }
    seen.add(messageKey);
    const key = keyOf({ channelAccountId: message.channelAccountId, threadKey: threadKeyOf(message), citizenHandle: message.authorHandle });
    stored.push({ index, id, message, key, analysis: { text: message.text, receivedAt: message.receivedAt, intent: result.intent, sentiment: result.sentiment, flagged: result.flagged } });
  }
  if (stored.length === 0) return outcomes;

  const threaded = await threadIntoConversations(tx, { orgId: options.orgId, stored, departmentOf, networkOf, now: options.now, publicUrl: options.publicUrl });
  for (const s of stored) {
    const conversation = threaded.get(s.key);
    if (!conversation) throw new Error("message was not threaded");
    outcomes[s.index] = { status: "stored", externalId: s.message.externalId, id: s.id, conversationId: conversation.id, askedAgain: conversation.result.askedAgain };
  }
  await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [...threaded.values()].map((c) => c.id) });
  return outcomes;
}

type ConversationRow = typeof conversations.$inferSelect;

async function threadIntoConversations(
  tx: Db | Tx,
  args: { orgId: string; stored: readonly Stored[]; departmentOf: Map<string, string | null>; networkOf: Map<string, string>; now: Date; publicUrl: string },
): Promise<Map<string, { id: string; result: IntakeResult }>> {
  const groups = new Map<string, Stored[]>();
  for (const s of args.stored) groups.set(s.key, [...(groups.get(s.key) ?? []), s]);
  for (const group of groups.values()) group.sort((a, b) => a.message.receivedAt.getTime() - b.message.receivedAt.getTime());
  const firsts = [...groups.values()].map((g) => g[0]).filter((s): s is Stored => s !== undefined);
  const created = await tx
    .insert(conversations)
    .values(
      firsts.map(({ message }) => ({
        orgId: args.orgId,
        channelAccountId: message.channelAccountId,
        threadKey: threadKeyOf(message),
        citizenHandle: message.authorHandle,
        citizenName: message.authorName,
        firstMessageAt: message.receivedAt,
        lastMessageAt: message.receivedAt,
        createdAt: args.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: conversations.id });
  const createdIds = new Set(created.map((c) => c.id));
  const tuples = sql.join(
    firsts.map(({ message }) => sql`(${message.channelAccountId}::uuid, ${threadKeyOf(message)}::text, ${message.authorHandle}::text)`),
    sql`, `,
  );
  // Locked in id order, so concurrent batches touching the same conversations never deadlock.
  const rows: ConversationRow[] = await tx
    .select()
    .from(conversations)
    .where(sql`(${conversations.channelAccountId}, ${conversations.threadKey}, ${conversations.citizenHandle}) in (${tuples})`)
    .orderBy(conversations.id)
    .for("update");
  const existingIds = rows.filter((r) => !createdIds.has(r.id)).map((r) => r.id);
  const unanswered = existingIds.length
    ? rowsOf<{ conversation_id: string; text: string; received_at: string | Date }>(
        await tx.execute(sql`
          select m.conversation_id, m.text, m.received_at
            from ${inboundMessages} m join ${conversations} c on c.id = m.conversation_id
           where m.conversation_id in (${sql.join(existingIds.map((id) => sql`${id}::uuid`), sql`, `)})
             and m.received_at > coalesce(c.last_response_at, '-infinity'::timestamptz)
           order by m.received_at`),
      )
    : [];
  const earlierOf = new Map<string, { text: string; receivedAt: Date }[]>();
  for (const m of unanswered) earlierOf.set(m.conversation_id, [...(earlierOf.get(m.conversation_id) ?? []), { text: m.text, receivedAt: new Date(m.received_at) }]);

  const rules = await loadIntakeRules(tx, args.orgId);
  const results = new Map<string, { id: string; result: IntakeResult; routedByRuleId: string | null }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (!group) continue;
    const state: ConversationState | null = createdIds.has(row.id) ? null : row;
    const result = takeIn({
      state,
      channelAccountId: row.channelAccountId,
      accountDepartmentId: args.departmentOf.get(row.channelAccountId) ?? null,
      unanswered: earlierOf.get(row.id) ?? [],
      messages: group.map((s) => s.analysis),
      rules,
      now: args.now,
    });
    const ruleIndex = result.route?.ruleIndex;
    results.set(key, { id: row.id, result, routedByRuleId: ruleIndex == null ? null : (rules.ruleIds[ruleIndex] ?? null) });
  }
  await writeIntake(tx, { results: [...results.values()], citizenNameOf: (id) => lastNameOf(groups, rows, id), now: args.now });
  await tx.execute(sql`
    update ${inboundMessages} as m set conversation_id = v.conversation_id
      from (values ${sql.join(
        args.stored.map((s) => sql`(${s.id}::uuid, ${results.get(s.key)?.id ?? null}::uuid)`),
        sql`, `,
      )}) as v(id, conversation_id)
     where m.id = v.id`);
  if (rules.autoAcknowledge) {
    const candidates = rows.flatMap((row) => {
      const result = results.get(keyOf(row));
      const group = groups.get(keyOf(row));
      const last = group?.[group.length - 1];
      if (!result || !last || !result.result.responseDueAt) return [];
      return [{ conversationId: row.id, acknowledgedAt: row.acknowledgedAt, waitingSince: result.result.waitingSince, intent: result.result.intent, flagged: result.result.flagged, dueAt: result.result.responseDueAt, network: args.networkOf.get(row.channelAccountId) ?? "", last: last.message, lastFlagged: last.analysis.flagged }];
    });
    await acknowledgeOutsideOfficeHours(tx, { orgId: args.orgId, candidates, calendar: rules.calendar, timeZone: rules.timeZone, now: args.now, publicUrl: args.publicUrl });
  }
  const assigned = [...results.values()].filter((r) => r.result.route?.assigneeUserId);
  if (assigned.length) {
    await tx.insert(userNotifications).values(
      assigned.map((r) => ({ orgId: args.orgId, userId: r.result.route?.assigneeUserId ?? "", kind: "assigned" as const, conversationId: r.id, actorLabel: "system", createdAt: args.now })),
    );
  }
  return results;
}

function lastNameOf(groups: Map<string, Stored[]>, rows: ConversationRow[], id: string): string | null {
  const row = rows.find((r) => r.id === id);
  const group = row ? groups.get(keyOf(row)) : undefined;
  const name = group?.[group.length - 1]?.message.authorName;
  return name ? name : null;
}

async function writeIntake(
  tx: Db | Tx,
  args: { results: { id: string; result: IntakeResult; routedByRuleId: string | null }[]; citizenNameOf: (id: string) => string | null; now: Date },
): Promise<void> {
  if (args.results.length === 0) return;
  const ts = (d: Date | null) => (d ? d.toISOString() : null);
  const values = sql.join(
    args.results.map(
      ({ id, result: r, routedByRuleId }) =>
        sql`(${id}::uuid, ${r.status}::text, ${r.intent}::text, ${r.askedAgain}::boolean, ${r.flagged}::boolean, ${r.sentiment}::real, ${r.priority}::smallint,
             ${ts(r.waitingSince)}::timestamptz, ${ts(r.responseDueAt)}::timestamptz, ${ts(r.resolutionDueAt)}::timestamptz, ${ts(r.lastMessageAt)}::timestamptz,
             ${r.route !== null}::boolean, ${r.route?.departmentId ?? null}::uuid, ${r.route?.assigneeUserId ?? null}::uuid, ${routedByRuleId}::uuid,
             ${args.citizenNameOf(id)}::text)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${conversations} as c
       set status = v.status, intent = v.intent, asked_again = v.asked_again, flagged = v.flagged, sentiment = v.sentiment,
           priority = v.priority, waiting_since = v.waiting_since, response_due_at = v.response_due_at,
           resolution_due_at = v.resolution_due_at, last_message_at = v.last_message_at, closed_at = null,
           department_id = case when v.routed then v.department_id else c.department_id end,
           assignee_user_id = case when v.routed then v.assignee_user_id else c.assignee_user_id end,
           routed_by_rule_id = case when v.routed then v.routed_by_rule_id else c.routed_by_rule_id end,
           citizen_name = coalesce(v.citizen_name, c.citizen_name),
           updated_at = ${args.now.toISOString()}::timestamptz
      from (values ${values}) as v(id, status, intent, asked_again, flagged, sentiment, priority, waiting_since, response_due_at,
                                   resolution_due_at, last_message_at, routed, department_id, assignee_user_id, routed_by_rule_id, citizen_name)
     where c.id = v.id`);
}
