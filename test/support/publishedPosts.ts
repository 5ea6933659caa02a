// Test factory: a post as the publish worker leaves it — published, with one publication per channel account
// carrying the network's external id (and later parts of a thread) — written directly, so a test about what
// citizens answered needs no publishing round. The author is a new editor of the organisation.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../src/app/context.js";
import { postChannels, posts, publications } from "../../src/db/schema/index.js";
import { buildMember, uniqueSuffix } from "./factories.js";

export async function buildPublishedPost(
  ctx: AppContext,
  orgId: string,
  args: {
    title?: string;
    body?: string;
    departmentId?: string | null;
    campaignId?: string | null;
    publishedAt?: Date;
    /** Per channel account: the external id of the published item, and of later thread parts. */
    on: readonly { channelAccountId: string; externalId: string; partExternalIds?: string[] }[];
  },
) {
  const author = await buildMember(ctx, orgId, { roles: ["editor"] });
  const publishedAt = args.publishedAt ?? new Date("2026-11-01T09:00:00Z");
  const id = randomUUID();
  await ctx.db.insert(posts).values({
    id,
    orgId,
    authorUserId: author.userId,
    departmentId: args.departmentId ?? null,
    campaignId: args.campaignId ?? null,
    title: args.title ?? `Beitrag ${uniqueSuffix()}`,
    body: args.body ?? "Der Wochenmarkt zieht um.",
    status: "published",
    publishedAt,
  });
  await ctx.db.insert(postChannels).values(args.on.map((p) => ({ postId: id, channelAccountId: p.channelAccountId })));
  await ctx.db.insert(publications).values(
    args.on.map((p) => ({
      orgId,
      postId: id,
      channelAccountId: p.channelAccountId,
      idempotencyKey: `${id}:${p.channelAccountId}`,
      status: "published" as const,
      dueAt: publishedAt,
      nextAttemptAt: publishedAt,
      externalId: p.externalId,
      partExternalIds: p.partExternalIds ?? [],
      publishedAt,
      createdAt: publishedAt,
    })),
  );
  return { id };
}
