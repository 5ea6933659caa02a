// `draht org add|list`: organisations of this installation.
import type { Command } from "commander";
import { GERMAN_STATES, ZCreateOrganisation, createOrganisation } from "../../app/orgs/create-organisation.js";
import { listOrganisations } from "../../app/orgs/list-organisations.js";
import { CLI_ACTOR, withRuntime } from "../runtime.js";

export function registerOrg(program: Command): void {
  const org = program.command("org").description("manage organisations (municipalities, authorities)");
  org
    .command("add")
    .description("create an organisation")
    .requiredOption("--name <name>", 'display name, e.g. "Stadt Musterstadt"')
    .requiredOption("--slug <slug>", "short lower-case identifier, e.g. musterstadt")
    .requiredOption("--state <code>", `Bundesland: ${GERMAN_STATES.join(", ")}`)
    .action((options: { name: string; slug: string; state: string }) =>
      withRuntime(async ({ ctx }) => {
        const created = await createOrganisation(ctx, {
          actor: CLI_ACTOR,
          input: ZCreateOrganisation.parse({ ...options, state: options.state.toUpperCase() }),
        });
        console.log(`Organisation created: ${created.name} (${created.slug}, id ${created.id})`);
      }),
    );
  org
    .command("list")
    .description("list organisations")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const rows = await listOrganisations(ctx);
        for (const row of rows) console.log(`${row.slug}\t${row.name}\t${row.state}\t${row.id}`);
        if (rows.length === 0) console.log("No organisations yet. Create one with: draht org add");
      }),
    );
}
