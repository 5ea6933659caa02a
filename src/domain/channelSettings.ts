// Settings of channel accounts that are not secrets, validated when an account is saved and again by
// its connector. The sandbox simulates a network's behaviour: a delay per send and failures of each kind.
import { z } from "zod";

export const ZSandboxSettings = z.object({
  delayMs: z.number().int().min(0).max(60_000).default(0),
  /** Fail every send with this kind of error (to try out retries and the failed state). */
  failWith: z.enum(["none", "transient", "rate_limited", "permanent", "auth_expired"]).default("none"),
  /** Fail only the first N sends of each post, then succeed (a flaky network). */
  failFirstAttempts: z.number().int().min(0).max(100).default(0),
});
export type TSandboxSettings = z.infer<typeof ZSandboxSettings>;

/**
 * What a server told draht about itself when the account was connected (Mastodon: /api/v2/instance): its
 * own limits, which replace the network's usual ones, and where its streaming API lives.
 */
export const ZServerFacts = z.object({
  maxLength: z.number().int().min(1).max(1_000_000).optional(),
  maxMedia: z.number().int().min(0).max(100).optional(),
  linkLength: z.number().int().min(0).max(1000).optional(),
  maxPollOptions: z.number().int().min(2).max(100).optional(),
  streamingUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  checkedAt: z.iso.datetime({ offset: true }),
});
export type TServerFacts = z.infer<typeof ZServerFacts>;

/** A Mastodon account: its instance, how statuses are posted, and its id there (learnt when connecting). */
export const ZMastodonSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  visibility: z.enum(["public", "unlisted", "private"]).default("public"),
  remoteAccountId: z.string().optional(),
  /** The instance's limits and streaming address, learnt when connecting. */
  server: ZServerFacts.optional(),
});

/** The server facts kept in an account's settings, if any (and valid). */
export function serverFactsOf(settings: Record<string, unknown> | null | undefined): TServerFacts | null {
  const parsed = ZServerFacts.safeParse(settings?.server);
  return parsed.success ? parsed.data : null;
}

/** A Bluesky account: its PDS (bsky.social or a self-hosted one) and, learnt when connecting, its DID. */
export const ZBlueskySettings = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }).default("https://bsky.social"),
  remoteAccountId: z.string().optional(),
});

/** A Telegram chat as the Bot API takes it: a public @username, or a numeric chat id (-100… for channels). */
export const ZTelegramChat = z
  .string()
  .trim()
  .regex(/^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/, "a @username or a numeric chat id");

/**
 * A Telegram bot of the organisation (its token is a sealed credential): the channel it posts to and, where the
 * channel has one, its linked discussion group (comments); the Bot API server (Telegram's own, or a self-hosted
 * telegram-bot-api). The channel's numeric id is learnt when connecting.
 */
export const ZTelegramSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  channel: ZTelegramChat,
  /** The discussion group; empty: the one Telegram names as the channel's linked chat. */
  discussionGroup: ZTelegramChat.optional(),
  remoteAccountId: z.string().optional(),
});
export type TTelegramSettings = z.infer<typeof ZTelegramSettings>;

/** How a mail server is reached: TLS from the start, STARTTLS required, or unencrypted (only for trusted hosts). */
export const MAIL_SECURITY = ["tls", "starttls", "none"] as const;
const ZMailServer = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(MAIL_SECURITY).default("tls"),
});
export type TMailServer = z.infer<typeof ZMailServer>;

/**
 * A shared mailbox (buergerservice@…): its address (the sender of answers), the IMAP server citizens' mails
 * are read from and the SMTP server answers leave by; user names and passwords are sealed credentials.
 */
export const ZEmailSettings = z.object({
  address: z.email().max(320),
  /** The sender's name on answers ("Stadt Musterstadt – Bürgerservice"). */
  displayName: z.string().max(200).default(""),
  imap: ZMailServer,
  smtp: ZMailServer,
  /** The folder read (default INBOX). */
  mailbox: z.string().min(1).max(200).default("INBOX"),
  /** On a first sync or a changed UIDVALIDITY: the mails of these last days are read (again, without repeats). */
  refetchDays: z.number().int().min(1).max(90).default(14),
  remoteAccountId: z.string().optional(),
});
export type TEmailSettings = z.infer<typeof ZEmailSettings>;

/**
 * A mailbox's servers as addresses the rule (domain/serverAddress.ts) can judge: a TLS connection counts as
 * https, an unencrypted one as http (allowed only to hosts the operator trusts). Empty for other networks.
 */
export function mailServerUrlsOf(settings: Record<string, unknown>): { url: string; field: string }[] {
  const parsed = ZEmailSettings.pick({ imap: true, smtp: true }).safeParse(settings);
  if (!parsed.success) return [];
  return (["imap", "smtp"] as const).map((which) => {
    const server = parsed.data[which];
    const host = server.host.includes(":") ? `[${server.host}]` : server.host;
    return {
      url: `${server.security === "none" ? "http" : "https"}://${host}:${server.port}`,
      field: `settings.${which}.host`,
    };
  });
}

