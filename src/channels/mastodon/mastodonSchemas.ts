// The parts of Mastodon's REST API entities draht reads (docs.joinmastodon.org/entities), checked with
// zod; everything else a server sends is ignored.
import { z } from "zod";

export const ZMastodonAccount = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().default(""),
  url: z.string().nullable().default(null),
});
export type TMastodonAccount = z.infer<typeof ZMastodonAccount>;

export const ZMastodonMedia = z.object({
  id: z.string(),
  type: z.enum(["image", "gifv", "video", "audio", "unknown"]),
  url: z.string().nullable(),
  description: z.string().nullable().default(null),
});

export const ZMastodonStatus = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullable().default(null),
  created_at: z.string(),
  edited_at: z.string().nullable().default(null),
  account: ZMastodonAccount,
  content: z.string(),
  spoiler_text: z.string().default(""),
  visibility: z.enum(["public", "unlisted", "private", "direct"]),
  language: z.string().nullable().default(null),
  in_reply_to_id: z.string().nullable().default(null),
  in_reply_to_account_id: z.string().nullable().default(null),
  media_attachments: z.array(ZMastodonMedia).default([]),
});
export type TMastodonStatus = z.infer<typeof ZMastodonStatus>;

export const ZMastodonNotification = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: ZMastodonAccount,
  status: ZMastodonStatus.nullable().optional(),
});
export type TMastodonNotification = z.infer<typeof ZMastodonNotification>;

export const ZMastodonContext = z.object({
  ancestors: z.array(ZMastodonStatus),
  descendants: z.array(ZMastodonStatus),
});

export const ZMastodonApp = z.object({ client_id: z.string(), client_secret: z.string() });
export const ZMastodonToken = z.object({
  access_token: z.string(),
  token_type: z.string(),
  scope: z.string().default(""),
});

/** What draht keeps (sealed) for a connected Mastodon account. */
export const ZMastodonCredentials = z.object({ accessToken: z.string().min(1), scope: z.string().default("") });

export { ZMastodonSettings } from "../../domain/channelSettings.js";

/** A status's public counters (favourites, boosts, replies), as GET /api/v1/statuses answers them. */
export const ZMastodonCounters = z.object({
  id: z.string(),
  favourites_count: z.number().int().nonnegative().default(0),
  reblogs_count: z.number().int().nonnegative().default(0),
  replies_count: z.number().int().nonnegative().default(0),
});
