// Reading a post with what belongs to it, and turning its channels into the variants the guideline
// checks measure. Shared by the post use cases; no rules of its own beyond "belongs to this organisation".
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  channelAccounts,
  mediaAssets,
  postApprovals,
  postChannels,
  postMedia,
  posts,
  publications,
} from "../../db/schema/index.js";
import { activeGuideline } from "../../db/queries/guidelines.js";
import { loadCampaign } from "../campaigns/campaignRecords.js";
import { AppError } from "../../domain/errors.js";
import { type CheckResult, type VariantToCheck, checkPost } from "../../domain/guidelineChecks.js";
import {
  type EmulatedNetwork,
  type Network,
  type ReplyPolicy,
  effectiveLimits,
  profileOf,
} from "../../domain/networks.js";

export type PostRow = typeof posts.$inferSelect;
export type ChannelAccountRow = typeof channelAccounts.$inferSelect;
export interface PostChannelInput {
  channelAccountId: string;
  textOverride: string | null;
}

export async function loadPostForUpdate(tx: Db, args: { orgId: string; postId: string }): Promise<PostRow> {
  const [post] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, args.postId), eq(posts.orgId, args.orgId)))
    .for("update");
  if (!post) throw new AppError("NOT_FOUND");
  return post;
}

export async function loadPostChannels(db: Db, postId: string): Promise<PostChannelInput[]> {
  return db
    .select({ channelAccountId: postChannels.channelAccountId, textOverride: postChannels.textOverride })
    .from(postChannels)
    .where(eq(postChannels.postId, postId));
}

/**
 * The accounts named, all of this organisation and (unless `includeDisabled`) active; anything else is a
 * validation error. Showing a post whose account was disabled since needs them all the same.
 */
export async function loadAccounts(
  db: Db,
  args: { orgId: string; ids: readonly string[]; includeDisabled?: boolean },
): Promise<ChannelAccountRow[]> {
  const unique = [...new Set(args.ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, args.orgId), inArray(channelAccounts.id, unique)));
  if (rows.length !== unique.length || (!args.includeDisabled && rows.some((r) => r.disabledAt !== null))) {
    throw new AppError("VALIDATION_FAILED", { details: { field: "channels", problem: "unknown_or_disabled_account" } });
  }
  return unique.map((id) => rows.find((r) => r.id === id) as ChannelAccountRow);
}

export interface PostMediaItem {
  id: string;
  kind: "image" | "video";
  altText: string | null;
  hasCaptions: boolean;
  name: string;
  departmentId: string | null;
  byteSize: number;
}

/** The library items named, all of this organisation, in the order given. */
export async function loadMedia(db: Db, args: { orgId: string; ids: readonly string[] }): Promise<PostMediaItem[]> {
  const unique = [...new Set(args.ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      id: mediaAssets.id,
      kind: mediaAssets.kind,
      altText: mediaAssets.altText,
      hasCaptions: mediaAssets.hasCaptions,
      name: mediaAssets.fileName,
      departmentId: mediaAssets.departmentId,
      byteSize: mediaAssets.byteSize,
    })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.orgId, args.orgId), inArray(mediaAssets.id, unique)));
  if (rows.length !== unique.length)
    throw new AppError("VALIDATION_FAILED", { details: { field: "mediaIds", problem: "unknown_media" } });
  return unique.map((id) => rows.find((r) => r.id === id) as PostMediaItem);
}

export async function loadPostMedia(db: Db, args: { orgId: string; postId: string }): Promise<PostMediaItem[]> {
  const rows = await db
    .select({ id: postMedia.mediaId })
    .from(postMedia)
    .where(eq(postMedia.postId, args.postId))
    .orderBy(asc(postMedia.position));
  return loadMedia(db, { orgId: args.orgId, ids: rows.map((r) => r.id) });
}

export async function replacePostMedia(db: Db, args: { postId: string; mediaIds: readonly string[] }): Promise<void> {
  await db.delete(postMedia).where(eq(postMedia.postId, args.postId));
  const ids = [...new Set(args.mediaIds)];
  if (ids.length > 0)
    await db.insert(postMedia).values(ids.map((mediaId, position) => ({ postId: args.postId, mediaId, position })));
}

