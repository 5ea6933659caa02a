// `draht worker`: a process that only publishes due posts (run several against a PostgreSQL server).
import type { Command } from "commander";
import { createConnectorRegistry } from "../../channels/registry.js";
import { countOpenPublications } from "../../app/publishing/count-open-publications.js";
import { type PublishWorker, runPublishRound, startPublishWorker } from "../../jobs/publishWorker.js";
import { startScheduler } from "../../jobs/scheduler.js";
import { describeError, openRuntime, type Runtime } from "../runtime.js";
import { metaAppOf } from "../../config.js";

function workerSettings(runtime: Runtime) {
  const { ctx, config } = runtime;
  const connectors = createConnectorRegistry({
    db: ctx.db,
    clock: ctx.clock,
    publicUrl: config.PUBLIC_URL,
    atproto: { plcDirectoryUrl: config.ATPROTO_PLC_URL },
    networkServers: ctx.networkServers,
    meta: metaAppOf(config),
  });
  const options = {
    pollMs: config.WORKER_POLL_MS,
    concurrency: config.WORKER_CONCURRENCY,
    leaseMs: config.WORKER_LEASE_SECONDS * 1000,
  };
  return { connectors, options };
}

/** The publishing worker and the periodic jobs (guideline reviews, inbox escalation and replies, retention) of a worker process. */
export function startWorkerFor(runtime: Runtime): PublishWorker {
  const { connectors, options } = workerSettings(runtime);
  const publisher = startPublishWorker(runtime.ctx, { connectors }, options);
  const scheduler = startScheduler(runtime.ctx, { connectors });
  return {
    runOnce: publisher.runOnce,
    async stop() {
      scheduler.stop();
      await publisher.stop();
    },
  };
}

/** Publishes until nothing is pending or being sent any more (interrupted sends are waited for until their lease ends). */
async function drain(runtime: Runtime): Promise<void> {
  const { connectors, options } = workerSettings(runtime);
  for (;;) {
    const outcomes = await runPublishRound(runtime.ctx, { connectors }, options);
    if (outcomes.length > 0) continue;
    if ((await countOpenPublications(runtime.ctx)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("publish due posts through the channel connectors until stopped (SIGTERM/SIGINT)")
    .option("--exit-when-idle", "stop once no publication is pending or being sent (for cron-style runs and tests)")
    .action(async (options: { exitWhenIdle?: boolean }) => {
      try {
        const runtime = await openRuntime();
        if (options.exitWhenIdle) {
          console.log(`draht worker draining the outbox (${runtime.database.kind})`);
          await drain(runtime);
          await runtime.database.close();
          console.log("draht worker: outbox drained");
          process.exit(0);
        }
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
