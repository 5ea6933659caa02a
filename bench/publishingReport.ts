// Veröffentlichung report benchmark (issue #18): a large organisation's year of publishing, written in bulk —
// BENCH_PUBLISHING_POSTS posts (default 30,000) on two of ten channel accounts each (60,000 publications with
// their counters and approvals), a #24hPolizei-style marathon of 1,645 posts on three accounts in 24 hours, and
// BENCH_PUBLISHING_MESSAGES citizens' messages (default 1,000,000) of which 20,000 answer the marathon — then the
// report asked 20 times per period and filter through its use case: p50 and p95; goal p95 < 200 ms on PostgreSQL,
// < 1 s on PGlite. Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL).
import { buildAppContext } from "../src/app/context.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { MARATHON, MESSAGES, POSTS, bulkYear, scene, timeReport } from "./publishingYear.js";
import { runOnEveryDatabase } from "./support.js";

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const config = loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const s = await scene(ctx);
  const started = performance.now();
  await bulkYear(ctx, s);
  console.log(
    `${POSTS} posts + a marathon of ${MARATHON}, ${MESSAGES} messages written in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return timeReport(ctx, s, database.kind);
}

await runOnEveryDatabase("Veröffentlichung report benchmark", runOn);
