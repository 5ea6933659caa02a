#!/usr/bin/env node
// The `draht` command.
import { Command } from "commander";
import { registerAudit } from "./commands/audit.js";
import { registerClassify } from "./commands/classify.js";
import { registerCredentials } from "./commands/credentials.js";
import { registerDemo } from "./commands/demo.js";
import { registerExportDecisions } from "./commands/exportDecisions.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerOrg } from "./commands/org.js";
import { registerServe } from "./commands/serve.js";
import { registerUser } from "./commands/user.js";
import { registerWorker } from "./commands/worker.js";

const program = new Command("draht")
  .description("draht — social media as a dialogue between citizens and their administration")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(`draht: ${text.replace(/^error: /, "")}`) });

registerServe(program);
registerMigrate(program);
registerDemo(program);
registerOrg(program);
registerUser(program);
registerAudit(program);
registerWorker(program);
registerClassify(program);
registerCredentials(program);
registerExportDecisions(program);

await program.parseAsync(process.argv);
