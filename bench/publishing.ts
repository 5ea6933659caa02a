// Publishing benchmark: 10,000 scheduled posts across 20 sandbox accounts.
//   (a) lateness: posts due over a 30 s window; how late each reaches the connector after its due time
//   (b) throughput: 10,000 posts due at once; posts handed over and recorded per second
//   (c) campaign replay: 1645 posts (#24hPolizei) over 24 h compressed into 30 s
// Two in-process workers share the outbox (SKIP LOCKED). The bench asserts zero duplicates and zero misses.
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL, default local).
import { count, countDistinct, eq, inArray, sql } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { buildAppContext, type AppContext } from "../src/app/context.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import { addMemberUnchecked } from "../src/app/members/add-member.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import { idempotencyKeyOf } from "../src/app/publishing/outbox.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { postChannels, posts, publications, sandboxDeliveries } from "../src/db/schema/index.js";
import { startPublishWorker } from "../src/jobs/publishWorker.js";
import { createLogger } from "../src/logger.js";
import { runOnEveryDatabase } from "./support.js";

const ACCOUNTS = 20;
const POSTS = 10_000;
const CAMPAIGN_POSTS = 1645;
const WINDOW_MS = 30_000;
const SYSTEM = { userId: null, label: "bench" };

interface Scenario {
  label: string;
  /** Due times relative to the moment the scenario starts (after its posts are written). */
  offsets: number[];
}

/** Setup writes the posts due in the far future; the scenario then moves them to start + offset in one statement. */
const PARKED = Date.parse("2100-01-01T00:00:00Z");

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const config = loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const { orgId, accountIds, authorId } = await setUp(ctx);
  const scenarios: Scenario[] = [
    { label: "(a) 10,000 posts due over 30 s", offsets: spread(POSTS, 1000, WINDOW_MS) },
    { label: "(b) 10,000 posts due at once", offsets: Array.from({ length: POSTS }, () => 1000) },
    { label: "(c) campaign: 1645 posts, 24 h compressed into 30 s", offsets: campaignTimes(1000) },
  ];
  let ok = true;
  for (const scenario of scenarios) ok = (await runScenario(ctx, { orgId, accountIds, authorId, scenario })) && ok;
  return ok;
}

async function setUp(ctx: AppContext) {
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: "Benchstadt", slug: `bench-${Date.now()}`, state: "BE" },
  });
  const actor = installationActorIn(org.id, SYSTEM);
  const author = await addMemberUnchecked(ctx, {
    actor: SYSTEM,
    orgId: org.id,
    input: { email: `bench-${Date.now()}@example.org`, name: "Bench", roles: ["press_office"] },
  });
  const accountIds: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const account = await createChannelAccount(ctx, {
      actor,
      orgId: org.id,
      input: {
        name: `Sandbox ${i + 1}`,
        network: "sandbox",
        approval: { post: "none", campaign_template: "none", campaign_free: "none" },
      },
    });
    accountIds.push(account.id);
  }
  return { orgId: org.id, accountIds, authorId: author.userId };
}

/** Writes scheduled posts and their outbox rows as submission would, in batches (setup, not measured). */
async function schedule(
  ctx: AppContext,
  args: { orgId: string; accountIds: string[]; authorId: string; dueTimes: number[] },
): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date();
  for (let offset = 0; offset < args.dueTimes.length; offset += 500) {
    const batch = args.dueTimes.slice(offset, offset + 500);
    await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .insert(posts)
        .values(
          batch.map((due, i) => ({
            orgId: args.orgId,
            authorUserId: args.authorId,
            body: `Meldung ${offset + i} #24hPolizei`,
            status: "scheduled" as const,
            scheduledAt: new Date(due),
            approvalMode: "none" as const,
          })),
        )
        .returning({ id: posts.id, scheduledAt: posts.scheduledAt });
      const channels = rows.map((row, i) => ({
        postId: row.id,
        channelAccountId: args.accountIds[(offset + i) % args.accountIds.length] as string,
      }));
      await tx.insert(postChannels).values(channels);
      await tx.insert(publications).values(
        rows.map((row, i) => {
          const channel = channels[i] as { channelAccountId: string };
          const due = row.scheduledAt ?? now;
          return {
            orgId: args.orgId,
            postId: row.id,
            channelAccountId: channel.channelAccountId,
            idempotencyKey: idempotencyKeyOf(row.id, channel.channelAccountId),
            dueAt: due,
            nextAttemptAt: due,
            createdAt: now,
          };
        }),
      );
      ids.push(...rows.map((r) => r.id));
    });
  }
  return ids;
}

