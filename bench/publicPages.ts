// Public-page benchmark: an organisation with 1,000 website posts and 200,000 comments (a fifth of them
// replies, some staff answers), served by the real Fastify app on loopback and loaded with autocannon:
//   (a) GET of a post page (server-rendered thread, random post each request)
//   (b) POST of a citizen comment through the whole path: session, Netiquette, proof-of-work, rate limits,
//       duplicate checks, moderation pipeline, comment + inbound message in one transaction.
// autocannon runs in a child process. Citizens arrive through a reverse proxy (X-Forwarded-For, one address each), as in production.
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL).
import { randomBytes } from "node:crypto";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import { type AppContext, buildAppContext } from "../src/app/context.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import { refreshPlannerStatistics } from "../src/app/maintenance/refresh-planner-statistics.js";
import { acceptNetiquette } from "../src/app/website/accept-netiquette.js";
import { issueChallenge, solveChallenge } from "../src/app/website/proofOfWork.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { startCitizenSession } from "../src/app/website/start-citizen-session.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { inboundMessages, websiteComments, websiteEntries } from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { createLogger } from "../src/logger.js";
import { buildApp } from "../src/server/app.js";
import { runOnEveryDatabase } from "./support.js";

const POSTS = 1_000;
const COMMENTS = 200_000;
const PER_POST = COMMENTS / POSTS;
const REPLIES_PER_POST = PER_POST / 5;
const POST_REQUESTS = 5_000;
const SESSIONS = 200;
const SYSTEM = { userId: null, label: "bench" };
const ENV = {
  LOG_LEVEL: "silent",
  TRUST_PROXY: "true",
  PUBLIC_POW_BITS: "8",
  PUBLIC_COMMENTS_PER_SESSION: "100000",
  PUBLIC_COMMENTS_PER_IP: "100000",
  PUBLIC_SESSIONS_PER_IP: "100000",
};

async function runOn(label: string, database: Database): Promise<boolean> {
  const config = loadConfig(ENV);
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const seedStart = performance.now();
  const { orgId, entryIds, netiquetteId } = await seed(ctx);
  // As the worker's planner-statistics job does in a running installation (PGlite has no autovacuum).
  await refreshPlannerStatistics(ctx);
  console.log(
    `\n${label}: ${POSTS} posts, ${COMMENTS} comments (${REPLIES_PER_POST} replies per post) seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const { app } = await buildApp({
    config,
    ctx,
    logger: createLogger({ level: "silent" }),
    ping: database.ping,
    listen: database.listen,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const base = `http://127.0.0.1:${address.port}`;
  try {
    const plan = {
      url: base,
      connections: 16,
      orgSlug: "bench",
      entryIds,
      tokens: [] as string[],
      works: [] as { challenge: string; nonce: string }[],
    };
    const page = await runLoad({ ...plan, kind: "page", durationSeconds: 10 });
    report("GET post page", page);

    for (let i = 0; i < SESSIONS; i++) {
      const { token } = await startCitizenSession(ctx, { orgKey: orgId, ip: `10.1.${i >> 8}.${i & 255}` });
      await acceptNetiquette(ctx, { orgKey: orgId, token, netiquetteId });
      plan.tokens.push(token);
    }
    for (let i = 0; i < POST_REQUESTS; i++) {
      const { challenge, bits } = await issueChallenge(ctx);
      plan.works.push({ challenge, nonce: solveChallenge(challenge, bits) });
    }
    const [before] = await ctx.db.select({ n: count() }).from(websiteComments);
    const post = await runLoad({ ...plan, kind: "comment", amount: POST_REQUESTS });
    report("POST comment", post);
    const [after] = await ctx.db.select({ n: count() }).from(websiteComments);
    const [inbound] = await ctx.db.select({ n: count() }).from(inboundMessages).where(eq(inboundMessages.orgId, orgId));
    const stored = (after?.n ?? 0) - (before?.n ?? 0);
    console.log(
      `  stored ${stored} new comments for ${post.ok} accepted requests; inbound messages now ${inbound?.n ?? 0}`,
    );
    const ok =
      page.non2xx === 0 &&
      page.errors === 0 &&
      post.non2xx === 0 &&
      post.errors === 0 &&
      stored === post.ok &&
      (inbound?.n ?? 0) === (after?.n ?? 0) - staffCount();
    if (!ok) console.log("  FAILED: errors, non-2xx answers or lost comments");
    return ok;
  } finally {
    await app.close();
  }
}

interface LoadPlan {
  url: string;
  kind: "page" | "comment";
  connections: number;
  durationSeconds?: number;
  amount?: number;
  orgSlug: string;
  entryIds: string[];
  tokens: string[];
  works: { challenge: string; nonce: string }[];
}

interface LoadFigures {
  average: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/** Runs the load generator in a child process, so it does not share the server's event loop. */
function runLoad(plan: LoadPlan): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./loadWorker.mjs", import.meta.url)));
    child.once("message", (figures) => resolve(figures as LoadFigures));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    child.send(plan);
  });
}

