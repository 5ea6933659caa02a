// Shared by the benchmarks: running on PGlite and on a fresh database of the PostgreSQL server.
import os from "node:os";
import pg from "pg";
import { type AppContext, buildAppContext } from "../src/app/context.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import { type Database, openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";

export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function freshServerDatabase(url: string) {
  const name = `draht_bench_${Date.now()}`;
  if (process.env.BENCH_KEEP === "1") console.log(`database ${name}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: target.toString(), poolSize: 10 });
  const drop = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  return { database, drop };
}

/**
 * Runs a benchmark on embedded PGlite and, when reachable, on a fresh database of the PostgreSQL server
 * (BENCH_DATABASE_URL, default the local one); exits non-zero when any run reports failure.
 * BENCH_DATABASES=pglite or =postgres runs on that one only (to iterate on one database).
 */
export async function runOnEveryDatabase(
  title: string,
  runOn: (label: string, database: Database) => Promise<boolean>,
): Promise<never> {
  console.log(`${title} on ${os.cpus()[0]?.model ?? "?"} (${os.cpus().length} cores), node ${process.version}`);
  const targets: { label: string; open: () => Promise<{ database: Database; drop?: () => Promise<void> }> }[] = [
    {
      label: "PGlite (embedded)",
      open: async () => ({ database: await openDatabase({ kind: "pglite", dataDir: null }) }),
    },
  ];
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (await reachable(serverUrl))
    targets.push({ label: "PostgreSQL server", open: () => freshServerDatabase(serverUrl) });
  else console.log(`PostgreSQL at ${serverUrl} not reachable: server figures skipped`);
  const only = process.env.BENCH_DATABASES?.split(",").map((d) => d.trim());
  const chosen = targets.filter((t) => !only || only.some((d) => t.label.toLowerCase().includes(d.toLowerCase())));
  if (chosen.length === 0)
    throw new Error(`BENCH_DATABASES=${process.env.BENCH_DATABASES}: no such database (pglite, postgres)`);
  let failed = false;
  for (const target of chosen) {
    const { database, drop } = await target.open();
    try {
      await database.migrate();
      failed = !(await runOn(target.label, database)) || failed;
    } finally {
      await database.close();
      // BENCH_KEEP=1 leaves the server's database for a look with EXPLAIN (its name is printed).
      if (process.env.BENCH_KEEP === "1") console.log(`kept: ${target.label}`);
      else await drop?.();
    }
  }
  process.exit(failed ? 1 : 0);
}

/** An application context on a bench database: quick password hashing, no log. */
export async function benchContext(database: Database): Promise<AppContext> {
  const config = loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  return buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
}

/** Timings of `runs` calls after ten warm-up calls: p50 and p95 in ms, and the rows each returned on average. */
export async function measure(runs: number, once: (i: number) => Promise<number>, warmup = 10) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const n = await once(i);
    if (i >= warmup) {
      times.push(performance.now() - t0);
      rows += n;
    }
  }
  times.sort((a, b) => a - b);
  const pct = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1);
  return { p50: pct(0.5), p95: pct(0.95), rows: (rows / runs).toFixed(1) };
}
