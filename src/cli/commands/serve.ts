// `draht serve`: migrate, optionally load demo data, serve API and web UI, shut down gracefully.
import type { Command } from "commander";
import { CLI_ACTOR, describeError, openRuntime, type Runtime } from "../runtime.js";
import { loadDemoData, DEMO_PASSWORD } from "../../app/demo/load-demo-data.js";
import { buildApp } from "../../server/app.js";
import { WEB_ROOT, WIDGET_ROOT } from "../../paths.js";
import { startWorkerFor } from "./worker.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the web server (API and web UI); migrations are applied first")
    .option("--demo", "load the demo organisation Musterstadt if it is not there yet, and print its logins")
    .option("--role <roles>", "what this process does: web, worker or both (comma-separated)", "web,worker")
    .action(async (options: { demo?: boolean; role: string }) => {
      try {
        await serve(options);
      } catch (error) {
        console.error(`draht: ${describeError(error)}`);
        process.exit(1);
      }
    });
}

async function serve(options: { demo?: boolean; role: string }): Promise<void> {
  const roles = new Set(options.role.split(",").map((r) => r.trim()));
  if ([...roles].some((r) => r !== "web" && r !== "worker") || roles.size === 0)
    throw new Error(`--role must be web, worker or both, not "${options.role}"`);
  const runtime = await openRuntime();
  const { config, log, ctx } = runtime;
  let demoLines: string[] = [];
  if (options.demo) {
    const demo = await loadDemoData(ctx, { actor: { ...CLI_ACTOR, label: "system" } });
    demoLines = [
      `Demo data ${demo.created ? "loaded" : "already present"}: Musterstadt. Logins (password for all: ${DEMO_PASSWORD}):`,
      ...demo.logins.map((l) => `  ${l.email.padEnd(34)} ${l.role.padEnd(24)} ${l.organisations.join(", ")}`),
    ];
  }
  let ready = false;
  const { app } = await buildApp({
    config,
    ctx,
    logger: log,
    ping: runtime.database.ping,
    listen: runtime.database.listen,
    webRoot: WEB_ROOT,
    widgetRoot: WIDGET_ROOT,
    isReady: () => ready,
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  ready = true;
  const worker = roles.has("worker") ? startWorkerFor(runtime) : null;
  installShutdown(runtime, app, worker);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const startupMs = Math.round(process.uptime() * 1000);
  const dbLabel = runtime.database.kind === "pglite" ? `embedded PGlite in ${config.DATA_DIR}` : "PostgreSQL server";
  for (const line of demoLines) console.log(line);
  const roleLabel = worker ? "web and publishing worker" : "web only";
  console.log(`draht ready on http://localhost:${port} (${dbLabel}; ${roleLabel}; started in ${startupMs} ms)`);
}

function installShutdown(
  runtime: Runtime,
  app: Awaited<ReturnType<typeof buildApp>>["app"],
  worker: { stop(): Promise<void> } | null,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      runtime.log.error("shutdown timed out; exiting");
      process.exit(1);
    }, runtime.config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await app.close();
      await worker?.stop();
      await runtime.database.close();
      process.exit(0);
    } catch (error) {
      runtime.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
