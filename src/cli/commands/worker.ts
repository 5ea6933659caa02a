// `draht worker`: a process that only publishes due posts (run several against a PostgreSQL server).
import type { Command } from "commander";
import { createConnectorRegistry } from "../../channels/registry.js";
import { type PublishWorker, startPublishWorker } from "../../jobs/publishWorker.js";
import { describeError, openRuntime, type Runtime } from "../runtime.js";

export function startWorkerFor(runtime: Runtime): PublishWorker {
  const { ctx, config } = runtime;
  const connectors = createConnectorRegistry({ db: ctx.db, clock: ctx.clock, publicUrl: config.PUBLIC_URL });
  return startPublishWorker(ctx, { connectors }, {
    pollMs: config.WORKER_POLL_MS,
    concurrency: config.WORKER_CONCURRENCY,
    leaseMs: config.WORKER_LEASE_SECONDS * 1000,
  });
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("publish due posts through the channel connectors until stopped (SIGTERM/SIGINT)")
    .action(async () => {
      try {
        const runtime = await openRuntime();
        const worker = startWorkerFor(runtime);
        console.log(`draht worker ready (${runtime.database.kind}, polling every ${runtime.config.WORKER_POLL_MS} ms)`);
        const stop = async () => {
          await worker.stop();
          await runtime.database.close();
          process.exit(0);
        };
        process.once("SIGTERM", () => void stop());
        process.once("SIGINT", () => void stop());
      } catch (error) {
        console.error(`draht: ${describeError(error)}`);
        process.exit(1);
      }
    });
}
