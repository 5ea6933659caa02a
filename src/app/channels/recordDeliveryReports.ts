// Records what a network reported about replies draht sent (WhatsApp's delivered / read / failed, by webhook),
// in the delivery's transaction: only replies of conversations of this very account, and only forward
// (domain/replyDelivery.ts); the inbox of each touched conversation is told to refresh.
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { ReplyDeliveryReport } from "../../domain/connector.js";
import { DELIVERY_RANK } from "../../domain/replyDelivery.js";
import { notifyConversationsChanged } from "../inbox/inboxEvents.js";

const recordedRank = sql.raw(
  `case r.delivery_status when 'delivered' then ${DELIVERY_RANK.delivered} when 'read' then ${DELIVERY_RANK.read} when 'failed' then ${DELIVERY_RANK.failed} else 0 end`,
);

export async function recordDeliveryReports(
  tx: Tx,
  args: { accountId: string; orgId: string; reports: readonly ReplyDeliveryReport[] },
): Promise<number> {
  const touched = new Set<string>();
  for (const report of args.reports) {
    const rows = rowsOf<{ conversation_id: string }>(
      await tx.execute(sql`
        update conversation_replies r
           set delivery_status = ${report.status}, delivery_status_at = ${report.at.toISOString()}::timestamptz
          from conversations c
         where c.id = r.conversation_id
           and c.channel_account_id = ${args.accountId}::uuid
           and r.external_id = ${report.externalId}
           and ${recordedRank} < ${DELIVERY_RANK[report.status]}
        returning r.conversation_id`),
    );
    for (const row of rows) touched.add(row.conversation_id);
  }
  if (touched.size > 0) await notifyConversationsChanged(tx, { orgId: args.orgId, conversationIds: [...touched] });
  return touched.size;
}
