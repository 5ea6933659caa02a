// Files of the media library with an answer from the inbox: whether the channel takes them (its connector declares
// `replyMedia`) and within which limits (the network's profile: how many, videos alone or mixed, the caption's length).
import type { channelAccounts } from "../../db/schema/index.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import {
  type EmulatedNetwork,
  type Network,
  type NetworkProfile,
  effectiveLimits,
  profileOf,
} from "../../domain/networks.js";

type AccountRow = Pick<typeof channelAccounts.$inferSelect, "network" | "emulates" | "settings" | "limits">;

export interface ReplyMediaRules {
  maxMedia: number;
  /** The most bytes the files may have together (e-mail: 20 MB); null: as the library took each. */
  maxTotalBytes: number | null;
  videos: NetworkProfile["videos"];
  maxLengthWithMedia: number | null;
}

/** What an answer on this account may carry; null: text only (the website's comments, networks without files). */
export function replyMediaRulesOf(connectors: ConnectorRegistry, account: AccountRow): ReplyMediaRules | null {
  const declared = connectors.get(account.network)?.capabilities.replyMedia;
  if (!declared) return null;
  const profile = profileOf(account.network as Network, account.emulates as EmulatedNetwork | null, account.settings);
  const maxMedia = effectiveLimits(profile, account.limits).maxMedia;
  if (maxMedia < 1) return null;
  return {
    maxMedia,
    maxTotalBytes: declared.maxTotalBytes,
    videos: profile.videos,
    maxLengthWithMedia: profile.maxLengthWithMedia ?? null,
  };
}
