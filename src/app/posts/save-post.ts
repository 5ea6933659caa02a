// Saves a draft (autosave and explicit save). Only drafts and posts sent back for changes can be
// edited; a save that starts from an older revision is refused rather than overwriting a colleague.
import { eq } from "drizzle-orm";
import { postChannels, posts } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { nextStatus } from "../../domain/postWorkflow.js";
import type { OrgActor } from "../authorization.js";
import { checkOrgRefs } from "../orgRefs.js";
import type { AppContext } from "../context.js";
import { loadCampaign, requireCampaignAuthor } from "../campaigns/campaignRecords.js";
import { requireForPost, requireUsableMedia } from "./postAccess.js";
import { loadAccounts, loadMedia, loadPostChannels, loadPostForUpdate, replacePostMedia } from "./postRecords.js";
import { type TSavePost, ZSavePost } from "../../contract/postSchemas.js";

export async function savePost(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; postId: string; input: TSavePost },
) {
  const input = ZSavePost.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const before = await loadPostChannels(tx, post.id);
    requireForPost(ctx, options.actor, "post.draft", {
      ...post,
      channelAccountIds: before.map((c) => c.channelAccountId),
    });
    const channelAccountIds = input.channels.map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.draft", {
      orgId: post.orgId,
      departmentId: input.departmentId,
      channelAccountIds,
    });
    const status = nextStatus(post.status, "edit");
    if (input.revision !== post.revision) throw new AppError("EDIT_CONFLICT", { details: { revision: post.revision } });
    await loadAccounts(tx, { orgId: post.orgId, ids: channelAccountIds });
    await checkOrgRefs(tx, {
      orgId: post.orgId,
      departmentId: input.departmentId,
      accountableUserId: input.accountableUserId,
    });
    if (input.campaignId && input.campaignId !== post.campaignId) {
      const campaign = await loadCampaign(tx, { orgId: post.orgId, campaignId: input.campaignId });
      await requireCampaignAuthor(tx, { actor: options.actor, campaign, now });
    }
    const [saved] = await tx
      .update(posts)
      .set({
        title: input.title,
        body: input.body,
        departmentId: input.departmentId,
        contentType: input.campaignId ? "campaign_free" : "post",
        campaignId: input.campaignId,
        templateId: input.campaignId ? input.templateId : null,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        poll: input.poll,
        contentWarning: input.contentWarning,
        threadParts: input.threadParts,
        replyPolicy: input.replyPolicy,
        accountableUserId: input.accountableUserId ?? post.accountableUserId,
        status,
        revision: post.revision + 1,
        updatedAt: now,
      })
      .where(eq(posts.id, post.id))
      .returning();
    await tx.delete(postChannels).where(eq(postChannels.postId, post.id));
    if (input.channels.length > 0)
      await tx.insert(postChannels).values(input.channels.map((c) => ({ ...c, postId: post.id })));
    const media = await loadMedia(tx, { orgId: post.orgId, ids: input.mediaIds });
    requireUsableMedia(ctx, options.actor, { orgId: post.orgId, media });
    await replacePostMedia(tx, { postId: post.id, mediaIds: input.mediaIds });
    return saved;
  });
}
