// Meta's page webhook (meta/metaWebhooks.ts: signature, handshake, the `feed` and `messaging` parse) as a Facebook
// page account takes it: a citizen's comment under the page's post is an answer to that post (kind "reply", as
// polling gives it — one message whichever way it comes), and of an app's deliveries only those for the account's
// own page are taken (Meta sends all pages of one app to the same address).
import type { ConnectorAccount, ConnectorWebhooks, WebhookEvent } from "../../domain/connector.js";
import { metaPageWebhooks } from "../meta/metaWebhooks.js";

/** Whether a parsed change belongs to the page: a comment under one of its posts, or a message sent to it. */
function forPage(raw: Record<string, unknown>, pageId: string): boolean {
  if (typeof raw.post_id === "string") return raw.post_id.startsWith(`${pageId}_`);
  const recipient = raw.recipient as { id?: unknown } | undefined;
  return recipient?.id === pageId;
}

export function facebookWebhooks(pageIdOf: (account: ConnectorAccount) => string | null): ConnectorWebhooks {
  return {
    handshake: metaPageWebhooks.handshake,
    verify: metaPageWebhooks.verify,
    parse: (body) =>
      metaPageWebhooks.parse(body).map((event) => ({
        ...event,
        changes: event.changes.map((c) =>
          c.message.kind === "comment" ? { ...c, message: { ...c.message, kind: "reply" as const } } : c,
        ),
      })),
    collect: async (account, events): Promise<WebhookEvent[]> => {
      const pageId = pageIdOf(account);
      // The other pages' events are still seen (their ids kept), so they are not taken twice.
      return events.map((event) => ({
        ...event,
        changes: pageId === null ? [] : event.changes.filter((c) => forPage(c.message.raw, pageId)),
      }));
    },
  };
}
