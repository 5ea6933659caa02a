// The database client: embedded PGlite (data in DATA_DIR, the zero-setup default) or a PostgreSQL
// server (DATABASE_URL). Both speak the PostgreSQL dialect through the same Drizzle schema.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
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
  /** PGlite only: the whole data directory as a tarball (test snapshots). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** dataDir null = in memory; initialData = a dumpDataDir() tarball to start from. */
  | { kind: "pglite"; dataDir: string | null; initialData?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, target.poolSize ?? 10) : openPglite(target.dataDir, target.initialData);
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
    dumpDataDir: () => Promise.reject(new Error("dumpDataDir is only available on PGlite")),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, initialData?: Blob): Promise<Database> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const options = initialData ? { loadDataDir: initialData } : {};
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
