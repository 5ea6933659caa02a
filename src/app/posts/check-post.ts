// The live check in the composer: runs the guideline in force and the channel limits over what is on
// screen (saved or not) and returns findings and counts. Changes nothing.
import type { OrgActor } from "../authorization.js";
import { loadCampaign, requireFollowsCampaign } from "../campaigns/campaignRecords.js";
import type { AppContext } from "../context.js";
import { requireForPost, requireUsableMedia } from "./postAccess.js";
import { checkAgainstGuideline, loadAccounts, loadMedia, pollEnd } from "./postRecords.js";
import { type TPostContent, ZPostContent } from "../../contract/postSchemas.js";

export async function checkPostDraft(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TPostContent },
) {
  const input = ZPostContent.parse(options.input);
  const channelAccountIds = input.channels.map((c) => c.channelAccountId);
  requireForPost(ctx, options.actor, "post.draft", {
    orgId: options.orgId,
    departmentId: input.departmentId,
    channelAccountIds,
  });
  // A campaign's rules (hashtag, time window) are read only by people who may follow the campaign.
  if (input.campaignId) {
    const campaign = await loadCampaign(ctx.db, { orgId: options.orgId, campaignId: input.campaignId });
    await requireFollowsCampaign(ctx, { actor: options.actor, campaign, action: "post.draft" });
  }
  const accounts = await loadAccounts(ctx.db, { orgId: options.orgId, ids: channelAccountIds });
  const media = await loadMedia(ctx.db, { orgId: options.orgId, ids: input.mediaIds });
  requireUsableMedia(ctx, options.actor, { orgId: options.orgId, media });
  const publishAt = input.scheduledAt ? new Date(input.scheduledAt) : ctx.clock();
  const { result, guideline } = await checkAgainstGuideline(ctx.db, {
    orgId: options.orgId,
    body: input.body,
    threadParts: input.threadParts,
    channels: input.channels,
    accounts,
    publishAt,
    campaignId: input.campaignId,
    media,
    poll: pollEnd(input.poll),
    replyPolicy: input.replyPolicy,
  });
  return { ...result, guideline };
}