function report(label: string, result: LoadFigures) {
  console.log(
    `  ${label.padEnd(16)} ${result.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms   (${result.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors)`,
  );
}

const STAFF_EVERY = 4;
const staffCount = () => POSTS * Math.floor(REPLIES_PER_POST / STAFF_EVERY);

async function seed(ctx: AppContext) {
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: "Benchstadt", slug: "bench", state: "BE" },
  });
  const admin = installationActorIn(org.id, SYSTEM);
  const account = await createChannelAccount(ctx, {
    actor: admin,
    orgId: org.id,
    input: { name: "Website", network: "website" },
  });
  const netiquette = await publishNetiquette(ctx, { actor: admin, orgId: org.id, input: DEFAULT_NETIQUETTE });
  const start = Date.now() - 400 * 86_400_000;
  const entries = await ctx.db
    .insert(websiteEntries)
    .values(
      Array.from({ length: POSTS }, (_, i) => ({
        orgId: org.id,
        channelAccountId: account.id,
        idempotencyKey: `bench-${i}`,
        text: `Beitrag ${i}: Neuigkeiten aus dem Rathaus.`,
        publishedAt: new Date(start + i * 3_600_000),
      })),
    )
    .returning({ id: websiteEntries.id });
  const entryIds = entries.map((e) => e.id);
  type CommentRow = typeof websiteComments.$inferInsert;
  let batch: CommentRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await ctx.db.insert(websiteComments).values(batch).returning({
      id: websiteComments.id,
      entryId: websiteComments.entryId,
      authorKind: websiteComments.authorKind,
      parentId: websiteComments.parentId,
      text: websiteComments.text,
      displayName: websiteComments.displayName,
      createdAt: websiteComments.createdAt,
    });
    const citizen = rows.filter((r) => r.authorKind === "citizen");
    await ctx.db.insert(inboundMessages).values(
      citizen.map((r) => ({
        orgId: org.id,
        channelAccountId: account.id,
        externalId: r.id,
        kind: r.parentId ? ("reply" as const) : ("comment" as const),
        authorHandle: "session:bench",
        authorName: r.displayName,
        text: r.text,
        threadExternalId: r.entryId,
        inReplyToExternalId: r.parentId,
        visibility: "visible" as const,
        receivedAt: r.createdAt,
        raw: { source: "website" },
      })),
    );
    batch = [];
    return rows;
  };
  for (const [p, entryId] of entryIds.entries()) {
    const topLevel = PER_POST - REPLIES_PER_POST;
    const base = { orgId: org.id, entryId, status: "visible" as const, netiquetteId: netiquette.id, moderation: [] };
    for (let i = 0; i < topLevel; i++) {
      batch.push({
        ...base,
        authorKind: "citizen",
        displayName: `Bürgerin ${i}`,
        text: `Kommentar ${i} zu Beitrag ${p}: Wie ist das geregelt?`,
        contentHash: randomBytes(16).toString("hex"),
        createdAt: new Date(start + p * 3_600_000 + i * 1000),
      });
    }
    const inserted = (await flush()) ?? [];
    const parents = inserted.slice(0, REPLIES_PER_POST);
    parents.forEach((parent, i) => {
      const staff = i % STAFF_EVERY === 0;
      batch.push({
        ...base,
        parentId: parent.id,
        authorKind: staff ? "staff" : "citizen",
        displayName: staff ? "Antwort der Verwaltung" : `Nachbar ${i}`,
        text: staff ? "Vielen Dank für Ihre Frage, wir kümmern uns." : `Antwort ${i}: Das sehe ich auch so.`,
        contentHash: randomBytes(16).toString("hex"),
        createdAt: new Date(start + p * 3_600_000 + 500_000 + i * 1000),
      });
    });
    await flush();
    if ((p + 1) % 250 === 0) process.stdout.write(`  seeded ${p + 1} posts\r`);
  }
  return { orgId: org.id, entryIds, netiquetteId: netiquette.id };
}

await runOnEveryDatabase("public-page benchmark", runOn);
