// Ingestion benchmark: inbound messages through the whole pipeline (validate, analyse, dedupe, thread,
// route, response-time target, notify) from the connector's hand-over until committed, i.e. visible in
// the inbox, against the raw throughput of inserting the same rows in batches into the same database.
//   (a) throughput: 20,000 messages handed over as fast as the pipeline takes them (batches of 500)
//   (b) latency: messages arriving at 70 % of that rate for 10 s; hand-over → committed, p50/p99
//   (c) reference: the same 20,000 rows inserted raw (no analysis, no threading) in batches of 500
// The messages answer 400 published posts, so each is linked to its post (inbound_messages.post_id).
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL, default local).
import { count, eq, sql } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import { type AppContext, buildAppContext } from "../src/app/context.js";
import { createDepartment } from "../src/app/departments/create-department.js";
import { updateInboxRules } from "../src/app/inbox/inbox-rules.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { conversations, inboundMessages, users } from "../src/db/schema/index.js";
import type { TInboundMessageInput } from "../src/domain/inbound.js";
import { createLogger } from "../src/logger.js";
import { runOnEveryDatabase } from "./support.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const BATCH = 500;
const SYSTEM = { userId: null, label: "bench" };
const TEXTS = [
  "Wann gibt es wieder freie Kita-Plätze im Stadtteil {n}?",
  "Die Mülltonne in der Straße {n} wurde schon wieder nicht geleert.",
  "Vielen Dank für die schnelle Reparatur der Ampel {n}!",
  "Wie lange dauert ein neuer Reisepass zurzeit? Ich brauche ihn bis {n}.",
  "Die Baustelle an der Kreuzung {n} blockiert seit Wochen den Radweg.",
  "Fakt ist, dass {n} Prozent der Anwohner dagegen sind.",
  "Gibt es am Samstag einen Markt auf dem Rathausplatz?",
  "Schöne Fotos vom Stadtfest {n}, weiter so!",
];

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const config = loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const concurrency = database.kind === "postgres" ? 4 : 1;
  const pipelineScene = await setUp(ctx, "pipeline");
  const messages = makeMessages(pipelineScene.accountIds, MESSAGES, "a");
  const started = performance.now();
  await ingestAll(ctx, pipelineScene.orgId, messages, concurrency);
  const seconds = (performance.now() - started) / 1000;
  const throughput = MESSAGES / seconds;
  const [threads] = await ctx.db
    .select({ n: count() })
    .from(conversations)
    .where(eq(conversations.orgId, pipelineScene.orgId));
  console.log(
    `(a) pipeline throughput: ${throughput.toFixed(0)} messages/s (${MESSAGES} in ${seconds.toFixed(1)} s, ${concurrency} ingester(s), batches of ${BATCH}; ${threads?.n} conversations)`,
  );

  const latencies = await measureLatency(ctx, pipelineScene, Math.max(50, throughput * 0.7), concurrency);
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(0);
  console.log(
    `(b) latency at ${(throughput * 0.7).toFixed(0)} messages/s offered for 10 s: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms (hand-over → committed, ${latencies.length} messages)`,
  );

  const rawScene = await setUp(ctx, "raw");
  const rawMessages = makeMessages(rawScene.accountIds, MESSAGES, "r");
  const rawStarted = performance.now();
  // The fastest plain insert we know: the rows as one JSON parameter, no analysis, no threading.
  await runConcurrently(chunks(rawMessages, BATCH), concurrency, async (batch) => {
    const rows = batch.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() }));
    await ctx.db.execute(sql`
      insert into inbound_messages (org_id, channel_account_id, external_id, kind, author_handle, author_name, text, language,
                                    thread_external_id, in_reply_to_external_id, visibility, received_at, raw)
      select ${rawScene.orgId}::uuid, r."channelAccountId", r."externalId", r.kind, r."authorHandle", r."authorName", r.text, r.language,
             r."threadExternalId", r."inReplyToExternalId", r.visibility, r."receivedAt", r.raw
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("channelAccountId" uuid, "externalId" text, kind text, "authorHandle" text,
             "authorName" text, text text, language text, "threadExternalId" text, "inReplyToExternalId" text, visibility text,
             "receivedAt" timestamptz, raw jsonb)`);
  });
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const raw = MESSAGES / rawSeconds;
  console.log(
    `(c) raw batch insert of the same rows (one JSON parameter per batch): ${raw.toFixed(0)} rows/s → pipeline/raw ratio ${(throughput / raw).toFixed(2)}`,
  );
  const [stored] = await ctx.db
    .select({ n: count() })
    .from(inboundMessages)
    .where(eq(inboundMessages.orgId, pipelineScene.orgId));
  const target = database.kind === "postgres" ? 5000 : 1000;
  const ok = stored?.n === MESSAGES + latencies.length;
  console.log(
    `  target ≥ ${target} messages/s: ${throughput >= target ? "met" : "NOT met"}; every message stored once: ${ok ? "yes" : "NO"}`,
  );
  return ok;
}

