// Opens the database a test file runs against: a private PGlite loaded from the migrated snapshot,
// or the run's fresh database on the PostgreSQL server (TEST_DATABASE_URL).
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";

/**
 * `snapshot: "demo"`: a private PGlite holding the demo as the browser tests' run setup loaded it once
 * (test/e2e/demoSnapshot.ts); only where that setup ran.
 */
export async function openTestDatabase(options: { snapshot?: "migrated" | "demo" } = {}): Promise<Database> {
  if (options.snapshot === "demo") {
    const demo = inject("demoSnapshot");
    if (!demo) throw new Error("no demo snapshot: the run's setup did not load the demo (test/e2e/demoSnapshot.ts)");
    return openDatabase({ kind: "pglite", dataDir: null, initialData: new Blob([readFileSync(demo)]) });
  }
  const url = inject("databaseUrl");
  if (url) return openDatabase({ kind: "postgres", url, poolSize: 4 });
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("test setup provided neither a database URL nor a PGlite snapshot");
  return openDatabase({ kind: "pglite", dataDir: null, initialData: new Blob([readFileSync(snapshot)]) });
}

export function testDatabaseKind(): "postgres" | "pglite" {
  return inject("databaseUrl") ? "postgres" : "pglite";
}
