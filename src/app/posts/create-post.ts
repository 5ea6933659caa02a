// Starts a post as a draft (the composer creates it on the first keystroke and autosaves after that).
import { postChannels, posts } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import { checkOrgRefs } from "../orgRefs.js";
import type { AppContext } from "../context.js";
import { loadCampaign, requireCampaignAuthor } from "../campaigns/campaignRecords.js";
import { personOf, requireForPost, requireUsableMedia } from "./postAccess.js";
import { loadAccounts, loadMedia, replacePostMedia } from "./postRecords.js";
import { type TPostContent, ZPostContent } from "../../contract/postSchemas.js";

export async function createPost(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: TPostContent }) {
  const input = ZPostContent.parse(options.input);
  const channelAccountIds = input.channels.map((c) => c.channelAccountId);
  requireForPost(ctx, options.actor, "post.draft", {
    orgId: options.orgId,
    departmentId: input.departmentId,
    channelAccountIds,
  });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const accounts = await loadAccounts(tx, { orgId: options.orgId, ids: channelAccountIds });
    await checkOrgRefs(tx, {
      orgId: options.orgId,
      departmentId: input.departmentId,
      accountableUserId: input.accountableUserId,
    });
    if (input.campaignId) {
      const campaign = await loadCampaign(tx, { orgId: options.orgId, campaignId: input.campaignId });
      await requireCampaignAuthor(tx, { actor: options.actor, campaign, now });
    }
    const [post] = await tx
      .insert(posts)
      .values({
        orgId: options.orgId,
        departmentId: input.departmentId,
        authorUserId: personOf(options.actor),
        accountableUserId: input.accountableUserId ?? accounts[0]?.accountableUserId ?? null,
        contentType: input.campaignId ? "campaign_free" : "post",
        campaignId: input.campaignId,
        templateId: input.campaignId ? input.templateId : null,
        title: input.title,
        body: input.body,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        poll: input.poll,
        contentWarning: input.contentWarning,
        threadParts: input.threadParts,
        replyPolicy: input.replyPolicy,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!post) throw new Error("insert returned nothing");
    if (input.channels.length > 0)
      await tx.insert(postChannels).values(input.channels.map((c) => ({ ...c, postId: post.id })));
    const media = await loadMedia(tx, { orgId: options.orgId, ids: input.mediaIds });
    requireUsableMedia(ctx, options.actor, { orgId: options.orgId, media });
    await replacePostMedia(tx, { postId: post.id, mediaIds: input.mediaIds });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "post.created",
      target: { type: "post", id: post.id },
      data: { channelAccountIds, departmentId: input.departmentId },
      occurredAt: now,
    });
    return post;
  });
}
