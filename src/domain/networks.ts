// What each network allows and how it counts, so the composer and the guideline checks measure a
// variant the way the network will. The built-in channels (website, sandbox) and the networks that
// follow through the connector interface share one table.
import type { CountingRule } from "../text/characterCount.js";
import { serverFactsOf } from "./channelSettings.js";
import type { ConnectorLimits } from "./connector.js";
import type { ReplyPolicy } from "./replyPolicy.js";
export { REPLY_POLICIES, type ReplyPolicy } from "./replyPolicy.js";

export const NETWORKS = [
  "website",
  "sandbox",
  "mastodon",
  "bluesky",
  "email",
  "telegram",
  // WhatsApp Business (Cloud API): an inbox-only channel
  "whatsapp",
  // An Instagram professional account through its Facebook page (Graph API)
  "instagram",
  // X (API v2): publishing, mentions polled, replies hidden
  "x",
  // Facebook pages (Graph API): posts, comments and Messenger
  "facebook",
] as const;
export type Network = (typeof NETWORKS)[number];

/** Networks whose rules a sandbox account can stand in for (demos and tests without a real account). */
export const EMULATED_NETWORKS = ["website", "mastodon", "bluesky", "x", "instagram", "facebook", "telegram"] as const;
export type EmulatedNetwork = (typeof EMULATED_NETWORKS)[number];

export interface NetworkProfile {
  counting: CountingRule;
  maxLength: number;
  maxMedia: number;
  maxHashtags: number | null;
  supportsAltText: boolean;
  supportsPolls: boolean;
  /** A thread of several posts goes out as posts answering each other (else: one text of paragraphs). */
  supportsThreads: boolean;
  /** The author can limit who may answer a post. */
  supportsReplyPolicy: boolean;
  /** Which of the limits the network has, where it lacks some (X: no "followers" or "nobody"); absent: all. */
  replyPolicies?: readonly ReplyPolicy[];
  /** Most answers a poll may offer (0 where there are no polls). */
  maxPollOptions: number;
  /** Videos: not taken, only one and nothing else beside it, or mixed with images. */
  videos: "none" | "alone" | "mixed";
  /** Where the text beside images or videos is shorter (Telegram: a caption of 1,024 characters). */
  maxLengthWithMedia?: number;
  /** Nothing is published without an image (Instagram): a text alone is blocked in the composer. */
  mediaRequired?: boolean;
}

export const NETWORK_PROFILES: Record<EmulatedNetwork, NetworkProfile> = {
  website: {
    counting: { unit: "grapheme", linkLength: null },
    maxLength: 10_000,
    maxMedia: 10,
    maxHashtags: null,
    supportsAltText: true,
    supportsPolls: true,
    supportsThreads: false,
    supportsReplyPolicy: false,
    maxPollOptions: 10,
    videos: "mixed",
  },
  mastodon: {
    counting: { unit: "grapheme", linkLength: 23 },
    maxLength: 500,
    maxMedia: 4,
    maxHashtags: null,
    supportsAltText: true,
    supportsPolls: true,
    supportsThreads: true,
    supportsReplyPolicy: false,
    maxPollOptions: 4,
    videos: "alone",
  },
  bluesky: {
    counting: { unit: "grapheme", linkLength: null },
    maxLength: 300,
    maxMedia: 4,
    maxHashtags: null,
    supportsAltText: true,
    supportsPolls: false,
    supportsThreads: true,
    supportsReplyPolicy: true,
    maxPollOptions: 0,
    videos: "alone",
  },
  // X's reply settings are "mentionedUsers" and "following" (and paid groups draht does not offer); draht publishes
  // no polls there, so the composer blocks them at once.
  x: {
    counting: { unit: "weighted", linkLength: 23 },
    maxLength: 280,
    maxMedia: 4,
    maxHashtags: null,
    supportsAltText: true,
    supportsPolls: false,
    supportsThreads: true,
    supportsReplyPolicy: true,
    replyPolicies: ["everyone", "mentioned", "following"],
    maxPollOptions: 0,
    videos: "alone",
  },
  // Images and carousels only: draht publishes no videos or Reels there (yet), so the composer blocks them at once,
  // and a text alone, which Instagram does not take.
  instagram: {
    counting: { unit: "grapheme", linkLength: null },
    maxLength: 2200,
    maxMedia: 10,
    maxHashtags: 30,
    supportsAltText: true,
    supportsPolls: false,
    supportsThreads: false,
    supportsReplyPolicy: false,
    maxPollOptions: 0,
    videos: "none",
    mediaRequired: true,
  },
  // Text, links and photos: draht uploads no videos to a page (yet), so the composer blocks them at once.
  facebook: {
    counting: { unit: "grapheme", linkLength: null },
    maxLength: 63_206,
    maxMedia: 10,
    maxHashtags: null,
    supportsAltText: true,
    supportsPolls: false,
    supportsThreads: false,
    supportsReplyPolicy: false,
    maxPollOptions: 0,
    videos: "none",
  },
  // Telegram has polls (sendPoll), but as a message of their own that closes at most 10 minutes ahead by itself:
  // draht does not publish them there (yet), so the composer's checks block a poll for Telegram at once.
  telegram: {
    counting: { unit: "grapheme", linkLength: null },
    maxLength: 4096,
    maxMedia: 10,
    maxHashtags: null,
    supportsAltText: false,
    supportsPolls: false,
    supportsThreads: false,
    supportsReplyPolicy: false,
    maxPollOptions: 0,
    videos: "mixed",
    maxLengthWithMedia: 1024,
  },
};

