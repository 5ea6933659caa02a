// A Mastodon notification as draht's one inbound message model: a reply to one of our statuses, a
// mention elsewhere, or a direct message; an "update" notification is an edit of a status we know.
import type { InboundChange } from "../../domain/connector.js";
import type { TMastodonNotification, TMastodonStatus } from "./mastodonSchemas.js";
import { htmlToText } from "./mastodonText.js";

/** "@user@instance" for every account, local ones included (their acct lacks the domain). */
export function fullHandle(acct: string, serverUrl: string): string {
  return acct.includes("@") ? `@${acct}` : `@${acct}@${new URL(serverUrl).host}`;
}

const MEDIA_KIND = { image: "image", gifv: "video", video: "video", audio: "audio", unknown: "file" } as const;

/** Replies start with "@us" (Mastodon addresses the answer); the inbox shows what the citizen wrote. */
export function withoutLeadingMention(text: string, ownUsername: string | null): string {
  if (!ownUsername) return text;
  const own = ownUsername.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`^(?:@${own}(?:@[^\\s]+)?\\s+)+`, "i"), "");
}

export function inboundChangeOf(args: {
  notification: TMastodonNotification;
  status: TMastodonStatus;
  ownAccountId: string;
  ownUsername: string | null;
  serverUrl: string;
  threadRoot: string | null;
}): InboundChange {
  const { notification, status } = args;
  const direct = status.visibility === "direct";
  const replyToUs = status.in_reply_to_account_id === args.ownAccountId;
  const body = withoutLeadingMention(htmlToText(status.content), args.ownUsername);
  const text = status.spoiler_text ? `[${status.spoiler_text}]\n${body}` : body;
  return {
    change: notification.type === "update" ? "edited" : "new",
    message: {
      externalId: status.id,
      kind: direct ? "direct" : replyToUs ? "reply" : "mention",
      authorHandle: fullHandle(status.account.acct, args.serverUrl),
      authorName: status.account.display_name || status.account.username,
      text,
      language: status.language,
      // Direct messages form one conversation per person; replies belong to our post's thread.
      threadExternalId: direct ? null : (args.threadRoot ?? status.in_reply_to_id ?? status.id),
      inReplyToExternalId: status.in_reply_to_id,
      visibility: "visible",
      media: status.media_attachments.map((m) => ({ kind: MEDIA_KIND[m.type], url: m.url, altText: m.description })),
      receivedAt: new Date(status.edited_at ?? status.created_at),
      raw: {
        network: "mastodon",
        notificationId: notification.id,
        uri: status.uri,
        url: status.url,
        visibility: status.visibility,
        accountUrl: status.account.url,
      },
    },
  };
}
