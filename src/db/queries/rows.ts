// The rows of a raw `execute(sql…)`: node-postgres returns a result with `rows`, PGlite's driver too,
// some drivers the array itself.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.js";

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/**
 * The rows of one query read with JIT compilation off, and with `noSeqScan` no sequential scan either: for a
 * report's query whose row estimate is far above what it reads (a campaign's thousands of posts, each guessed to
 * have drawn the average post's reactions), so that the planner would compile it first or scan a whole table.
 */
export async function rowsWithoutJit<T>(db: Db, query: SQL, options: { noSeqScan?: boolean } = {}): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    if (options.noSeqScan) await tx.execute(sql`set local enable_seqscan = off`);
    return rowsOf<T>(await tx.execute(query));
  });
}
