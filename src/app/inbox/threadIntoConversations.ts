// Threads a batch's new messages into their conversations (one per channel account, published item and
// citizen) and applies the intake rules to each conversation touched: status, "asked again", routing
// of a new conversation, response-time target and inbox order (domain/conversationIntake.ts); then has
// the messages stored, each with its conversation (the caller's `store`), and sends the automatic
// acknowledgement outside office hours and the assignee's notification.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";
import { userNotifications } from "../../db/schema/index.js";
import {
  type ConversationState,
  type IncomingMessage,
  type IntakeResult,
  takeIn,
} from "../../domain/conversationIntake.js";
import type { ConversationStatus } from "../../domain/conversationLifecycle.js";
import type { TInboundMessage } from "../../domain/inbound.js";
import type { Intent } from "../../text/analysis.js";
import { acknowledgeOutsideOfficeHours } from "./autoAcknowledge.js";
import { loadIntakeRules } from "./intakeRules.js";

export interface StoredMessage {
  id: string;
  message: TInboundMessage;
  analysis: IncomingMessage;
}

const threadKeyOf = (m: TInboundMessage) => m.threadExternalId ?? "direct";
const keyOf = (accountId: string, threadKey: string, handle: string) => `${accountId}\u0000${threadKey}\u0000${handle}`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (v: string | Date | null) => (v === null ? null : new Date(v));

interface ConversationRecord {
  id: string;
  channel_account_id: string;
  thread_key: string;
  citizen_handle: string;
  status: ConversationStatus;
  intent: Intent;
  asked_again: boolean;
  flagged: boolean;
  first_message_at: string | Date;
  waiting_since: string | Date | null;
  last_message_at: string | Date;
  last_response_at: string | Date | null;
  response_due_at: string | Date | null;
  resolution_due_at: string | Date | null;
  acknowledged_at: string | Date | null;
  created: boolean;
}

