// A channel account's health as people see it: a failed round with its network (sync, publication, reply) is
// recorded by the rule in domain/channelHealth.ts, and the accountable people hear about it when the account
// turns bad. Its own module so that syncing, publishing and answering can all record failures without
// importing one another.
import { eq } from "drizzle-orm";
import { channelAccounts, channelSyncStates, userNotifications } from "../../db/schema/index.js";
import { type HealthAfterFailure, healthAfterFailure } from "../../domain/channelHealth.js";
import type { ConnectorError } from "../../domain/connector.js";
import type { AppContext } from "../context.js";
import { accountablePeople } from "./accountablePeople.js";

type Account = typeof channelAccounts.$inferSelect;

/**
 * A publication or reply found the account's credentials refused: the account needs reconnecting,
 * visibly, and its accountable person hears about it — not only the next sync.
 */
export async function recordCredentialsRefused(
  ctx: AppContext,
  args: { channelAccountId: string; failure: ConnectorError },
): Promise<void> {
  const [account] = await ctx.db.select().from(channelAccounts).where(eq(channelAccounts.id, args.channelAccountId));
  if (!account) return;
  const [state] = await ctx.db
    .select()
    .from(channelSyncStates)
    .where(eq(channelSyncStates.channelAccountId, account.id));
  await recordFailedRound(ctx, {
    account,
    failure: args.failure,
    previousFailures: state?.consecutiveFailures ?? 0,
    previousStatus: state?.status ?? "never_synced",
  });
}

/** Records a failed round with the network and tells the accountable people when the account turned bad. */
export async function recordFailedRound(
  ctx: AppContext,
  args: {
    account: Account;
    failure: ConnectorError;
    previousFailures: number;
    previousStatus: (typeof channelSyncStates.$inferSelect)["status"];
  },
): Promise<HealthAfterFailure["status"]> {
  const now = ctx.clock();
  const health = healthAfterFailure({
    kind: args.failure.kind,
    retryAfterMs: args.failure.retryAfterMs,
    previousFailures: args.previousFailures,
    previousStatus: args.previousStatus,
    random: Math.random(),
  });
  await ctx.db.transaction(async (tx) => {
    const values = {
      status: health.status,
      lastAttemptAt: now,
      lastErrorAt: now,
      lastErrorKind: args.failure.kind,
      lastErrorMessage: args.failure.message.slice(0, 500),
      consecutiveFailures: health.consecutiveFailures,
      nextSyncAt: health.retryInMs === null ? null : new Date(now.getTime() + health.retryInMs),
      updatedAt: now,
    };
    await tx
      .insert(channelSyncStates)
      .values({ channelAccountId: args.account.id, orgId: args.account.orgId, ...values })
      .onConflictDoUpdate({ target: channelSyncStates.channelAccountId, set: values });
    if (!health.turnedBad) return;
    const people = await accountablePeople(tx, {
      channelAccountId: args.account.id,
      accountableUserId: args.account.accountableUserId,
    });
    if (people.length > 0)
      await tx.insert(userNotifications).values(
        people.map((userId) => ({
          orgId: args.account.orgId,
          userId,
          kind: "channel_health" as const,
          channelAccountId: args.account.id,
          actorLabel: "system",
          createdAt: now,
        })),
      );
  });
  return health.status;
}
