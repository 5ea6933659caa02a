// A lock across processes on the database, as a lease: taken by inserting (or taking over an expired)
// row, renewed while its holder runs, released by deleting it. A holder that dies leaves a lease that
// simply runs out. Either wait for the lock (leaseLock) or skip when it is held (tryLeaseLock). Works the
// same on the embedded PGlite and on a PostgreSQL server.
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { leaseLocks } from "../schema/index.js";

export type LeaseLock = <T>(name: string, run: () => T | PromiseLike<T>) => Promise<T>;
/** Runs `run` only if nobody holds the lock now (no waiting): `ran: false` when it is held. */
export type TryLeaseLock = <T>(
  name: string,
  run: () => T | PromiseLike<T>,
) => Promise<{ ran: true; value: T } | { ran: false }>;

/** Takes the lease if it is free or has run out; true when `holder` has it now. */
async function take(db: Db, name: string, holder: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const taken = await db
    .insert(leaseLocks)
    .values({ name, holder, until: new Date(now.getTime() + leaseMs) })
    .onConflictDoUpdate({
      target: leaseLocks.name,
      set: { holder, until: new Date(now.getTime() + leaseMs) },
      setWhere: lt(leaseLocks.until, sql`${now.toISOString()}::timestamptz`),
    })
    .returning({ holder: leaseLocks.holder });
  return taken[0]?.holder === holder;
}

/** Runs `run` as the holder, renewing the lease while it runs (a long run does not lose it), then gives it back. */
async function holding<T>(
  db: Db,
  args: { name: string; holder: string; leaseMs: number },
  run: () => T | PromiseLike<T>,
): Promise<T> {
  const mine = and(eq(leaseLocks.name, args.name), eq(leaseLocks.holder, args.holder));
  const renewal = setInterval(
    () => {
      db.update(leaseLocks)
        .set({ until: new Date(Date.now() + args.leaseMs) })
        .where(mine)
        .catch(() => {}); // A failed renewal only shortens the lease: it runs out as if the holder had died.
    },
    Math.max(10, Math.floor(args.leaseMs / 3)),
  );
  renewal.unref();
  try {
    return await run();
  } finally {
    clearInterval(renewal);
    await db.delete(leaseLocks).where(mine);
  }
}

export function leaseLock(db: Db, options: { leaseMs?: number; waitMs?: number; pollMs?: number } = {}): LeaseLock {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 45_000;
  const pollMs = options.pollMs ?? 50;
  return async (name, run) => {
    const holder = randomUUID();
    const giveUpAt = Date.now() + waitMs;
    while (!(await take(db, name, holder, leaseMs))) {
      if (Date.now() > giveUpAt) throw new Error(`lock "${name}" is still held after ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return holding(db, { name, holder, leaseMs }, run);
  };
}

export function tryLeaseLock(db: Db, options: { leaseMs?: number } = {}): TryLeaseLock {
  const leaseMs = options.leaseMs ?? 30_000;
  return async (name, run) => {
    const holder = randomUUID();
    if (!(await take(db, name, holder, leaseMs))) return { ran: false };
    return { ran: true, value: await holding(db, { name, holder, leaseMs }, run) };
  };
}
