// `draht demo`: load the demo organisations and people.
import type { Command } from "commander";
import { DEMO_PASSWORD, loadDemoData } from "../../app/demo/load-demo-data.js";
import { CLI_ACTOR, withRuntime } from "../runtime.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load demo data (Musterstadt and Landkreis Beispiel); does nothing if already loaded")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const result = await loadDemoData(ctx, { actor: CLI_ACTOR });
        console.log(result.created ? "Demo data loaded." : "Demo data was already loaded; nothing changed.");
        console.log(`Logins (password for all: ${DEMO_PASSWORD}):`);
        for (const login of result.logins) console.log(`  ${login.email}  ${login.role}`);
      }),
    );
}
