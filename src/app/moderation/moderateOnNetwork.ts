// Carries out one recorded moderation decision on the network, through its connector, and keeps what the
// network answered on the decision ("done" or "failed: …"). The decision's id is the request's
// idempotency key, so a repeated call does not act twice.
import { eq } from "drizzle-orm";
import { moderationDecisions } from "../../db/schema/index.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  failureOutcome,
  type ModerationRequest,
} from "../../domain/connector.js";
import type { AppContext } from "../context.js";

export async function moderateOnNetwork(
  ctx: AppContext,
  args: {
    connector: ChannelConnector | undefined;
    target: ConnectorAccount;
    decisionId: string;
    caseId: string;
    request: Omit<ModerationRequest, "idempotencyKey">;
  },
): Promise<string> {
  let outcome = "done";
  try {
    await args.connector?.moderate?.(args.target, { ...args.request, idempotencyKey: args.decisionId });
  } catch (error) {
    outcome = failureOutcome(error);
    ctx.log.warn(
      { err: error, caseId: args.caseId, kind: args.request.kind },
      "moderation action failed on the network",
    );
  }
  await ctx.db
    .update(moderationDecisions)
    .set({ channelOutcome: outcome })
    .where(eq(moderationDecisions.id, args.decisionId));
  return outcome;
}
