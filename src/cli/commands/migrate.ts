// `draht migrate`: apply pending database migrations.
import type { Command } from "commander";
import { withRuntime } from "../runtime.js";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (also done by serve at start)")
    .action(() =>
      withRuntime(async ({ database }) => {
        await database.migrate();
        console.log(`Migrations applied (${database.kind}).`);
      }),
    );
}
