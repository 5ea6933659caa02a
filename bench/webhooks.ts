// Webhook intake benchmark: signed deliveries (one citizen's comment each, in Meta's page protocol as the
// sandbox network speaks it) sent over loopback to the real Fastify app's webhook endpoint by 8 senders at
// once from a child process; each is answered after its commit, so the request's time is hand-over →
// committed in the inbox. Prints events per second into the inbox and p50/p99 per request, checks that every
// message was stored once, and that sending 500 of them again stores nothing.
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { setUpWebhook } from "../src/app/channels/channel-webhook.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import { buildAppContext } from "../src/app/context.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { metaSignature } from "../src/channels/meta/metaWebhooks.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { inboundMessages } from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { buildApp } from "../src/server/app.js";
import { runOnEveryDatabase } from "./support.js";

const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 5_000);
const CONCURRENCY = 8;
const SECRET = "bench-app-secret-0123456789abcdef";
const SYSTEM = { userId: null, label: "bench" };
const TEXTS = [
  "Wann wird die Laterne in der Straße {n} repariert?",
  "Danke für die schnelle Hilfe beim Antrag!",
  "Die Mülltonnen in der Siedlung {n} wurden nicht geleert.",
  "Gibt es am Wochenende einen Markt auf dem Platz {n}?",
];

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const config = loadConfig({ LOG_LEVEL: "silent", ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: "Webhookstadt", slug: `webhook-${Date.now()}`, state: "NW" },
  });
  const actor = installationActorIn(org.id, SYSTEM);
  const account = await createChannelAccount(ctx, {
    actor,
    orgId: org.id,
    input: { name: "Seite der Stadt", network: "sandbox" },
  });
  const connectors = createConnectorRegistry({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
  await setUpWebhook(ctx, { connectors }, { actor, orgId: org.id, accountId: account.id, secret: SECRET });
  const { app } = await buildApp({
    config,
    ctx,
    connectors,
    logger: createLogger({ level: "silent" }),
    ping: database.ping,
    listen: database.listen,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const url = `http://127.0.0.1:${address.port}/api/webhooks/sandbox/${account.id}`;
  try {
    const time = Math.floor(Date.now() / 1000);
    const deliveries = Array.from({ length: DELIVERIES }, (_, i) => {
      const body = JSON.stringify({
        object: "page",
        entry: [
          {
            id: "1001",
            time,
            changes: [
              {
                field: "feed",
                value: {
                  from: { id: `citizen-${(i * 7919) % 2000}`, name: "Bürgerin" },
                  item: "comment",
                  comment_id: `777_${i}`,
                  post_id: `1001_${i % 50}`,
                  verb: "add",
                  created_time: time,
                  message: (TEXTS[i % TEXTS.length] ?? "").replace("{n}", String(i % 97)),
                },
              },
            ],
          },
        ],
      });
      return { body, signature: metaSignature(body, SECRET) };
    });
    const run = await send(url, deliveries);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const pct = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
    const stored = async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(inboundMessages)
          .where(eq(inboundMessages.channelAccountId, account.id))
      )[0]?.n ?? 0;
    const first = await stored();
    console.log(
      `(a) webhook intake: ${(DELIVERIES / run.seconds).toFixed(0)} events/s into the inbox (${DELIVERIES} signed deliveries, ${CONCURRENCY} senders, ${run.seconds.toFixed(1)} s); per request p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms (sent → committed)`,
    );
    const replay = await send(url, deliveries.slice(0, 500));
    const second = await stored();
    console.log(
      `(b) 500 of them again: ${(500 / replay.seconds).toFixed(0)} requests/s, answered 200, stored nothing new: ${second === first ? "yes" : "NO"}`,
    );
    const ok = run.failed === 0 && replay.failed === 0 && first === DELIVERIES && second === first;
    console.log(`  every delivery stored once: ${ok ? "yes" : `NO (${first} stored, ${run.failed} failed)`}`);
    return ok;
  } finally {
    await app.close();
  }
}

function send(
  url: string,
  deliveries: { body: string; signature: string }[],
): Promise<{ latencies: number[]; failed: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./webhookSender.mjs", import.meta.url)));
    child.once("message", (result) => resolve(result as { latencies: number[]; failed: number; seconds: number }));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`sender exited with ${code}`))));
    child.send({ url, deliveries, concurrency: CONCURRENCY });
  });
}

await runOnEveryDatabase("Webhook intake benchmark", runOn);
