// The publishing worker: claims due publications from the outbox and hands them to the connectors,
// a few at a time, until stopped. Several worker processes may run against one PostgreSQL server.
import { claimDuePublications } from "../app/publishing/claim-due-publications.js";
import { type DeliveryOutcome, recordOutcomes } from "../app/publishing/record-outcomes.js";
import { type SendResult, sendPublication } from "../app/publishing/send-publication.js";
import type { ClaimedPublication } from "../app/publishing/claim-due-publications.js";
import type { AppContext } from "../app/context.js";
import type { ConnectorRegistry } from "../domain/connector.js";

export interface PublishWorkerOptions {
  pollMs: number;
  batchSize: number;
  concurrency: number;
  /** How long a claim lasts before another worker may recover the publication. */
  leaseMs: number;
}

export const DEFAULT_WORKER_OPTIONS: PublishWorkerOptions = {
  pollMs: 1000,
  batchSize: 20,
  concurrency: 4,
  leaseMs: 60_000,
};

export interface PublishWorker {
  /** One round: claim a batch and deliver it; returns what happened to each. */
  runOnce(): Promise<DeliveryOutcome[]>;
  stop(): Promise<void>;
}

/** One round: claim a batch of due publications, send them `concurrency` at a time, record the outcomes. */
export async function runPublishRound(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry; random?: () => number },
  options: Partial<PublishWorkerOptions> = {},
): Promise<DeliveryOutcome[]> {
  const settings = { ...DEFAULT_WORKER_OPTIONS, ...options };
  const claimed = await claimDuePublications(ctx, { limit: settings.batchSize, leaseMs: settings.leaseMs });
  const results: { claimed: ClaimedPublication; result: SendResult }[] = [];
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const item = claimed[next++];
      if (item) results.push({ claimed: item, result: await sendPublication(ctx, deps, item) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, claimed.length) }, lane));
  // The round's successes are recorded together: one transaction instead of one per publication.
  return recordOutcomes(ctx, deps, results);
}

export function startPublishWorker(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: Partial<PublishWorkerOptions> = {},
): PublishWorker {
  const settings = { ...DEFAULT_WORKER_OPTIONS, ...options };
  let running = true;
  let wake: (() => void) | null = null;

  const runOnce = () => runPublishRound(ctx, deps, settings);

  const loop = (async () => {
    while (running) {
      let worked = 0;
      try {
        worked = (await runOnce()).length;
      } catch (error) {
        ctx.log.error({ err: error }, "publish worker round failed");
      }
      if (worked === 0 && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, settings.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  })();

  return {
    runOnce,
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
