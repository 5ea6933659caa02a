// Browser-test run setup: the demo loaded once, with the clock at DEMO_NOW, into a PGlite data-dir snapshot.
// Test files whose clock starts at DEMO_NOW serve a copy of it (serveDemoApp) instead of loading the demo
// themselves, which takes about 45 s a file on a 2-core machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadDemoData } from "../../src/app/demo/load-demo-data.js";
import { openDatabase } from "../../src/db/client.js";
import { buildTestContext } from "../support/factories.js";

declare module "vitest" {
  export interface ProvidedContext {
    demoSnapshot: string | null;
  }
}

/** Wednesday 2 December 2026, 10:00 in Berlin: the demo's year of history runs up to this day. */
export const DEMO_NOW = new Date("2026-12-02T09:00:00Z");

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "draht-demo-"));
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await database.migrate();
    const ctx = buildTestContext(database.db, { clock: () => DEMO_NOW });
    await loadDemoData(ctx, { actor: { userId: null, label: "test" } });
    const dump = await database.dumpDataDir();
    const file = path.join(dir, "demo.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("demoSnapshot", file);
  } finally {
    await database.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
