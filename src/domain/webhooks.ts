// The rules of draht's webhook endpoint, whatever the network (app/channels/receive-webhook.ts applies them):
// a delivery is taken only when signed with the account's secret; each event once (its id is kept for the
// replay window); an event older than that window, or from the future beyond a clock's drift, is refused,
// since its id may no longer be known.
import { createHmac } from "node:crypto";

/** Why a request to the endpoint was refused, as counted on the channels page. */
export const WEBHOOK_REFUSALS = ["signature", "payload", "stale", "replayed"] as const;
export type WebhookRefusal = (typeof WEBHOOK_REFUSALS)[number];

/** How long an event's id is kept, and so the oldest event taken. */
export const WEBHOOK_REPLAY_WINDOW_MS = 7 * 24 * 3_600_000;
/** How far ahead of draht's clock an event may claim to have happened (the network's clock may run ahead). */
export const WEBHOOK_CLOCK_DRIFT_MS = 5 * 60_000;

/** Whether an event's time lies in the window draht takes events from. */
export function withinReplayWindow(occurredAt: Date, now: Date): boolean {
  const age = now.getTime() - occurredAt.getTime();
  return age <= WEBHOOK_REPLAY_WINDOW_MS && age >= -WEBHOOK_CLOCK_DRIFT_MS;
}

/**
 * The token the network sends back in its subscription handshake (Meta's hub.verify_token): derived from the
 * account's secret, so it needs no storage of its own and changes when the secret does.
 */
export function webhookVerifyToken(secret: string): string {
  return createHmac("sha256", secret).update("draht webhook verify token").digest("hex").slice(0, 32);
}

/** The endpoint's path for an account (the address configured at the network is the public URL plus this). */
export function webhookPath(network: string, channelAccountId: string): string {
  return `/api/webhooks/${network}/${channelAccountId}`;
}