/** The server a network account lives on (Mastodon instance, Bluesky PDS), without a trailing slash; null: none. */
export function serverUrlOf(settings: Record<string, unknown>): string | null {
  const url = settings.serverUrl ?? settings.serviceUrl;
  return typeof url === "string" && url !== "" ? url.replace(/\/$/, "") : null;
}

/** The server's own limits from its facts (without when they were learnt or where it streams). */
export function serverLimitsOf(
  settings: Record<string, unknown> | null | undefined,
): Pick<TServerFacts, "maxLength" | "maxMedia" | "linkLength" | "maxPollOptions"> {
  const facts = serverFactsOf(settings);
  return facts
    ? {
        maxLength: facts.maxLength,
        maxMedia: facts.maxMedia,
        linkLength: facts.linkLength,
        maxPollOptions: facts.maxPollOptions,
      }
    : {};
}

/** What people set: the settings without what draht learns from the network itself (its id there, the server's facts). */
export function ownSettingsOf(input: Record<string, unknown> | undefined): Record<string, unknown> {
  const { remoteAccountId: _id, server: _server, ...own } = input ?? {};
  return own;
}

/** Meta's Graph API in its current version (v26.0 since 29 July 2026; each version is kept about two years). */
export const META_GRAPH_API_URL = "https://graph.facebook.com/v26.0";

/**
 * A WhatsApp Business number (Cloud API): the phone number's id at Meta, the number citizens write to (shown
 * on screens), and the Graph API's address (a setting so that a test's fake Graph API can stand in for Meta's).
 * The system user's access token is a sealed credential.
 */
export const ZWhatsAppSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).default(META_GRAPH_API_URL),
  phoneNumberId: z.string().regex(/^[0-9]{1,30}$/, "digits only"),
  displayPhoneNumber: z.string().max(40).default(""),
  /** The WhatsApp Business Account's id (WABA): its approved message templates are listed under it. */
  businessAccountId: z
    .string()
    .regex(/^[0-9]{1,30}$/, "digits only")
    .optional(),
  remoteAccountId: z.string().optional(),
});
export type TWhatsAppSettings = z.infer<typeof ZWhatsAppSettings>;

/**
 * An Instagram professional account, reached through the Facebook page it is linked to: its Instagram user id (the
 * ig-user-id that publishing and comments address), the page's id (direct messages go through the page), the
 * username (shown on screens), and the Graph API's address (a setting so that a test's fake stands in for Meta's).
 * The page's access token is a sealed credential.
 */
export const ZInstagramSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).default(META_GRAPH_API_URL),
  igUserId: z.string().regex(/^[0-9]{1,30}$/, "digits only"),
  pageId: z
    .string()
    .regex(/^[0-9]{1,30}$/, "digits only")
    .optional(),
  username: z.string().max(100).default(""),
  remoteAccountId: z.string().optional(),
});
export type TInstagramSettings = z.infer<typeof ZInstagramSettings>;
/** X's paid access tiers, each with its own monthly caps and rate windows (developer.x.com's tier table). */
export const X_ACCESS_TIERS = ["free", "basic", "pro", "enterprise"] as const;
export type XAccessTier = (typeof X_ACCESS_TIERS)[number];

/**
 * An X account (API v2): the API's address and where people authorise draht (settings so that a test's fake X can
 * stand in), and the app's paid access tier, which decides its monthly post and read caps. The OAuth 2.0 tokens
 * are sealed credentials; the account's id is learnt when connecting.
 */
export const ZXSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).default("https://api.x.com"),
  authoriseUrl: z.url({ protocol: /^https?$/ }).default("https://x.com/i/oauth2/authorize"),
  tier: z.enum(X_ACCESS_TIERS).default("basic"),
  remoteAccountId: z.string().optional(),
});
export type TXSettings = z.infer<typeof ZXSettings>;

/**
 * A Facebook page (Graph API): which of the connecting person's pages (its id at Meta) and the Graph API's address
 * with its version (a setting so that a test's fake Graph API can stand in for Meta's). The page's access token is
 * a sealed credential, obtained through Facebook Login.
 */
export const ZFacebookSettings = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).default(META_GRAPH_API_URL),
  pageId: z.string().regex(/^[0-9]{1,30}$/, "digits only"),
  remoteAccountId: z.string().optional(),
});
export type TFacebookSettings = z.infer<typeof ZFacebookSettings>;

/** The settings schema of each network (website: none). */
export function settingsSchemaOf(network: string): z.ZodType<Record<string, unknown>> {
  if (network === "sandbox") return ZSandboxSettings;
  if (network === "mastodon") return ZMastodonSettings;
  if (network === "bluesky") return ZBlueskySettings;
  if (network === "email") return ZEmailSettings;
  if (network === "telegram") return ZTelegramSettings;
  if (network === "whatsapp") return ZWhatsAppSettings;
  if (network === "instagram") return ZInstagramSettings;
  if (network === "x") return ZXSettings;
  if (network === "facebook") return ZFacebookSettings;
  return z.object({}).strip();
}
