// How many publications are still on their way (pending or being sent): zero means the outbox is drained.
import { count, inArray } from "drizzle-orm";
import { publications } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";

export async function countOpenPublications(ctx: AppContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(publications)
    .where(inArray(publications.status, ["pending", "sending"]));
  return row?.n ?? 0;
}
