// Turning on the networks where the organisation becomes a joint controller with the network (Facebook pages and
// Instagram with Meta, Art. 26 DSGVO; domain/jointControl.ts): off until an administrator turns them on; accounts of
// such a network are created and connected only while it is on, and it is turned off only once none is connected.
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { channelAccounts, channelCredentials, networkEnablements, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { JOINT_CONTROL_NETWORKS, type JointControlNetwork, needsEnabling } from "../../domain/jointControl.js";
import { inOrganisation, organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export interface NetworkEnablement {
  network: JointControlNetwork;
  enabled: boolean;
  enabledAt: Date | null;
  enabledByName: string | null;
}

/** Refuses what would reach a joint-control network the organisation has not turned on (adding, connecting). */
export async function requireNetworkEnabled(db: Pick<Db, "select">, orgId: string, network: string): Promise<void> {
  if (!needsEnabling(network)) return;
  const [row] = await db
    .select({ network: networkEnablements.network })
    .from(networkEnablements)
    .where(and(eq(networkEnablements.orgId, orgId), eq(networkEnablements.network, network)));
  if (!row) throw new AppError("CHANNEL_NETWORK_NOT_ENABLED", { details: { network } });
}

/** Each joint-control network and whether the organisation has turned it on (every member who sees channels). */
export async function listNetworkEnablements(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string },
): Promise<NetworkEnablement[]> {
  requireAllowed(ctx, options.actor, "channel.view", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select({ network: networkEnablements.network, enabledAt: networkEnablements.enabledAt, name: users.name })
    .from(networkEnablements)
    .leftJoin(users, eq(users.id, networkEnablements.enabledBy))
    .where(eq(networkEnablements.orgId, options.orgId));
  return JOINT_CONTROL_NETWORKS.map((network) => {
    const row = rows.find((r) => r.network === network);
    return { network, enabled: Boolean(row), enabledAt: row?.enabledAt ?? null, enabledByName: row?.name ?? null };
  });
}

/** An administrator turns a joint-control network on or off for the organisation (audited; no change: nothing). */
export async function setNetworkEnabled(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; network: string; enabled: boolean },
): Promise<NetworkEnablement> {
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const { network } = options;
  if (!needsEnabling(network)) throw new AppError("NOT_FOUND", { details: { resource: "network" } });
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(networkEnablements.orgId, options.orgId), eq(networkEnablements.network, network));
    const [current] = await tx.select().from(networkEnablements).where(where).for("update");
    if (Boolean(current) === options.enabled) return;
    if (options.enabled) {
      await tx
        .insert(networkEnablements)
        .values({ orgId: options.orgId, network, enabledAt: now, enabledBy: options.actor.userId });
    } else {
      // Off means draht no longer talks to the network for the organisation: its accounts are disconnected first.
      const [connected] = await tx
        .select({ n: count() })
        .from(channelCredentials)
        .innerJoin(channelAccounts, eq(channelAccounts.id, channelCredentials.channelAccountId))
        .where(and(eq(channelAccounts.orgId, options.orgId), eq(channelAccounts.network, network)));
      if ((connected?.n ?? 0) > 0)
        throw new AppError("CHANNEL_NETWORK_IN_USE", { details: { network, connected: connected?.n } });
      await tx.delete(networkEnablements).where(where);
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: options.enabled ? "channel_network.enabled" : "channel_network.disabled",
      target: { type: "organisation", id: options.orgId },
      data: { network },
      occurredAt: now,
    });
  });
  const list = await listNetworkEnablements(ctx, options);
  const result = list.find((n) => n.network === network);
  if (!result) throw new Error("the network vanished from the list");
  return result;
}
