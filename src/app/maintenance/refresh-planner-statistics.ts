// Refreshes the query planner's statistics. Embedded PGlite runs no autovacuum, so without this the
// planner keeps guessing row counts from an empty database; on a server it is harmless and cheap.
import { sql } from "drizzle-orm";
import type { AppContext } from "../context.js";

export async function refreshPlannerStatistics(ctx: AppContext): Promise<void> {
  const started = Date.now();
  await ctx.db.execute(sql`analyze`);
  ctx.log.info({ ms: Date.now() - started }, "planner statistics refreshed");
}
