// draht's webhook endpoint for networks that push (POST /api/webhooks/<network>/<account>), by the rules of
// domain/webhooks.ts: the account must have a webhook; the signature over the raw bytes is checked before
// anything reads them; each event is taken once (its id kept for the replay window; one outside the window is
// left out), the delivery's changes through the one ingestion path in one transaction, and the network gets its
// 200 only after the commit, so an acknowledged event is stored. Refusals are counted on the account and logged without
// the payload (a citizen's message has no place in a log line).
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { channelAccounts, channelWebhooks, webhookEvents } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import {
  type ConnectorRegistry,
  type ConnectorWebhooks,
  type WebhookEvent,
  WebhookPayloadError,
} from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import {
  WEBHOOK_CLOCK_DRIFT_MS,
  WEBHOOK_REPLAY_WINDOW_MS,
  type WebhookRefusal,
  webhookVerifyToken,
  withinReplayWindow,
} from "../../domain/webhooks.js";
import type { AppContext } from "../context.js";
import { applyInboundChanges } from "../inbox/applyInboundChanges.js";
import { webhookSecretBinding } from "./channel-webhook.js";
import { connectorAccountOf } from "./channelCredentials.js";
import { recordDeliveryReports } from "./recordDeliveryReports.js";

interface Target {
  network: string;
  accountId: string;
}

/** The account's webhook and its secret; 404 for an unknown, disabled or not set up account (nothing said why). */
async function loadWebhook(ctx: AppContext, deps: { connectors: ConnectorRegistry }, target: Target) {
  const connector = deps.connectors.get(target.network);
  const [row] = connector?.webhooks
    ? await ctx.db
        .select({ account: channelAccounts, hook: channelWebhooks })
        .from(channelAccounts)
        .innerJoin(channelWebhooks, eq(channelWebhooks.channelAccountId, channelAccounts.id))
        .where(
          and(
            eq(channelAccounts.id, target.accountId),
            eq(channelAccounts.network, target.network),
            isNull(channelAccounts.disabledAt),
          ),
        )
    : [];
  if (!row || !connector?.webhooks) {
    ctx.log.warn({ network: target.network, channelAccountId: target.accountId }, "webhook for no such account");
    throw new AppError("NOT_FOUND");
  }
  const secret = ctx.credentials.open(row.hook, webhookSecretBinding(row.account.id)) as string;
  return { account: row.account, webhooks: connector.webhooks as ConnectorWebhooks, secret };
}

/** The network's subscription handshake: the challenge to echo, or 403. */
export async function answerWebhookHandshake(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: Target & { query: Readonly<Record<string, string | undefined>> },
): Promise<string> {
  const { webhooks, secret, account } = await loadWebhook(ctx, deps, options);
  const answer = webhooks.handshake?.(options.query, webhookVerifyToken(secret)) ?? null;
  if (answer === null) {
    ctx.log.warn({ network: options.network, channelAccountId: account.id }, "webhook handshake refused");
    throw new AppError("NOT_ALLOWED", { details: { reason: "verify_token" } });
  }
  return answer;
}

