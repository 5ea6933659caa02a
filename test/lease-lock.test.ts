// The lease lock across processes (db/queries/leaseLock.ts) on the real database: holders take turns,
// a lease left by a holder that died runs out and is taken over, and a lock held too long is refused.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Database } from "../src/db/client.js";
import { leaseLock, tryLeaseLock } from "../src/db/queries/leaseLock.js";
import { leaseLocks } from "../src/db/schema/index.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe("lease lock", () => {
  it("lets one holder at a time run, in turn", async () => {
    const lock = leaseLock(database.db, { pollMs: 5 });
    const name = `test-${randomUUID()}`;
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        lock(name, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(n);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([1, 2, 3, 4]);
  });

  it("takes over a lease whose holder died once it runs out, and gives up on one held too long", async () => {
    const name = `test-${randomUUID()}`;
    await database.db.insert(leaseLocks).values({ name, holder: "died", until: new Date(Date.now() + 150) });
    const ran = await leaseLock(database.db, { pollMs: 10 })(name, () => "after the lease ran out");
    expect(ran).toBe("after the lease ran out");
    await database.db.insert(leaseLocks).values({ name, holder: "busy", until: new Date(Date.now() + 60_000) });
    await expect(leaseLock(database.db, { pollMs: 10, waitMs: 100 })(name, () => "never")).rejects.toThrow(
      /still held/,
    );
  });

  it("skips instead of waiting when the lock is held, and keeps a long run's lease alive until it ends", async () => {
    const name = `test-${randomUUID()}`;
    const tryLock = tryLeaseLock(database.db, { leaseMs: 1500 });
    let release: () => void = () => {};
    const running = new Promise<void>((resolve) => (release = resolve));
    const first = tryLock(name, () => running.then(() => "first"));
    const leaseOf = async () => (await database.db.select().from(leaseLocks).where(eq(leaseLocks.name, name)))[0];
    let taken = await leaseOf();
    while (!taken) taken = await leaseOf();
    const firstLeaseEnds = taken.until.getTime();
    // Until well after the first lease would have run out, its renewals keep it: others are turned away.
    while (Date.now() < firstLeaseEnds + 300) {
      expect(await tryLock(name, () => "second")).toEqual({ ran: false });
      await new Promise((resolve) => setImmediate(resolve)); // PGlite answers in microtasks: let timers run
    }
    expect((await leaseOf())?.until.getTime()).toBeGreaterThan(firstLeaseEnds);
    release();
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(await tryLock(name, () => "third")).toEqual({ ran: true, value: "third" });
  });
});