export function textFor(body: string, channel: PostChannelInput): string {
  return channel.textOverride ?? body;
}

export function variantsOf(
  body: string,
  channels: readonly PostChannelInput[],
  accounts: readonly ChannelAccountRow[],
  media: readonly PostMediaItem[] = [],
  threadParts: readonly string[] = [],
): VariantToCheck[] {
  return channels.map((channel) => {
    const account = accounts.find((a) => a.id === channel.channelAccountId);
    if (!account) throw new Error(`account ${channel.channelAccountId} not loaded`);
    const profile = profileOf(account.network as Network, account.emulates as EmulatedNetwork | null, account.settings);
    return {
      channelAccountId: account.id,
      profile,
      limits: effectiveLimits(profile, account.limits),
      postingWindows: account.postingWindows,
      text: textFor(body, channel),
      followUps: threadParts,
      media,
    };
  });
}

/** What the guideline check needs to know about a post's poll. */
export function pollEnd(
  poll: { endsAt: string; options: readonly string[] } | null,
): { endsAt: Date; options: number } | null {
  return poll ? { endsAt: new Date(poll.endsAt), options: poll.options.length } : null;
}

/** Checks against the guideline in force; returns the result and the version checked against. */
export async function checkAgainstGuideline(
  db: Db,
  args: {
    orgId: string;
    body: string;
    /** The posts after the body in a thread. */
    threadParts: readonly string[];
    channels: readonly PostChannelInput[];
    accounts: readonly ChannelAccountRow[];
    publishAt: Date;
    campaignId: string | null;
    media: readonly PostMediaItem[];
    poll: { endsAt: Date; options: number } | null;
    replyPolicy?: ReplyPolicy;
  },
): Promise<{ result: CheckResult; guideline: { id: string; version: number } | null }> {
  const guideline = await activeGuideline(db, args.orgId);
  const campaign = args.campaignId ? await loadCampaign(db, { orgId: args.orgId, campaignId: args.campaignId }) : null;
  const result = checkPost({
    rules: guideline?.rules ?? null,
    variants: variantsOf(args.body, args.channels, args.accounts, args.media, args.threadParts),
    publishAt: args.publishAt,
    campaign,
    poll: args.poll,
    replyPolicy: args.replyPolicy,
  });
  return { result, guideline: guideline ? { id: guideline.id, version: guideline.version } : null };
}

/**
 * Checks a saved post (its channels, media and campaign) as it would go out at `publishAt`, and refuses
 * with its findings when anything blocks: at submission, at the final approval and when rescheduling.
 */
export async function requirePassingCheck(
  db: Db,
  args: {
    post: PostRow;
    channels: readonly PostChannelInput[];
    accounts: readonly ChannelAccountRow[];
    publishAt: Date;
  },
) {
  const { post } = args;
  const media = await loadPostMedia(db, { orgId: post.orgId, postId: post.id });
  const check = await checkAgainstGuideline(db, {
    orgId: post.orgId,
    body: post.body,
    threadParts: post.threadParts,
    channels: args.channels,
    accounts: args.accounts,
    publishAt: args.publishAt,
    campaignId: post.campaignId,
    media,
    poll: pollEnd(post.poll),
    replyPolicy: post.replyPolicy,
  });
  if (check.result.blockers > 0)
    throw new AppError("GUIDELINE_VIOLATION", { details: { findings: check.result.findings } });
  return check;
}

export async function loadPostDetails(db: Db, post: PostRow) {
  const channels = await loadPostChannels(db, post.id);
  const approvals = await db
    .select()
    .from(postApprovals)
    .where(eq(postApprovals.postId, post.id))
    .orderBy(asc(postApprovals.createdAt));
  const outbox = await db.select().from(publications).where(eq(publications.postId, post.id));
  return { channels, approvals, publications: outbox };
}