export async function receiveWebhook(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: Target & { headers: Readonly<Record<string, string | string[] | undefined>>; body: Buffer },
): Promise<{ events: number; received: number; replayed: number; stale: number }> {
  const { account, webhooks, secret } = await loadWebhook(ctx, deps, options);
  const refuse = async (reason: WebhookRefusal, error: AppError): Promise<never> => {
    ctx.log.warn({ network: options.network, channelAccountId: account.id, reason }, "webhook delivery refused");
    await countRefusal(ctx, account.id, reason);
    throw error;
  };
  if (!webhooks.verify({ headers: options.headers, body: options.body }, secret))
    return refuse("signature", new AppError("WEBHOOK_SIGNATURE_INVALID"));
  let events: WebhookEvent[];
  try {
    events = webhooks.parse(options.body);
  } catch (error) {
    if (!(error instanceof WebhookPayloadError)) throw error;
    return refuse(
      "payload",
      new AppError("VALIDATION_FAILED", { userMessage: error.message, details: { reason: "webhook_payload" } }),
    );
  }
  // The files the events only refer to, fetched with the account's credentials before the transaction.
  if (webhooks.collect) events = await webhooks.collect(await connectorAccountOf(ctx.db, ctx, account), events);
  const now = ctx.clock();
  // An event outside the window may have been taken already (its id is forgotten): left out. The others of the
  // delivery are as safe to take as any (their ids are known), so a network's batch is not lost for one of them.
  const current = events.filter((e) => withinReplayWindow(e.occurredAt, now));
  const stale = events.length - current.length;
  if (stale > 0 && current.length === 0) return refuse("stale", new AppError("WEBHOOK_EVENT_STALE"));
  if (stale > 0)
    ctx.log.warn({ network: options.network, channelAccountId: account.id, stale }, "webhook events left out");
  const outcome = await ctx.db.transaction(async (tx) => {
    const ids = [...new Set(current.map((e) => e.id))];
    // Taken once: a second delivery of the same event (a retry after a lost answer, or a replay) finds its id.
    const fresh = new Set(
      ids.length === 0
        ? []
        : rowsOf<{ event_id: string }>(
            await tx.execute(sql`
              insert into webhook_events (channel_account_id, event_id, received_at)
              select ${account.id}::uuid, e.id, ${now.toISOString()}::timestamptz
                from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as e(id)
               order by 2
              on conflict do nothing
              returning event_id`),
          ).map((r) => r.event_id),
    );
    const taken = current.filter((e) => fresh.delete(e.id));
    const received = await applyInboundChanges(tx, ctx, {
      account,
      changes: taken.flatMap((e) => e.changes),
      now,
    });
    // What the network reports about draht's own replies (WhatsApp: delivered, read), recorded on them.
    await recordDeliveryReports(tx, {
      accountId: account.id,
      orgId: account.orgId,
      reports: taken.flatMap((e) => e.deliveryReports ?? []),
    });
    const replayed = current.length - taken.length;
    const nothingNew = taken.length === 0 && replayed > 0;
    await tx
      .update(channelWebhooks)
      .set({
        eventsAccepted: sql`${channelWebhooks.eventsAccepted} + ${taken.length}`,
        messagesReceived: sql`${channelWebhooks.messagesReceived} + ${received}`,
        lastReceivedAt: now,
        ...(nothingNew
          ? {
              requestsRefused: sql`${channelWebhooks.requestsRefused} + 1`,
              lastRefusedAt: now,
              lastRefusal: "replayed",
            }
          : {}),
      })
      .where(eq(channelWebhooks.channelAccountId, account.id));
    return { events: events.length, received, replayed, nothingNew };
  });
  if (outcome.nothingNew)
    ctx.log.info({ network: options.network, channelAccountId: account.id }, "webhook delivery seen before");
  return { events: outcome.events, received: outcome.received, replayed: outcome.replayed, stale };
}

async function countRefusal(ctx: AppContext, accountId: string, reason: WebhookRefusal): Promise<void> {
  await ctx.db
    .update(channelWebhooks)
    .set({
      requestsRefused: sql`${channelWebhooks.requestsRefused} + 1`,
      lastRefusedAt: ctx.clock(),
      lastRefusal: reason,
    })
    .where(eq(channelWebhooks.channelAccountId, accountId));
}

/**
 * The worker's cleanup: an event id is needed while a replay of its event could still be inside the window —
 * an event is taken only if it happened at most the window ago (and at most the clock drift ahead), so an id
 * received longer ago than window + drift can never match again (an hour's margin on top).
 */
export async function forgetOldWebhookEvents(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock().getTime() - WEBHOOK_REPLAY_WINDOW_MS - WEBHOOK_CLOCK_DRIFT_MS - 3_600_000);
  const gone = await ctx.db
    .delete(webhookEvents)
    .where(lt(webhookEvents.receivedAt, before))
    .returning({ id: webhookEvents.eventId });
  return gone.length;
}
