// Prepares the database for one test run: on PGlite a migrated data-dir snapshot that every test
// file loads (fast, isolated); with TEST_DATABASE_URL a fresh database on that server, dropped at the end.
import { randomBytes } from "node:crypto";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteSnapshot: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return setupServerDatabase(project, serverUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "draht-test-"));
  const template = await openDatabase({ kind: "pglite", dataDir: null });
  await template.migrate();
  const dump = await template.dumpDataDir();
  await template.close();
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseUrl", null);
  project.provide("pgliteSnapshot", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupServerDatabase(project: TestProject, serverUrl: string) {
  const name = `draht_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
  await database.migrate();
  await database.close();
  project.provide("databaseUrl", url.toString());
  project.provide("pgliteSnapshot", null);
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
