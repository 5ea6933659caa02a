// Inbound syncing of connected network accounts (the worker, every minute): each account's connector
// fetches what arrived after the stored cursor; new items go through the one ingestion path, edits and
// deletions update the inbox, and the cursor moves in the same transaction — so a restart resumes from
// the last committed cursor, and an item fetched twice is stored once (channel account, external id).
// One sync per account runs at a time (a lease across processes). Failures do not pass silently: an
// expired token marks the account "needs reconnect" and tells its accountable person; outages back off
// and turn into a visible warning after three failed rounds.
import { and, desc, eq, gte, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { tryLeaseLock } from "../../db/queries/leaseLock.js";
import { channelAccounts, channelCredentials, channelSyncStates, inboundMessages } from "../../db/schema/index.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type ConnectorRegistry,
  type InboundPage,
} from "../../domain/connector.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { applyInboundChanges } from "../inbox/applyInboundChanges.js";
import { hideOnNetwork } from "../moderation/hide-on-network.js";
import { connectorAccountOf } from "./channelCredentials.js";
import { recordFailedRound } from "./channelHealth.js";
import { loadManagedAccount } from "./connect-channel-account.js";

const MAX_PAGES_PER_ROUND = 20;
/** The sync's lease on its account; renewed while the sync runs, so it only runs out when its process died. */
const SYNC_LEASE_MS = 2 * 60_000;

type Account = typeof channelAccounts.$inferSelect;

export interface SyncOutcome {
  accountId: string;
  /** already_running: another sync of the account (timer, stream event, another worker) holds its lease. */
  status: "ok" | "warning" | "needs_reconnect" | "already_running";
  received: number;
  error?: string;
}

/** Syncs every connected account that is due (or the given ones, due or not). */
export async function syncChannelInbound(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { accountIds?: string[] } = {},
): Promise<SyncOutcome[]> {
  const now = ctx.clock();
  const polling = [...deps.connectors.values()].filter((c) => c.fetchInbound).map((c) => c.network);
  if (polling.length === 0) return [];
  const due = await ctx.db
    .select({ account: channelAccounts })
    .from(channelAccounts)
    .innerJoin(channelCredentials, eq(channelCredentials.channelAccountId, channelAccounts.id))
    .leftJoin(channelSyncStates, eq(channelSyncStates.channelAccountId, channelAccounts.id))
    .where(
      and(
        inArray(channelAccounts.network, polling),
        isNull(channelAccounts.disabledAt),
        options.accountIds
          ? inArray(channelAccounts.id, options.accountIds)
          : and(
              or(
                isNull(channelSyncStates.status),
                notInArray(channelSyncStates.status, ["needs_reconnect", "disconnected"]),
              ),
              or(isNull(channelSyncStates.nextSyncAt), lte(channelSyncStates.nextSyncAt, now)),
            ),
      ),
    );
  const outcomes: SyncOutcome[] = [];
  const lease = tryLeaseLock(ctx.db, { leaseMs: SYNC_LEASE_MS });
  for (const { account } of due) {
    const connector = deps.connectors.get(account.network);
    if (!connector?.fetchInbound) continue;
    // One sync per account at a time, across processes: a second one would fetch the same page again
    // and act on the network twice (hiding, deletions) — it steps aside instead.
    const run = await lease(`channel-sync:${account.id}`, () => syncAccount(ctx, connector, account));
    outcomes.push(run.ran ? run.value : { accountId: account.id, status: "already_running", received: 0 });
  }
  return outcomes;
}

/** "Jetzt abrufen": one account, due or not, by a person who may manage it. */
export async function syncChannelNow(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string },
): Promise<SyncOutcome | null> {
  await loadManagedAccount(ctx, deps, options);
  const [outcome] = await syncChannelInbound(ctx, deps, { accountIds: [options.accountId] });
  return outcome ?? null;
}

