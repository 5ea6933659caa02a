// Where the organisation wants it (moderation settings "hideOnNetwork") and the network lets draht hide
// others' replies (Bluesky), what the pipeline hid is hidden on the network too — provisionally: the case
// stays open for a person, whose "approve" shows it again there (decide-moderation-case: unhide). Each
// hiding is one history entry of kind "filter" with the network's outcome; it is tried once (a failure is
// shown in the case, a person can act), so a network that refuses is not asked again every minute; the
// entry's unique key (case, action) makes a repeat — two rounds or workers at once — a no-op.
import { sql } from "drizzle-orm";
import { moderationDecisions } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { ChannelConnector, ConnectorAccount } from "../../domain/connector.js";
import type { AppContext } from "../context.js";
import { moderateOnNetwork } from "./moderateOnNetwork.js";
import { moderationSettingsOf } from "./moderationRecords.js";

const PER_ROUND = 50;

export async function hideOnNetwork(
  ctx: AppContext,
  args: { connector: ChannelConnector; target: ConnectorAccount; orgId: string },
): Promise<number> {
  const { connector, target } = args;
  if (!connector.moderate || !connector.moderationKinds?.includes("hide")) return 0;
  const settings = await moderationSettingsOf(ctx.db, args.orgId);
  if (!settings.hideOnNetwork) return 0;
  const due = rowsOf<{
    case_id: string;
    external_id: string;
    author_handle: string;
    clause: number | null;
    reason: string | null;
  }>(
    await ctx.db.execute(sql`
      select c.id as case_id, m.external_id, m.author_handle, c.pipeline_clause as clause, c.pipeline_reason as reason
        from moderation_cases c
        join inbound_messages m on m.id = c.inbound_message_id
       where c.channel_account_id = ${target.id}::uuid and c.status <> 'decided' and c.pipeline_status = 'hidden' and m.visibility = 'hidden'
         and not exists (select 1 from moderation_decisions d where d.case_id = c.id and d.kind = 'filter')
       order by c.opened_at
       limit ${PER_ROUND}`),
  );
  for (const item of due) {
    const reason = `Vom Filter vorläufig ausgeblendet${item.reason ? `: ${item.reason}` : ""}`;
    const [decision] = await ctx.db
      .insert(moderationDecisions)
      .values({
        orgId: args.orgId,
        caseId: item.case_id,
        kind: "filter",
        action: "hide",
        clause: item.clause,
        reason,
        channelOutcome: "pending",
        actorUserId: null,
        actorLabel: "Filter",
        at: ctx.clock(),
      })
      // Recorded once per case (unique key): a round that meets another one finds it taken and sends nothing.
      .onConflictDoNothing()
      .returning({ id: moderationDecisions.id });
    if (decision)
      await moderateOnNetwork(ctx, {
        connector,
        target,
        decisionId: decision.id,
        caseId: item.case_id,
        request: { kind: "hide", externalId: item.external_id, authorHandle: item.author_handle, reason },
      });
  }
  return due.length;
}
