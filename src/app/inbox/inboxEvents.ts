// Live updates of the inbox: use cases announce changed conversations (and who is looking at or
// answering one) with pg_notify inside their transaction, so an event is delivered only once its
// change is committed, and reaches every process on a PostgreSQL server. The server's SSE route listens.
import { sql } from "drizzle-orm";
import { type TInboxEvent, ZInboxEvent } from "../../contract/inboxSchemas.js";
import type { Db, Tx } from "../../db/client.js";

export type { TInboxEvent };
export const INBOX_CHANNEL = "draht_inbox";

/** pg_notify payloads are limited to 8000 bytes; 100 ids stay well below. */
const IDS_PER_EVENT = 100;

export async function notifyConversationsChanged(
  tx: Db | Tx,
  args: { orgId: string; conversationIds: readonly string[] },
): Promise<void> {
  const ids = [...new Set(args.conversationIds)];
  for (let i = 0; i < ids.length; i += IDS_PER_EVENT) {
    const event: TInboxEvent = {
      kind: "conversations",
      orgId: args.orgId,
      conversationIds: ids.slice(i, i + IDS_PER_EVENT),
    };
    await tx.execute(sql`select pg_notify(${INBOX_CHANNEL}, ${JSON.stringify(event)})`);
  }
}

export async function notifyPresence(tx: Db | Tx, event: Extract<TInboxEvent, { kind: "presence" }>): Promise<void> {
  await tx.execute(sql`select pg_notify(${INBOX_CHANNEL}, ${JSON.stringify(event)})`);
}

/** Parses a notification payload; anything else on the channel is ignored. */
export function parseInboxEvent(payload: string): TInboxEvent | null {
  try {
    const parsed = ZInboxEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
