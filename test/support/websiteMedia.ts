// A website post with media, published through the real publishing path (post, submission, outbox, the
// website connector), so the public pages show exactly what the channel received.
import { eq } from "drizzle-orm";
import type { AppContext } from "../../src/app/context.js";
import { createPost } from "../../src/app/posts/create-post.js";
import { submitPost } from "../../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { publications, websiteEntries } from "../../src/db/schema/index.js";
import { runPublishRound } from "../../src/jobs/publishWorker.js";
import { buildChannelAccount, buildMember } from "./factories.js";

export async function publishToWebsite(
  ctx: AppContext,
  args: { orgId: string; body: string; mediaIds: string[]; websiteAccountId?: string },
): Promise<{ postId: string; entryId: string; websiteAccountId: string }> {
  const websiteAccountId =
    args.websiteAccountId ??
    (
      await buildChannelAccount(ctx, args.orgId, {
        network: "website",
        name: "Website",
        approval: { post: "none", campaign_template: "none", campaign_free: "none" },
      })
    ).id;
  const author = await buildMember(ctx, args.orgId, { roles: ["press_office"] });
  const post = await createPost(ctx, {
    actor: author.actor,
    orgId: args.orgId,
    input: {
      body: args.body,
      channels: [{ channelAccountId: websiteAccountId, textOverride: null }],
      mediaIds: args.mediaIds,
    },
  });
  await submitPost(ctx, { actor: author.actor, orgId: args.orgId, postId: post.id, revision: 1 });
  const connectors = createConnectorRegistry({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
  await runPublishRound(ctx, { connectors });
  const [publication] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
  if (publication?.status !== "published") throw new Error(`not published: ${publication?.lastError ?? "no row"}`);
  const [entry] = await ctx.db.select().from(websiteEntries).where(eq(websiteEntries.postId, post.id));
  if (!entry) throw new Error("no website entry");
  return { postId: post.id, entryId: entry.id, websiteAccountId };
}