/**
 * A shared mailbox: not one of the networks a sandbox stands in for (nothing is published there), only
 * answered. Long texts, attachments as files; no hashtags, polls or threads of posts.
 */
export const EMAIL_PROFILE: NetworkProfile = {
  counting: { unit: "grapheme", linkLength: null },
  maxLength: 100_000,
  maxMedia: 10,
  maxHashtags: null,
  supportsAltText: false,
  supportsPolls: false,
  supportsThreads: false,
  supportsReplyPolicy: false,
  maxPollOptions: 0,
  videos: "mixed",
};

/**
 * WhatsApp Business (Cloud API): citizens' messages in, answers out; nothing is published. A text message is
 * at most 4,096 characters; the composer counts graphemes like the network's apps do.
 */
export const WHATSAPP_PROFILE: NetworkProfile = {
  counting: { unit: "grapheme", linkLength: null },
  maxLength: 4096,
  maxMedia: 1,
  maxHashtags: null,
  supportsAltText: false,
  supportsPolls: false,
  supportsThreads: false,
  supportsReplyPolicy: false,
  maxPollOptions: 0,
  videos: "alone",
  // A file with an answer carries the text as its caption, at most 1,024 characters.
  maxLengthWithMedia: 1024,
};

/** A profile as a connector's declared limits (media types and sizes: the common web formats, 8 MB images, 40 MB videos). */
export function limitsOf(profile: NetworkProfile): ConnectorLimits {
  return {
    maxLength: profile.maxLength,
    counting: profile.counting,
    maxMedia: profile.maxMedia,
    mediaTypes: ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4"],
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 40 * 1024 * 1024,
    maxAltTextLength: profile.supportsAltText ? 1500 : null,
  };
}

export interface ChannelLimits {
  maxLength: number;
  maxMedia: number;
  maxHashtags: number | null;
}

/** The effective limits of an account: the network's, narrowed by what the organisation set for the account. */
export function effectiveLimits(profile: NetworkProfile, own: Partial<ChannelLimits>): ChannelLimits {
  const narrower = (a: number | null, b: number | null | undefined) =>
    a === null ? (b ?? null) : b == null ? a : Math.min(a, b);
  return {
    maxLength: Math.min(profile.maxLength, own.maxLength ?? profile.maxLength),
    maxMedia: Math.min(profile.maxMedia, own.maxMedia ?? profile.maxMedia),
    maxHashtags: narrower(profile.maxHashtags, own.maxHashtags),
  };
}

/**
 * The rules an account's posts are measured by: its network's, or the emulated network's for a sandbox;
 * a server that told its own limits when the account was connected (a Mastodon instance allowing 5,000
 * characters) replaces the network's usual ones with them.
 */
export function profileOf(
  network: Network,
  emulates: EmulatedNetwork | null,
  settings?: Record<string, unknown> | null,
): NetworkProfile {
  if (network === "website") return NETWORK_PROFILES.website;
  if (network === "sandbox") return NETWORK_PROFILES[emulates ?? "mastodon"];
  if (network === "email") return EMAIL_PROFILE;
  if (network === "whatsapp") return WHATSAPP_PROFILE;
  const profile = NETWORK_PROFILES[network];
  const server = serverFactsOf(settings);
  if (!server) return profile;
  return {
    ...profile,
    maxLength: server.maxLength ?? profile.maxLength,
    maxMedia: server.maxMedia ?? profile.maxMedia,
    maxPollOptions: server.maxPollOptions ?? profile.maxPollOptions,
    counting: { ...profile.counting, linkLength: server.linkLength ?? profile.counting.linkLength },
  };
}