/** Returns, per stored message id, its conversation and whether the citizen asked again. */
export async function threadIntoConversations(
  tx: Db | Tx,
  args: {
    orgId: string;
    stored: readonly StoredMessage[];
    departmentOf: Map<string, string | null>;
    networkOf: Map<string, string>;
    now: Date;
    publicUrl: string;
    /** Stores the messages, each with its conversation, once the conversations are written (ingest-messages.ts). */
    store: (conversationOf: ReadonlyMap<string, string>) => Promise<void>;
  },
): Promise<Map<string, { id: string; askedAgain: boolean }>> {
  const groups = new Map<string, StoredMessage[]>();
  for (const s of args.stored) {
    const key = keyOf(s.message.channelAccountId, threadKeyOf(s.message), s.message.authorHandle);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values())
    group.sort((a, b) => a.message.receivedAt.getTime() - b.message.receivedAt.getTime());
  // In key order, so that concurrent batches creating the same conversations wait instead of deadlocking.
  const firsts = [...groups.keys()].sort().map((key) => (groups.get(key) as StoredMessage[])[0] as StoredMessage);
  const keys = JSON.stringify(
    firsts.map(({ message: m }) => ({
      a: m.channelAccountId,
      t: threadKeyOf(m),
      h: m.authorHandle,
      n: m.authorName,
      at: m.receivedAt.toISOString(),
    })),
  );
  const created = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into conversations (org_id, channel_account_id, thread_key, citizen_handle, citizen_name, first_message_at, last_message_at, created_at)
      select ${args.orgId}::uuid, k.a, k.t, k.h, k.n, k.at, k.at, ${args.now.toISOString()}::timestamptz
        from jsonb_to_recordset(${keys}::jsonb) as k(a uuid, t text, h text, n text, at timestamptz)
      on conflict (channel_account_id, thread_key, citizen_handle) do nothing
      returning id`),
  );
  const createdIds = new Set(created.map((c) => c.id));
  // Locked in id order, so concurrent batches touching the same conversations never deadlock.
  const rows = rowsOf<ConversationRecord>(
    await tx.execute(sql`
      select c.id, c.channel_account_id, c.thread_key, c.citizen_handle, c.status, c.intent, c.asked_again, c.flagged,
             c.first_message_at, c.waiting_since, c.last_message_at, c.last_response_at, c.response_due_at,
             c.resolution_due_at, c.acknowledged_at
        from conversations c
        join jsonb_to_recordset(${keys}::jsonb) as k(a uuid, t text, h text) on c.channel_account_id = k.a and c.thread_key = k.t and c.citizen_handle = k.h
       order by c.id
         for update of c`),
  ).map((r) => ({ ...r, created: createdIds.has(r.id) }));
  const existing = rows.filter((r) => !r.created).map((r) => r.id);
  const earlierOf = new Map<string, { text: string; receivedAt: Date }[]>();
  if (existing.length) {
    const unanswered = rowsOf<{ conversation_id: string; text: string; received_at: string | Date }>(
      await tx.execute(sql`
        select m.conversation_id, m.text, m.received_at
          from inbound_messages m join conversations c on c.id = m.conversation_id
         where m.conversation_id = any(select (jsonb_array_elements_text(${JSON.stringify(existing)}::jsonb))::uuid)
           and m.received_at > coalesce(c.last_response_at, '-infinity'::timestamptz)
         order by m.received_at`),
    );
    for (const m of unanswered)
      earlierOf.set(m.conversation_id, [
        ...(earlierOf.get(m.conversation_id) ?? []),
        { text: m.text, receivedAt: new Date(m.received_at) },
      ]);
  }

  const rules = await loadIntakeRules(tx, args.orgId);
  const results: {
    row: ConversationRecord;
    group: StoredMessage[];
    result: IntakeResult;
    routedByRuleId: string | null;
  }[] = [];
  for (const row of rows) {
    const group = groups.get(keyOf(row.channel_account_id, row.thread_key, row.citizen_handle));
    if (!group) continue;
    const result = takeIn({
      state: row.created ? null : stateOf(row),
      channelAccountId: row.channel_account_id,
      accountDepartmentId: args.departmentOf.get(row.channel_account_id) ?? null,
      unanswered: earlierOf.get(row.id) ?? [],
      messages: group.map((s) => s.analysis),
      rules,
      now: args.now,
    });
    const ruleIndex = result.route?.ruleIndex;
    results.push({ row, group, result, routedByRuleId: ruleIndex == null ? null : (rules.ruleIds[ruleIndex] ?? null) });
  }
  await writeIntake(tx, { results, now: args.now });
  await args.store(new Map(results.flatMap(({ row, group }) => group.map((s) => [s.id, row.id] as const))));
  if (rules.autoAcknowledge) {
    const candidates = results.flatMap(({ row, group, result }) => {
      const last = group[group.length - 1];
      if (!last || !result.responseDueAt) return [];
      const network = args.networkOf.get(row.channel_account_id) ?? "";
      return [
        {
          conversationId: row.id,
          acknowledgedAt: date(row.acknowledged_at),
          waitingSince: result.waitingSince,
          intent: result.intent,
          dueAt: result.responseDueAt,
          network,
          last: last.message,
          lastFlagged: last.analysis.flagged,
        },
      ];
    });
    await acknowledgeOutsideOfficeHours(tx, {
      orgId: args.orgId,
      candidates,
      calendar: rules.calendar,
      onNetworks: rules.acknowledgeOnNetworks,
      timeZone: rules.timeZone,
      now: args.now,
      publicUrl: args.publicUrl,
    });
  }
  const assigned = results.filter((r) => r.result.route?.assigneeUserId);
  if (assigned.length) {
    await tx.insert(userNotifications).values(
      assigned.map((r) => ({
        orgId: args.orgId,
        userId: r.result.route?.assigneeUserId ?? "",
        kind: "assigned" as const,
        conversationId: r.row.id,
        actorLabel: "system",
        createdAt: args.now,
      })),
    );
  }
  const threaded = new Map<string, { id: string; askedAgain: boolean }>();
  for (const { row, group, result } of results)
    for (const s of group) threaded.set(s.id, { id: row.id, askedAgain: result.askedAgain });
  return threaded;
}

function stateOf(row: ConversationRecord): ConversationState {
  return {
    status: row.status,
    intent: row.intent,
    askedAgain: row.asked_again,
    flagged: row.flagged,
    firstMessageAt: new Date(row.first_message_at),
    waitingSince: date(row.waiting_since),
    lastMessageAt: new Date(row.last_message_at),
    lastResponseAt: date(row.last_response_at),
    responseDueAt: date(row.response_due_at),
    resolutionDueAt: date(row.resolution_due_at),
  };
}

/** One statement for all conversations touched. */
async function writeIntake(
  tx: Db | Tx,
  args: {
    results: { row: ConversationRecord; group: StoredMessage[]; result: IntakeResult; routedByRuleId: string | null }[];
    now: Date;
  },
): Promise<void> {
  if (args.results.length === 0) return;
  const updates = args.results.map(({ row, group, result: r, routedByRuleId }) => ({
    id: row.id,
    status: r.status,
    intent: r.intent,
    asked_again: r.askedAgain,
    flagged: r.flagged,
    sentiment: r.sentiment,
    priority: r.priority,
    waiting_since: iso(r.waitingSince),
    response_due_at: iso(r.responseDueAt),
    resolution_due_at: iso(r.resolutionDueAt),
    last_message_at: iso(r.lastMessageAt),
    routed: r.route !== null,
    department_id: r.route?.departmentId ?? null,
    assignee_user_id: r.route?.assigneeUserId ?? null,
    routed_by_rule_id: routedByRuleId,
    citizen_name: group[group.length - 1]?.message.authorName || null,
  }));
  await tx.execute(sql`
    update conversations as c
       set status = v.status, intent = v.intent, asked_again = v.asked_again, flagged = v.flagged, sentiment = v.sentiment,
           priority = v.priority, waiting_since = v.waiting_since, response_due_at = v.response_due_at,
           resolution_due_at = v.resolution_due_at, last_message_at = v.last_message_at, closed_at = null,
           department_id = case when v.routed then v.department_id else c.department_id end,
           assignee_user_id = case when v.routed then v.assignee_user_id else c.assignee_user_id end,
           routed_by_rule_id = case when v.routed then v.routed_by_rule_id else c.routed_by_rule_id end,
           citizen_name = coalesce(v.citizen_name, c.citizen_name),
           updated_at = ${args.now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(
             id uuid, status text, intent text, asked_again boolean, flagged boolean, sentiment real, priority smallint,
             waiting_since timestamptz, response_due_at timestamptz, resolution_due_at timestamptz, last_message_at timestamptz,
             routed boolean, department_id uuid, assignee_user_id uuid, routed_by_rule_id uuid, citizen_name text)
     where c.id = v.id`);
}
