// The worker's round for the Veröffentlichung report: the public counters (likes, reposts, replies) of the
// organisation's published items, asked of each channel account's connector in batches and kept per
// publication (publication_metrics) — new items often, older ones more and more rarely (domain/reports/
// countersRefresh.ts), none older than COUNTERS_WINDOW_DAYS. One round per account at a time (a lease across
// processes). An account that is not configured (no credentials where its network needs them, waiting for a
// reconnect, switched off) is not called; an item the network no longer has is marked gone and keeps its last
// counters; a failed call is logged and its items asked again later — nothing fails the round for the others.
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import { tryLeaseLock } from "../../db/queries/leaseLock.js";
import {
  channelAccounts,
  channelCredentials,
  channelSyncStates,
  publicationMetrics,
  publications,
} from "../../db/schema/index.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type ConnectorRegistry,
  type PublishedCounters,
} from "../../domain/connector.js";
import { COUNTERS_WINDOW_DAYS, nextCountersFetch } from "../../domain/reports/countersRefresh.js";
import type { AppContext } from "../context.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";

/** Items one account's round asks about at most (the rest wait for the next round). */
const ITEMS_PER_ROUND = 300;
const LEASE_MS = 2 * 60_000;
/** After a failed call its items are asked again in an hour, so they do not hold up the others. */
const RETRY_AFTER_FAILURE_MS = 3_600_000;
const GONE_RECHECK_MS = 7 * 24 * 3_600_000;

type Account = typeof channelAccounts.$inferSelect;

export interface CountersOutcome {
  accountId: string;
  status: "ok" | "partly_failed" | "failed" | "already_running";
  read: number;
  gone: number;
}

export async function refreshPublicationCounters(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { accountIds?: string[] } = {},
): Promise<CountersOutcome[]> {
  const counting = [...deps.connectors.values()].filter((c) => c.fetchCounters);
  if (counting.length === 0) return [];
  // Networks that need credentials are asked only with them; the website and the sandbox need none.
  const withCredentials = counting.filter((c) => c.capabilities.connect.length > 0).map((c) => c.network);
  const withoutCredentials = counting.filter((c) => c.capabilities.connect.length === 0).map((c) => c.network);
  const accounts = await ctx.db
    .select({ account: channelAccounts })
    .from(channelAccounts)
    .leftJoin(channelSyncStates, eq(channelSyncStates.channelAccountId, channelAccounts.id))
    .where(
      and(
        isNull(channelAccounts.disabledAt),
        options.accountIds ? inArray(channelAccounts.id, options.accountIds) : undefined,
        or(
          withoutCredentials.length ? inArray(channelAccounts.network, withoutCredentials) : undefined,
          withCredentials.length
            ? and(
                inArray(channelAccounts.network, withCredentials),
                sql`exists (select 1 from ${channelCredentials} where ${channelCredentials.channelAccountId} = ${channelAccounts.id})`,
                or(
                  isNull(channelSyncStates.status),
                  notInArray(channelSyncStates.status, ["needs_reconnect", "disconnected"]),
                ),
              )
            : undefined,
        ),
      ),
    );
  const lease = tryLeaseLock(ctx.db, { leaseMs: LEASE_MS });
  const outcomes: CountersOutcome[] = [];
  for (const { account } of accounts) {
    const connector = deps.connectors.get(account.network);
    if (!connector?.fetchCounters) continue;
    const run = await lease(`publication-counters:${account.id}`, () => refreshAccount(ctx, connector, account));
    outcomes.push(run.ran ? run.value : { accountId: account.id, status: "already_running", read: 0, gone: 0 });
  }
  return outcomes;
}

