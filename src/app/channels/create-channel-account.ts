// Registers a channel account with its owner, limits and approval rules; a network server it names must
// be one draht may reach (requireAllowedServer.ts).
import { channelAccounts } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { scoped } from "../../domain/policy.js";
import { ownSettingsOf, settingsSchemaOf } from "../../domain/channelSettings.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { requireNetworkEnabled } from "./network-enablement.js";
import { requireAllowedServerOf } from "./requireAllowedServer.js";
import { type TChannelAccountInput, ZChannelAccountInput } from "../../contract/channels.js";

export async function createChannelAccount(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TChannelAccountInput },
) {
  const input = ZChannelAccountInput.parse(options.input);
  requireAllowed(
    ctx,
    options.actor,
    "channel.manage",
    scoped({ orgId: options.orgId, departmentId: input.departmentId }),
  );
  await requireNetworkEnabled(ctx.db, options.orgId, input.network);
  const settings = settingsSchemaOf(input.network).parse(ownSettingsOf(input.settings));
  await requireAllowedServerOf(ctx, settings);
  const emulates = input.network === "sandbox" ? (input.emulates ?? "mastodon") : null;
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      await checkOrgRefs(tx, { orgId: options.orgId, ...input });
      const [account] = await tx
        .insert(channelAccounts)
        .values({ ...input, orgId: options.orgId, emulates, settings, createdAt: now, updatedAt: now })
        .returning();
      if (!account) throw new Error("insert returned nothing");
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "channel_account.created",
        target: { type: "channel_account", id: account.id },
        data: {
          name: account.name,
          network: account.network,
          approval: account.approval,
          accountableUserId: account.accountableUserId,
        },
        occurredAt: now,
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "name" }, cause: error });
    throw error;
  }
}
