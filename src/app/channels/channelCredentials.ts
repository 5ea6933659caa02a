// Where channel credentials are kept: sealed by the vault (bound to the channel account's id) in
// channel_credentials, opened only for a connector call, never logged and never presented.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { type channelAccounts, channelCredentials } from "../../db/schema/index.js";
import type { ConnectorAccount } from "../../domain/connector.js";
import type { AppContext } from "../context.js";

type AccountRow = Pick<typeof channelAccounts.$inferSelect, "id" | "orgId" | "settings">;

export async function storeCredentials(
  tx: Db | Tx,
  ctx: AppContext,
  args: {
    accountId: string;
    orgId: string;
    credentials: unknown;
    remoteHandle: string | null;
    remoteUrl: string | null;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  const sealed = ctx.credentials.seal(args.credentials, args.accountId);
  const values = {
    ...sealed,
    remoteHandle: args.remoteHandle,
    remoteUrl: args.remoteUrl,
    connectedAt: args.now,
    connectedByUserId: args.userId,
    updatedAt: args.now,
  };
  await tx
    .insert(channelCredentials)
    .values({ channelAccountId: args.accountId, orgId: args.orgId, ...values })
    .onConflictDoUpdate({ target: channelCredentials.channelAccountId, set: values });
}

/** The account's credentials, opened; null when it is not connected. */
export async function openCredentials(db: Db | Tx, ctx: AppContext, accountId: string): Promise<unknown> {
  const [row] = await db.select().from(channelCredentials).where(eq(channelCredentials.channelAccountId, accountId));
  return row ? ctx.credentials.open(row, accountId) : null;
}

/**
 * The account as a connector receives it: settings and, when connected, its opened credentials, with the
 * way to keep credentials the network renewed during the call. A renewal is written at once and outside
 * any transaction of the caller: the network has already spent the old ones.
 */
export async function connectorAccountOf(db: Db | Tx, ctx: AppContext, account: AccountRow): Promise<ConnectorAccount> {
  const credentials = await openCredentials(db, ctx, account.id);
  const renewCredentials = async (renewed: unknown) => {
    await ctx.db
      .update(channelCredentials)
      .set({ ...ctx.credentials.seal(renewed, account.id), updatedAt: ctx.clock() })
      .where(eq(channelCredentials.channelAccountId, account.id));
  };
  const storedCredentials = () => openCredentials(ctx.db, ctx, account.id);
  return {
    id: account.id,
    orgId: account.orgId,
    settings: account.settings,
    ...(credentials === null ? {} : { credentials, renewCredentials, storedCredentials }),
  };
}

export async function wipeCredentials(tx: Db | Tx, accountId: string): Promise<boolean> {
  const deleted = await tx
    .delete(channelCredentials)
    .where(eq(channelCredentials.channelAccountId, accountId))
    .returning({ id: channelCredentials.channelAccountId });
  return deleted.length > 0;
}
