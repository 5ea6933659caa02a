// The webhook side of the connector port (connector.ts re-exports it): what a network that pushes hands draht's
// endpoint, POST /api/webhooks/<network>/<account> — the raw request, verified before it is parsed into events.
import type { ConnectorAccount, InboundChange } from "./connectorBasics.js";

/** What a network reported about one of draht's sent replies (its external id): delivered, read, or not deliverable. */
export interface ReplyDeliveryReport {
  externalId: string;
  status: "delivered" | "read" | "failed";
  at: Date;
}

/** One event of a network's webhook delivery: its id (seen ids are not taken twice), when it happened, what it brings. */
export interface WebhookEvent {
  id: string;
  occurredAt: Date;
  changes: InboundChange[];
  /** Reports on replies draht sent (WhatsApp's statuses), recorded on the reply. */
  deliveryReports?: ReplyDeliveryReport[];
}

/** The request as it reached draht, unparsed: the signature is checked over these very bytes. */
export interface WebhookRequest {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

/** A verified delivery that is not in the network's format (answered 400). */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookPayloadError";
  }
}

/**
 * How a network that pushes delivers to draht's webhook endpoint (POST /api/webhooks/<network>/<account>). The
 * account's webhook secret (an app secret the network issued, or one draht made) is kept sealed by draht and
 * handed in; nothing here touches the database.
 */
export interface ConnectorWebhooks {
  /**
   * The network's subscription handshake (a GET with the verification token and a challenge, Meta's `hub.*`): the
   * text to answer with, or null to refuse. `verifyToken` is the one draht showed when the webhook was set up.
   */
  handshake?(query: Readonly<Record<string, string | undefined>>, verifyToken: string): string | null;
  /** Whether the body was signed with the secret; called before anything reads the body. */
  verify(request: WebhookRequest, secret: string): boolean;
  /** The events of a verified body; throws WebhookPayloadError when it is not the network's format. */
  parse(body: Buffer): WebhookEvent[];
  /**
   * Tells the network where to deliver and the secret to send, where an API call does that (Telegram's
   * setWebhook) rather than a person in the network's dashboard (Meta). Absent: the person enters both there.
   */
  register?(account: ConnectorAccount, target: { url: string; secret: string }): Promise<void>;
  /** Stops the network's deliveries (polling takes over again). */
  unregister?(account: ConnectorAccount): Promise<void>;
  /**
   * Fetches what parsed events only refer to (WhatsApp: a citizen's file by its media id) as the messages'
   * attachments, before they are stored; a file that cannot be fetched is named in the message, never a reason
   * to refuse the delivery.
   */
  collect?(account: ConnectorAccount, events: WebhookEvent[]): Promise<WebhookEvent[]>;
}
