// `draht migrate`: apply pending database migrations.
import type { Command } from "commander";
import { withDatabase } from "../runtime.js";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (also done by serve at start)")
    .action(() =>
      // Needs no key: a migration job may run where the installation's keys are not.
      withDatabase(async (database) => {
        await database.migrate();
        console.log(`Migrations applied (${database.kind}).`);
      }),
    );
}
