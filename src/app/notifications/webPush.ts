// Sends one Web Push message (RFC 8030) to one browser: the payload encrypted for it (aes128gcm, RFC 8291)
// and signed for the push service with the installation's VAPID key — both by the web-push package — and
// delivered by draht's guarded fetch, so a subscription's address obeys the same rule as every other server
// draht reaches (https, no private addresses unless the operator trusts the host).
import webpush from "web-push";
import { guardedFetch } from "../../net/guardedFetch.js";
import type { AppContext } from "../context.js";

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the service worker shows (web/public/push-worker.js). */
export interface PushMessage {
  title: string;
  body: string;
  /** Where a click leads, inside the app. */
  url: string;
  /** One notice per notification: a repeat replaces it. */
  tag: string;
}

/**
 * "sent"; "retry" when the push service may take it later (rate limit, its own trouble, no connection);
 * "gone" when the browser's subscription has ended (404/410: forget it); "refused" for anything else.
 */
export type PushOutcome = "sent" | "retry" | "gone" | "refused";

const TIMEOUT_MS = 10_000;

export async function sendWebPush(
  ctx: AppContext,
  args: { target: PushTarget; message: PushMessage; vapid: { publicKey: string; privateKey: string } },
): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails(
    { endpoint: args.target.endpoint, keys: { p256dh: args.target.p256dh, auth: args.target.auth } },
    JSON.stringify(args.message),
    {
      vapidDetails: { subject: ctx.pushSubject, ...args.vapid },
      // A day: a notice older than that is stale; the in-app one is there anyway.
      TTL: 86_400,
      urgency: "high",
      contentEncoding: "aes128gcm",
    },
  );
  const fetch = guardedFetch(ctx.networkServers);
  let status: number;
  try {
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : null,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    return "retry";
  }
  if (status >= 200 && status < 300) return "sent";
  if (status === 404 || status === 410) return "gone";
  if (status === 429 || status >= 500) return "retry";
  return "refused";
}
