// A database of the test's own, for tests that run `draht` as a child process against it: a PGlite data
// directory, or with TEST_DATABASE_URL a fresh database on the server. Created before, dropped after.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.js";
import { uniqueSuffix } from "./factories.js";

export interface OwnDatabase {
  /** Environment for a child process: DATABASE_URL or DATA_DIR. */
  env: Record<string, string>;
  open(): Promise<Database>;
  create(): Promise<void>;
  drop(): Promise<void>;
}

export function ownDatabase(serverUrl: string | undefined | null, prefix: string): OwnDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), `draht-${prefix}-`));
  const name = `draht_${prefix}_${Date.now()}_${uniqueSuffix()}`;
  const databaseUrl = serverUrl ? withDatabase(serverUrl, name) : null;
  const onServer = async (statement: string) => {
    if (!serverUrl) return;
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  return {
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir, DATABASE_URL: "" },
    open: () =>
      databaseUrl
        ? openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 2 })
        : openDatabase({ kind: "pglite", dataDir }),
    create: () => onServer(`CREATE DATABASE ${name}`),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
