// An organisation's public feed: what the website channel published, newest first, each under its
// headline with its media and the number of published comments (acknowledgements, which only their
// asking person sees, do not count).
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { websiteComments, websiteEntries, websitePolls } from "../../db/schema/index.js";
import { splitHeadline } from "../../domain/website/postHeadline.js";
import type { AppContext } from "../context.js";
import { mediaOfEntries } from "./entryMedia.js";
import { findPublicOrg } from "./publicOrg.js";

export const FEED_PAGE_SIZE = 20;

export async function listPublicFeed(ctx: AppContext, options: { orgKey: string; page?: number; limit?: number }) {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const page = Math.max(1, options.page ?? 1);
  const limit = Math.min(FEED_PAGE_SIZE, Math.max(1, options.limit ?? FEED_PAGE_SIZE));
  const entries = await ctx.db
    .select({ id: websiteEntries.id, text: websiteEntries.text, publishedAt: websiteEntries.publishedAt })
    .from(websiteEntries)
    .where(and(eq(websiteEntries.orgId, org.id), isNull(websiteEntries.removedAt)))
    .orderBy(desc(websiteEntries.publishedAt), desc(websiteEntries.id))
    .limit(limit + 1)
    .offset((page - 1) * limit);
  const ids = entries.slice(0, limit).map((e) => e.id);
  const counts = ids.length
    ? await ctx.db
        .select({ entryId: websiteComments.entryId, n: count() })
        .from(websiteComments)
        .where(
          and(
            inArray(websiteComments.entryId, ids),
            eq(websiteComments.status, "visible"),
            isNull(websiteComments.acknowledgesCommentId),
          ),
        )
        .groupBy(websiteComments.entryId)
    : [];
  const polls = ids.length
    ? await ctx.db
        .select({ entryId: websitePolls.entryId })
        .from(websitePolls)
        .where(inArray(websitePolls.entryId, ids))
    : [];
  const media = await mediaOfEntries(ctx.db, ids);
  return {
    org: { slug: org.slug, name: org.name, settings: org.settings },
    entries: entries.slice(0, limit).map((e) => ({
      id: e.id,
      text: e.text,
      ...splitHeadline(e.text),
      publishedAt: e.publishedAt.toISOString(),
      media: media.get(e.id) ?? [],
      comments: counts.find((c) => c.entryId === e.id)?.n ?? 0,
      hasPoll: polls.some((p) => p.entryId === e.id),
    })),
    page,
    hasMore: entries.length > limit,
  };
}
