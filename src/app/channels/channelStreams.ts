// Live streams of connected network accounts (Mastodon's streaming API) in the worker process: one
// stream per account that can stream and is healthy; an event wakes that account's sync at once (the
// sync fetches from its cursor, so the stream never becomes a second ingestion path). Streams that end
// are reopened at the next reconciliation; a disconnected account's stream is closed. Polling every
// minute goes on regardless, so a silent stream loses nothing.
import { and, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import { channelAccounts, channelCredentials, channelSyncStates } from "../../db/schema/index.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import type { AppContext } from "../context.js";
import { connectorAccountOf } from "./channelCredentials.js";
import { syncChannelInbound } from "./sync-channel-inbound.js";

export interface ChannelStreams {
  /** Opens missing streams and closes unwanted ones; returns how many are open. */
  reconcile(): Promise<number>;
  stop(): void;
}

/** `orgId`: only this organisation's accounts (tests, operator tools); the worker streams for all. */
export function createChannelStreams(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry; debounceMs?: number; orgId?: string },
): ChannelStreams {
  const open = new Map<string, AbortController>();
  const waking = new Map<string, NodeJS.Timeout>();
  const streaming = () => [...deps.connectors.values()].filter((c) => c.streamInbound).map((c) => c.network);

  function wake(accountId: string): void {
    if (waking.has(accountId)) return;
    const timer = setTimeout(() => {
      waking.delete(accountId);
      syncChannelInbound(ctx, deps, { accountIds: [accountId] }).catch((error: unknown) =>
        ctx.log.warn({ channelAccountId: accountId, err: error }, "sync after stream event failed"),
      );
    }, deps.debounceMs ?? 300);
    waking.set(accountId, timer);
  }

  function start(account: typeof channelAccounts.$inferSelect): void {
    const connector = deps.connectors.get(account.network);
    if (!connector?.streamInbound) return;
    const controller = new AbortController();
    open.set(account.id, controller);
    const listen = connector.streamInbound.bind(connector);
    void (async () => {
      try {
        await listen(await connectorAccountOf(ctx.db, ctx, account), () => wake(account.id), controller.signal);
      } catch (error) {
        if (!controller.signal.aborted)
          ctx.log.warn({ channelAccountId: account.id, err: error }, "stream closed with an error; polling goes on");
      } finally {
        if (open.get(account.id) === controller) open.delete(account.id);
      }
    })();
  }

  return {
    async reconcile() {
      const networks = streaming();
      const wanted = networks.length
        ? await ctx.db
            .select({ account: channelAccounts })
            .from(channelAccounts)
            .innerJoin(channelCredentials, eq(channelCredentials.channelAccountId, channelAccounts.id))
            .leftJoin(channelSyncStates, eq(channelSyncStates.channelAccountId, channelAccounts.id))
            .where(
              and(
                inArray(channelAccounts.network, networks),
                deps.orgId ? eq(channelAccounts.orgId, deps.orgId) : undefined,
                isNull(channelAccounts.disabledAt),
                or(
                  isNull(channelSyncStates.status),
                  notInArray(channelSyncStates.status, ["needs_reconnect", "disconnected"]),
                ),
              ),
            )
        : [];
      const ids = new Set(wanted.map((w) => w.account.id));
      for (const [id, controller] of open) {
        if (!ids.has(id)) {
          controller.abort();
          open.delete(id);
        }
      }
      for (const { account } of wanted) if (!open.has(account.id)) start(account);
      return open.size;
    },
    stop() {
      for (const controller of open.values()) controller.abort();
      open.clear();
      for (const timer of waking.values()) clearTimeout(timer);
      waking.clear();
    },
  };
}