async function setUp(ctx: AppContext, name: string) {
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: `Benchstadt ${name}`, slug: `bench-${name}-${Date.now()}`, state: "NW" },
  });
  const actor = installationActorIn(org.id, SYSTEM);
  const accountIds: string[] = [];
  for (let i = 0; i < 10; i++)
    accountIds.push(
      (await createChannelAccount(ctx, { actor, orgId: org.id, input: { name: `Kanal ${i + 1}`, network: "sandbox" } }))
        .id,
    );
  const departments = [];
  for (const department of ["Jugendamt", "Abfallwirtschaft", "Tiefbauamt", "Bürgeramt"])
    departments.push((await createDepartment(ctx, { actor, orgId: org.id, input: { name: department } })).id);
  await updateInboxRules(ctx, {
    actor,
    orgId: org.id,
    input: {
      routing: [
        { name: "Kita", keywords: ["Kita"], departmentId: departments[0] },
        { name: "Müll", keywords: ["Müll", "Tonne"], departmentId: departments[1] },
        { name: "Baustelle", keywords: ["Baustelle", "Ampel"], departmentId: departments[2] },
        { name: "Pass", keywords: ["Reisepass", "Ausweis"], departmentId: departments[3] },
      ],
      targets: [{ intent: "question", firstResponseMinutes: 240 }],
      settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14 },
    },
  });
  await publishPosts(ctx, org.id, accountIds);
  return { orgId: org.id, accountIds };
}

/**
 * The 400 posts the messages answer, published on every account (4,000 publications), so ingestion finds the
 * post of each message (inbound_messages.post_id) and the post rollups count them, as in real use.
 */
async function publishPosts(ctx: AppContext, orgId: string, accountIds: string[]) {
  const [author] = await ctx.db
    .insert(users)
    .values({ email: `bench-${orgId}@example.org`, name: "Bench" })
    .returning({ id: users.id });
  await ctx.db.execute(sql`
    with made as (
      insert into posts (org_id, author_user_id, title, body, status, published_at)
      select ${orgId}::uuid, ${author?.id}::uuid, 'Beitrag ' || k, 'Text ' || k, 'published', now()
        from generate_series(0, 399) as k
      returning id, title)
    insert into publications (org_id, post_id, channel_account_id, idempotency_key, status, due_at, next_attempt_at,
                              external_id, published_at, created_at)
    select ${orgId}::uuid, made.id, a.id, made.id || ':' || a.id, 'published', now(), now(),
           'post-' || substr(made.title, 10), now(), now()
      from made cross join unnest(${`{${accountIds.join(",")}}`}::uuid[]) as a(id)`);
}

/** Messages of 5,000 citizens under 400 posts on 10 accounts, so most land in existing conversations. */
function makeMessages(accountIds: string[], n: number, prefix: string, from = Date.now() - 3_600_000) {
  return Array.from({ length: n }, (_, i) => ({
    channelAccountId: accountIds[i % accountIds.length] ?? "",
    externalId: `${prefix}-${i}`,
    kind: "reply" as const,
    authorHandle: `@buerger${(i * 7919) % 5000}`,
    authorName: `Bürger ${(i * 7919) % 5000}`,
    text: (TEXTS[i % TEXTS.length] ?? "").replace("{n}", String(i % 97)),
    language: "de",
    threadExternalId: `post-${i % 400}`,
    inReplyToExternalId: null,
    visibility: "visible" as const,
    receivedAt: new Date(from + i * 10),
    raw: { id: `${prefix}-${i}`, source: "bench" },
  })) satisfies TInboundMessageInput[];
}

async function ingestAll(ctx: AppContext, orgId: string, messages: TInboundMessageInput[], concurrency: number) {
  await runConcurrently(chunks(messages, BATCH), concurrency, (batch) => ingestBatch(ctx, orgId, batch));
}

async function ingestBatch(ctx: AppContext, orgId: string, batch: readonly TInboundMessageInput[]) {
  // A deadlock or serialisation failure between concurrent batches is retried, as a connector would.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction((tx) =>
        ingestMessages(tx, {
          orgId,
          messages: batch,
          analyser: ctx.analyser,
          now: new Date(),
          publicUrl: ctx.publicUrl,
        }),
      );
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Open loop: messages arrive at `rate` per second; ingesters take whatever has arrived (up to a batch). */
async function measureLatency(
  ctx: AppContext,
  scene: { orgId: string; accountIds: string[] },
  rate: number,
  concurrency: number,
): Promise<number[]> {
  const total = Math.round(rate * 10);
  const messages = makeMessages(scene.accountIds, total, "b");
  const queue: { message: TInboundMessageInput; at: number }[] = [];
  const latencies: number[] = [];
  const start = performance.now();
  let offered = 0;
  const producer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    for (; offered < due; offered++)
      queue.push({ message: messages[offered] as TInboundMessageInput, at: performance.now() });
  }, 5);
  const ingester = async () => {
    while (offered < total || queue.length > 0) {
      const batch = queue.splice(0, BATCH);
      if (batch.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      await ingestBatch(
        ctx,
        scene.orgId,
        batch.map((b) => b.message),
      );
      const done = performance.now();
      for (const item of batch) latencies.push(done - item.at);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, ingester));
  clearInterval(producer);
  return latencies.sort((a, b) => a - b);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function runConcurrently<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

await runOnEveryDatabase("Ingestion benchmark", runOn);
