// What every Instagram call needs: the account's settings and its page token (parsed here, once), the Graph API's
// address, and how Instagram's items become draht's inbound items — the same ids whether a comment came by webhook
// or by polling, so the inbox never takes one twice.
import { z } from "zod";
import { type TInstagramSettings, ZInstagramSettings } from "../../domain/channelSettings.js";
import { type ConnectorAccount, ConnectorError, type InboundChange } from "../../domain/connector.js";
import { type TFacebookPage, ZFacebookLoginCredentials } from "../meta/facebookLogin.js";

/** The page's access token (Facebook Login, or entered by hand), and the Instagram account it was given for. */
export const ZInstagramCredentials = z.object({
  accessToken: z.string().min(1),
  igUserId: z.string().optional(),
});

export interface InstagramAccount {
  settings: TInstagramSettings;
  /** The page's access token. */
  token: string;
  /** The Facebook page the account is reached through (direct messages go through it), where known. */
  pageId: string | null;
  base: string;
}

/** Of what Facebook Login returned, the page linked to this Instagram account (the one named in the settings, if any). */
export function linkedPage(credentials: unknown, settings: TInstagramSettings): TFacebookPage | null {
  const login = ZFacebookLoginCredentials.safeParse(credentials);
  if (!login.success) return null;
  const linked = (p: TFacebookPage) =>
    settings.pageId ? p.id === settings.pageId : p.instagram?.id === settings.igUserId;
  return login.data.pages.find(linked) ?? null;
}

export function instagramAccountOf(account: ConnectorAccount): InstagramAccount {
  const settings = ZInstagramSettings.safeParse(account.settings);
  if (!settings.success) throw new ConnectorError("permanent", "the Instagram account's settings are incomplete");
  const base = settings.data.serverUrl.replace(/\/$/, "");
  // Connected by Facebook Login (the page's token), or by hand with a page token.
  const page = linkedPage(account.credentials, settings.data);
  if (page) return { settings: settings.data, token: page.accessToken, pageId: page.id, base };
  const credentials = ZInstagramCredentials.safeParse(account.credentials);
  if (!credentials.success) throw new ConnectorError("auth_expired", "the Instagram account is not connected");
  return { settings: settings.data, token: credentials.data.accessToken, pageId: settings.data.pageId ?? null, base };
}

/** Graph's timestamps ("2026-12-07T08:00:00+0000"): ISO 8601 with the offset written without a colon. */
export function graphTime(value: string): Date {
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (Number.isNaN(date.getTime())) throw new ConnectorError("permanent", "Instagram sent a time draht cannot read");
  return date;
}

/** A comment as both ways bring it: id, text, author, the medium it is on, the comment it answers (if any). */
export interface InstagramComment {
  id: string;
  text: string;
  authorId: string | null;
  username: string;
  mediaId: string;
  parentId: string | null;
  at: Date;
}

/**
 * A citizen's comment as draht's inbound item: an answer under the organisation's medium (the thread), to the
 * comment it replies to or else to the medium. The account's own comments (draht's answers) are not citizens'.
 */
export function commentChange(
  comment: InstagramComment,
  own: Pick<TInstagramSettings, "igUserId" | "username">,
): InboundChange[] {
  if (comment.authorId === own.igUserId || (own.username !== "" && comment.username === own.username)) return [];
  return [
    {
      change: "new",
      message: {
        externalId: comment.id,
        kind: "reply",
        authorHandle: comment.username || comment.authorId || "unbekannt",
        authorName: comment.username,
        text: comment.text,
        language: null,
        threadExternalId: comment.mediaId,
        inReplyToExternalId: comment.parentId ?? comment.mediaId,
        visibility: "visible",
        media: [],
        receivedAt: comment.at,
        raw: {
          igCommentId: comment.id,
          fromId: comment.authorId,
          mediaId: comment.mediaId,
          parentId: comment.parentId,
        },
      },
    },
  ];
}

/** Where an answer to a direct message goes: the thread of a conversation with one person. */
export const DIRECT_THREAD_PREFIX = "direct:";