async function refreshAccount(
  ctx: AppContext,
  connector: ChannelConnector,
  account: Account,
): Promise<CountersOutcome> {
  const log = ctx.log.child({ channelAccountId: account.id, orgId: account.orgId });
  const now = ctx.clock();
  const since = new Date(now.getTime() - COUNTERS_WINDOW_DAYS * 24 * 3_600_000);
  const due = await ctx.db
    .select({ id: publications.id, externalId: publications.externalId, publishedAt: publications.publishedAt })
    .from(publications)
    .leftJoin(publicationMetrics, eq(publicationMetrics.publicationId, publications.id))
    .where(
      and(
        eq(publications.channelAccountId, account.id),
        gte(publications.publishedAt, since),
        eq(publications.status, "published"),
        isNull(publications.retractedAt),
        isNotNull(publications.externalId),
        or(isNull(publicationMetrics.nextFetchAt), lte(publicationMetrics.nextFetchAt, now)),
      ),
    )
    .orderBy(sql`${publicationMetrics.nextFetchAt} asc nulls first`, desc(publications.publishedAt))
    .limit(Math.min(ITEMS_PER_ROUND, connector.countersPerRound ?? ITEMS_PER_ROUND));
  const outcome: CountersOutcome = { accountId: account.id, status: "ok", read: 0, gone: 0 };
  if (due.length === 0) return outcome;
  let target: ConnectorAccount;
  try {
    target = await connectorAccountOf(ctx.db, ctx, account);
  } catch (error) {
    log.warn({ err: error }, "could not open the account's credentials for its counters");
    return { ...outcome, status: "failed" };
  }
  const size = Math.max(1, connector.countersPerCall ?? 25);
  for (let start = 0; start < due.length; start += size) {
    const batch = due.slice(start, start + size);
    let counters: PublishedCounters[];
    try {
      counters = await (connector.fetchCounters as NonNullable<ChannelConnector["fetchCounters"]>)(
        target,
        batch.map((p) => p.externalId ?? ""),
      );
    } catch (error) {
      const kind = error instanceof ConnectorError ? error.kind : "unexpected";
      log.warn({ err: error, kind, items: batch.length }, "reading the counters of published items failed");
      await postpone(ctx, account, batch, new Date(now.getTime() + RETRY_AFTER_FAILURE_MS));
      outcome.status = start === 0 && (kind === "auth_expired" || kind === "rate_limited") ? "failed" : "partly_failed";
      // The account's credentials or its quota are the problem: the other batches would fail the same way.
      if (kind === "auth_expired" || kind === "rate_limited") {
        await postpone(ctx, account, due.slice(start + size), new Date(now.getTime() + RETRY_AFTER_FAILURE_MS));
        break;
      }
      continue;
    }
    const found = await store(ctx, account, batch, counters, now);
    outcome.read += found;
    outcome.gone += batch.length - found;
  }
  return outcome;
}

type Due = { id: string; externalId: string | null; publishedAt: Date | null };

/** Writes the readings; items the answer left out are gone (their last counters stay). Returns how many were found. */
async function store(
  ctx: AppContext,
  account: Account,
  batch: Due[],
  counters: PublishedCounters[],
  now: Date,
): Promise<number> {
  const byExternalId = new Map(counters.map((c) => [c.externalId, c]));
  const clean = (n: number) => (Number.isFinite(n) && n > 0 ? Math.min(Math.trunc(n), 2_000_000_000) : 0);
  const read = batch.flatMap((p) => {
    const c = byExternalId.get(p.externalId ?? "");
    if (!c) return [];
    return [
      {
        publicationId: p.id,
        orgId: account.orgId,
        channelAccountId: account.id,
        likes: clean(c.likes),
        reposts: clean(c.reposts),
        replies: clean(c.replies),
        fetchedAt: now,
        goneAt: null,
        nextFetchAt: nextCountersFetch(p.publishedAt ?? now, now),
      },
    ];
  });
  if (read.length > 0)
    await ctx.db
      .insert(publicationMetrics)
      .values(read)
      .onConflictDoUpdate({
        target: publicationMetrics.publicationId,
        set: {
          likes: sql`excluded.likes`,
          reposts: sql`excluded.reposts`,
          replies: sql`excluded.replies`,
          fetchedAt: sql`excluded.fetched_at`,
          goneAt: sql`null`,
          nextFetchAt: sql`excluded.next_fetch_at`,
        },
      });
  const gone = batch.filter((p) => !byExternalId.has(p.externalId ?? ""));
  if (gone.length > 0)
    await ctx.db
      .insert(publicationMetrics)
      .values(
        gone.map((p) => ({
          publicationId: p.id,
          orgId: account.orgId,
          channelAccountId: account.id,
          goneAt: now,
          nextFetchAt: new Date(now.getTime() + GONE_RECHECK_MS),
        })),
      )
      .onConflictDoUpdate({
        target: publicationMetrics.publicationId,
        set: { goneAt: sql`excluded.gone_at`, nextFetchAt: sql`excluded.next_fetch_at` },
      });
  return read.length;
}

/** A failed call's items wait before they are asked again (their counters stay as they were). */
async function postpone(ctx: AppContext, account: Account, batch: Due[], until: Date): Promise<void> {
  if (batch.length === 0) return;
  await ctx.db
    .insert(publicationMetrics)
    .values(
      batch.map((p) => ({
        publicationId: p.id,
        orgId: account.orgId,
        channelAccountId: account.id,
        nextFetchAt: until,
      })),
    )
    .onConflictDoUpdate({
      target: publicationMetrics.publicationId,
      set: { nextFetchAt: sql`excluded.next_fetch_at` },
    });
}