async function runScenario(
  ctx: AppContext,
  args: { orgId: string; accountIds: string[]; authorId: string; scenario: Scenario },
): Promise<boolean> {
  const { scenario } = args;
  const postIds = await schedule(ctx, { ...args, dueTimes: scenario.offsets.map((o) => PARKED + o) });
  const shift = Date.now() - PARKED;
  await ctx.db.execute(
    sql`update publications set due_at = due_at + ${`${shift} milliseconds`}::interval, next_attempt_at = next_attempt_at + ${`${shift} milliseconds`}::interval where org_id = ${args.orgId} and status = 'pending'`,
  );
  await ctx.db.execute(
    sql`update posts set scheduled_at = scheduled_at + ${`${shift} milliseconds`}::interval where org_id = ${args.orgId} and status = 'scheduled'`,
  );
  const dueTimes = scenario.offsets.map((o) => PARKED + o + shift);
  const connectors = createConnectorRegistry({ db: ctx.db, clock: () => new Date(), publicUrl: "http://localhost" });
  const began = Date.now();
  const workers = [0, 1].map(() =>
    startPublishWorker(ctx, { connectors }, { pollMs: 100, batchSize: 50, concurrency: 4, leaseMs: 60_000 }),
  );
  const expected = postIds.length;
  const lastDue = Math.max(...dueTimes);
  for (;;) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(publications)
      .where(
        sql`${publications.status} = 'published' and ${publications.postId} in (select id from posts where org_id = ${args.orgId})`,
      );
    if ((row?.n ?? 0) >= (await totalScheduled(ctx, args.orgId)) || Date.now() - lastDue > 600_000) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const finished = Date.now();
  await Promise.all(workers.map((w) => w.stop()));
  return report(ctx, {
    scenario,
    postIds,
    expected,
    seconds: (finished - Math.max(began, Math.min(...dueTimes))) / 1000,
  });
}

async function totalScheduled(ctx: AppContext, orgId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(publications).where(eq(publications.orgId, orgId));
  return row?.n ?? 0;
}

async function report(
  ctx: AppContext,
  args: { scenario: Scenario; postIds: string[]; expected: number; seconds: number },
): Promise<boolean> {
  const lateness: number[] = [];
  let deliveries = 0;
  let distinct = 0;
  for (let offset = 0; offset < args.postIds.length; offset += 1000) {
    const ids = args.postIds.slice(offset, offset + 1000);
    const rows = await ctx.db
      .select({ due: publications.dueAt, delivered: sandboxDeliveries.deliveredAt })
      .from(publications)
      .innerJoin(sandboxDeliveries, eq(sandboxDeliveries.idempotencyKey, publications.idempotencyKey))
      .where(inArray(publications.postId, ids));
    for (const r of rows) lateness.push(r.delivered.getTime() - r.due.getTime());
    const [sent] = await ctx.db
      .select({ n: count(), keys: countDistinct(sandboxDeliveries.idempotencyKey) })
      .from(sandboxDeliveries)
      .innerJoin(publications, eq(publications.idempotencyKey, sandboxDeliveries.idempotencyKey))
      .where(inArray(publications.postId, ids));
    deliveries += sent?.n ?? 0;
    distinct += sent?.keys ?? 0;
  }
  lateness.sort((a, b) => a - b);
  const pct = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? NaN;
  const duplicates = deliveries - distinct;
  const misses = args.expected - distinct;
  console.log(`${args.scenario.label}`);
  console.log(
    `  handed to the connector after due time: median ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${lateness.at(-1)} ms`,
  );
  console.log(
    `  throughput: ${(args.expected / args.seconds).toFixed(0)} posts/s (${args.expected} in ${args.seconds.toFixed(1)} s from the first due time)`,
  );
  console.log(`  duplicates: ${duplicates}, misses: ${misses}`);
  const ok = duplicates === 0 && misses === 0;
  if (!ok) console.log("  FAILED: every post must be published exactly once");
  return ok;
}

function spread(n: number, from: number, windowMs: number): number[] {
  return Array.from({ length: n }, (_, i) => from + Math.floor((i * windowMs) / n));
}

/** The marathon's shape: quieter at night, bursts in the evening; 24 h mapped onto the window. */
function campaignTimes(from: number): number[] {
  const weights = Array.from({ length: 24 }, (_, hour) => (hour < 6 ? 0.4 : hour < 17 ? 1 : hour < 23 ? 1.6 : 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  let assigned = 0;
  weights.forEach((w, hour) => {
    const n = hour === 23 ? CAMPAIGN_POSTS - assigned : Math.round((CAMPAIGN_POSTS * w) / total);
    assigned += n;
    for (let i = 0; i < n; i++) times.push(from + Math.floor(((hour + i / n) * WINDOW_MS) / 24));
  });
  return times;
}

await runOnEveryDatabase("publishing benchmark", runOn);
