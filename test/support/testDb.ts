// Opens the database a test file runs against: a private PGlite loaded from the migrated snapshot,
// or the run's fresh database on the PostgreSQL server (TEST_DATABASE_URL).
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";

export async function openTestDatabase(): Promise<Database> {
  const url = inject("databaseUrl");
  if (url) return openDatabase({ kind: "postgres", url, poolSize: 4 });
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("test setup provided neither a database URL nor a PGlite snapshot");
  return openDatabase({ kind: "pglite", dataDir: null, initialData: new Blob([readFileSync(snapshot)]) });
}

export function testDatabaseKind(): "postgres" | "pglite" {
  return inject("databaseUrl") ? "postgres" : "pglite";
}
