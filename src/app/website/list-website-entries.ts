// What the website channel has published for an organisation, newest first (public: no actor).
import { desc, eq } from "drizzle-orm";
import { organisations, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";

export async function listWebsiteEntries(ctx: AppContext, options: { orgId: string; limit?: number }) {
  const [org] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const entries = await ctx.db
    .select({ id: websiteEntries.id, text: websiteEntries.text, publishedAt: websiteEntries.publishedAt })
    .from(websiteEntries)
    .where(eq(websiteEntries.orgId, org.id))
    .orderBy(desc(websiteEntries.publishedAt))
    .limit(options.limit ?? 50);
  return { organisation: org, entries };
}
