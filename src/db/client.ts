// The database client: embedded PGlite (data in DATA_DIR, the zero-setup default) or a PostgreSQL
// server (DATABASE_URL). Both speak the PostgreSQL dialect through the same Drizzle schema.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { type PgDatabase, PgPreparedQuery, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { toDatabaseQueryError } from "./queries/errors.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  /** Cheap liveness query for /readyz. */
  ping(): Promise<void>;
  /**
   * Subscribes to NOTIFY on a channel (delivered after the notifying transaction commits); returns the
   * unsubscribe function. On a server one dedicated connection listens and reconnects when it breaks.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as a tarball (test snapshots). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** dataDir null = in memory; initialData = a dumpDataDir() tarball to start from. */
  | { kind: "pglite"; dataDir: string | null; initialData?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  reportFailedStatementsWithoutValues();
  return target.kind === "postgres"
    ? openPostgres(target.url, target.poolSize ?? 10)
    : openPglite(target.dataDir, target.initialData);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  await pool.query("select 1");
  return {
    db,
    kind: "postgres",
    migrate: () => migrateNodePg(drizzleNodePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await pool.query("select 1");
    },
    listen: (channel, onPayload) => listenOnServer(url, channel, onPayload),
    dumpDataDir: () => Promise.reject(new Error("dumpDataDir is only available on PGlite")),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, initialData?: Blob): Promise<Database> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    // The knowledge base's search uses trigrams (typing errors), as on a server.
    const extensions = { pg_trgm };
    const options = initialData ? { loadDataDir: initialData, extensions } : { extensions };
    const client = dataDir ? new PGlite(path.join(dataDir, "pglite"), options) : new PGlite(options);
    await client.waitReady;
    const drizzleDb = drizzlePglite(client, { schema });
    return {
      db: drizzleDb as unknown as Db,
      kind: "pglite",
      migrate: () => migratePglite(drizzleDb, { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await client.query("select 1");
      },
      listen: async (channel, onPayload) => {
        const unsubscribe = await client.listen(channel, onPayload);
        return async () => {
          if (!client.closed) await unsubscribe();
        };
      },
      dumpDataDir: () => client.dumpDataDir("none"),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

type RunStatement = (queryString: string, params: unknown[], run: () => Promise<unknown>) => Promise<unknown>;
let failedStatementsGuarded = false;

/**
 * Drizzle reports a failed statement as DrizzleQueryError, whose message lists every bound parameter
 * (a citizen's name, text and e-mail address) and whose cause carries them again. Every statement of
 * both drivers passes PgPreparedQuery's queryWithCache (not in Drizzle's type declarations), so its
 * failures are replaced there, once, by a DatabaseQueryError without values: whatever reads an error
 * later — the log, a stored failure reason, the command line — never sees them.
 */
function reportFailedStatementsWithoutValues(): void {
  if (failedStatementsGuarded) return;
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache?: RunStatement };
  const original = prototype.queryWithCache;
  // Fail loudly at start rather than leak quietly when Drizzle's internals change.
  if (typeof original !== "function") throw new Error("drizzle-orm changed: PgPreparedQuery.queryWithCache is gone");
  prototype.queryWithCache = async function (this: unknown, queryString, params, run) {
    try {
      return await original.call(this, queryString, params, run);
    } catch (error) {
      throw toDatabaseQueryError(error);
    }
  };
  failedStatementsGuarded = true;
}

/** A dedicated connection for LISTEN (a pooled one would be handed to other queries). */
async function listenOnServer(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const reconnectSoon = (): void => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectSoon), 1000);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on("error", () => {
      void next.end().catch(() => undefined);
      if (client === next) {
        client = null;
        reconnectSoon();
      }
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** PGlite is single-process: a second process on the same directory would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "draht.lock");
  try {
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (Number.isInteger(holder) && holder !== process.pid && processIsAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use a PostgreSQL server for several processes.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