async function syncAccount(ctx: AppContext, connector: ChannelConnector, account: Account): Promise<SyncOutcome> {
  const log = ctx.log.child({ channelAccountId: account.id, orgId: account.orgId });
  const [state] = await ctx.db
    .select()
    .from(channelSyncStates)
    .where(eq(channelSyncStates.channelAccountId, account.id));
  let cursor = state?.cursor ?? null;
  let received = 0;
  try {
    const target = await connectorAccountOf(ctx.db, ctx, account);
    for (let page = 0; page < MAX_PAGES_PER_ROUND; page++) {
      const result: InboundPage = await (connector.fetchInbound as NonNullable<ChannelConnector["fetchInbound"]>)(
        target,
        cursor,
      );
      const now = ctx.clock();
      received += await ctx.db.transaction(async (tx) => {
        const stored = await applyInboundChanges(tx, ctx, { account, changes: result.changes, now });
        await saveSuccess(tx, { account, cursor: result.cursor, page: result, received: stored, now });
        return stored;
      });
      cursor = result.cursor;
      if (result.skipped) log.info({ skipped: result.skipped }, "inbound items left out by the connector");
      if (!result.more) break;
    }
    await hideOnNetwork(ctx, { connector, target, orgId: account.orgId }).catch((error: unknown) =>
      log.warn({ err: error }, "hiding on the network failed"),
    );
    await markRemoteDeletions(ctx, connector, target, account);
    return { accountId: account.id, status: "ok", received };
  } catch (error) {
    const failure =
      error instanceof ConnectorError
        ? error
        : new ConnectorError("transient", error instanceof Error ? error.message : String(error), { cause: error });
    if (!(error instanceof ConnectorError)) log.error({ err: error }, "unexpected error while syncing");
    const status = await recordFailedRound(ctx, {
      account,
      failure,
      previousFailures: state?.consecutiveFailures ?? 0,
      previousStatus: state?.status ?? "never_synced",
    });
    log.warn({ kind: failure.kind, status }, "inbound sync failed");
    return { accountId: account.id, status, received, error: `${failure.kind}: ${failure.message}` };
  }
}

/**
 * Networks do not notify deletions: each round asks about some of the account's citizens' items that are
 * still shown — of the last 14 days, those never asked about first, then those asked about longest ago —
 * so new items are looked at at once and older ones in turn. Gone ones are marked deleted (the inbox hides
 * them, moderation evidence stays).
 */
const DELETION_WINDOW_DAYS = 14;

async function markRemoteDeletions(
  ctx: AppContext,
  connector: ChannelConnector,
  target: ConnectorAccount,
  account: Account,
): Promise<void> {
  if (!connector.findDeleted) return;
  const now = ctx.clock();
  const since = new Date(now.getTime() - DELETION_WINDOW_DAYS * 24 * 3_600_000);
  const due = await ctx.db
    .select({ externalId: inboundMessages.externalId })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.channelAccountId, account.id),
        inArray(inboundMessages.visibility, ["visible", "held", "hidden"]),
        gte(inboundMessages.receivedAt, since),
      ),
    )
    .orderBy(sql`${inboundMessages.remoteCheckedAt} asc nulls first`, desc(inboundMessages.receivedAt))
    .limit(connector.deletionChecksPerRound ?? 25);
  if (due.length === 0) return;
  const ids = due.map((r) => r.externalId);
  let gone: string[];
  try {
    gone = await connector.findDeleted(target, ids);
  } catch (error) {
    // The items arrived; a failed look for deletions waits for the next round.
    ctx.log.warn({ channelAccountId: account.id, err: error }, "could not check for deleted items");
    return;
  }
  const mine = and(eq(inboundMessages.channelAccountId, account.id), inArray(inboundMessages.externalId, ids));
  await ctx.db.update(inboundMessages).set({ remoteCheckedAt: now }).where(mine);
  if (gone.length > 0)
    await ctx.db
      .update(inboundMessages)
      .set({ visibility: "deleted" })
      .where(and(eq(inboundMessages.channelAccountId, account.id), inArray(inboundMessages.externalId, gone)));
}

async function saveSuccess(
  tx: Tx,
  args: { account: Account; cursor: string | null; page: InboundPage; received: number; now: Date },
): Promise<void> {
  const values = {
    status: "ok" as const,
    cursor: args.cursor,
    lastAttemptAt: args.now,
    lastSuccessAt: args.now,
    lastErrorKind: null,
    lastErrorMessage: null,
    consecutiveFailures: 0,
    rateLimitRemaining: args.page.rateLimit?.remaining ?? null,
    rateLimitResetAt: args.page.rateLimit?.resetAt ?? null,
    nextSyncAt: null,
    updatedAt: args.now,
  };
  await tx
    .insert(channelSyncStates)
    .values({ channelAccountId: args.account.id, orgId: args.account.orgId, ...values, itemsReceived: args.received })
    .onConflictDoUpdate({
      target: channelSyncStates.channelAccountId,
      set: { ...values, itemsReceived: sql`${channelSyncStates.itemsReceived} + ${args.received}` },
    });
}
