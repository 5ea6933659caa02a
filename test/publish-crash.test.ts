// Exactly once, also when the worker is killed: 500 due posts, a worker process killed with SIGKILL in
// the middle of publishing, a second worker draining the outbox. Every post reaches the sandbox (which
// records every send and does not deduplicate) exactly once.
import { type ChildProcess, spawn } from "node:child_process";
import { count, countDistinct, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import type { Database } from "../src/db/client.js";
import { posts, publications, sandboxDeliveries } from "../src/db/schema/index.js";
import { TEST_AUDIT_KEY, buildChannelAccount, buildMember, buildOrg, buildTestContext } from "./support/factories.js";
import { ownDatabase } from "./support/ownDatabase.js";

const POSTS = 500;
// A database of its own: the worker it starts drains the whole outbox (other files leave failing posts).
const db = ownDatabase(inject("databaseUrl"), "crash");
beforeAll(() => db.create());
afterAll(() => db.drop());

const env = {
  ...process.env,
  LOG_LEVEL: "debug",
  WORKER_POLL_MS: "100",
  WORKER_CONCURRENCY: "4",
  WORKER_LEASE_SECONDS: "5",
  AUDIT_KEY: TEST_AUDIT_KEY,
  ...db.env,
};

const open = (): Promise<Database> => db.open();

function worker(args: string[] = []): ChildProcess {
  return spawn("node", ["--import", "tsx", "src/cli/main.ts", "worker", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

it(
  "publishes each of 500 posts exactly once although the worker is killed mid-publish",
  { timeout: 240_000 },
  async () => {
    let database = await open();
    await database.migrate();
    const ctx = buildTestContext(database.db);
    const org = await buildOrg(ctx);
    const account = await buildChannelAccount(ctx, org.id, {
      network: "sandbox",
      settings: { delayMs: 15 },
      approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    });
    const author = await buildMember(ctx, org.id, { roles: ["press_office"] });
    for (let i = 0; i < POSTS; i++) {
      const post = await createPost(ctx, {
        actor: author.actor,
        orgId: org.id,
        input: { body: `Meldung ${i}`, channels: [{ channelAccountId: account.id, textOverride: null }] },
      });
      await submitPost(ctx, { actor: author.actor, orgId: org.id, postId: post.id, revision: 1 });
    }
    await database.close();

    // First worker: killed without warning once it has published some, while others are in flight.
    const first = worker();
    let published = 0;
    const killed = new Promise<void>((resolve, reject) => {
      first.stdout?.on("data", (chunk: Buffer) => {
        published += (chunk.toString().match(/publication recorded/g) ?? []).length;
        if (published >= 100 && first.exitCode === null && !first.killed) first.kill("SIGKILL");
      });
      first.on("exit", (_code, signal) =>
        signal === "SIGKILL" ? resolve() : reject(new Error(`first worker ended by itself (${published} published)`)),
      );
    });
    await killed;

    database = await open();
    const midway = await countPublished(database, org.id);
    await database.close();
    expect(midway).toBeGreaterThanOrEqual(100);
    expect(midway).toBeLessThan(POSTS);

    // Second worker: drains the outbox, recovering the interrupted sends once their lease has run out.
    const second = worker(["--exit-when-idle"]);
    let errors = "";
    second.stdout?.resume();
    second.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.on("exit", (exitCode) => resolve(exitCode)));
    expect(errors).toBe("");
    expect(code).toBe(0);

    database = await open();
    try {
      expect(await countPublished(database, org.id)).toBe(POSTS);
      const [sent] = await database.db
        .select({ deliveries: count(), keys: countDistinct(sandboxDeliveries.idempotencyKey) })
        .from(sandboxDeliveries)
        .where(eq(sandboxDeliveries.channelAccountId, account.id));
      expect(sent).toEqual({ deliveries: POSTS, keys: POSTS });
      const states = await database.db
        .select({ status: posts.status, n: count() })
        .from(posts)
        .where(eq(posts.orgId, org.id))
        .groupBy(posts.status);
      expect(states).toEqual([{ status: "published", n: POSTS }]);
    } finally {
      await database.close();
    }
  },
);

async function countPublished(database: Database, orgId: string): Promise<number> {
  const rows = await database.db
    .select({ status: publications.status })
    .from(publications)
    .where(eq(publications.orgId, orgId));
  return rows.filter((r) => r.status === "published").length;
}
