// Changes a channel account's owner, accountable person, windows, limits, approval rules or settings.
import { and, eq } from "drizzle-orm";
import { ownSettingsOf, serverUrlOf, settingsSchemaOf } from "../../domain/channelSettings.js";
import { channelAccounts } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { requireAllowedServerOf } from "./requireAllowedServer.js";
import { wipeCredentials } from "./channelCredentials.js";
import { channelAccountResource } from "./channelAccess.js";
import { resetSyncState } from "./connect-channel-account.js";
import { type TChannelAccountUpdate, ZChannelAccountUpdate } from "../../contract/channels.js";

export async function updateChannelAccount(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; channelAccountId: string; input: TChannelAccountUpdate },
) {
  const input = ZChannelAccountUpdate.parse(options.input);
  // A new server address is checked before the row is locked (resolving the name may take a moment).
  if (input.settings) await requireAllowedServerOf(ctx, ownSettingsOf(input.settings));
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(channelAccounts)
        .where(and(eq(channelAccounts.id, options.channelAccountId), eq(channelAccounts.orgId, options.orgId)))
        .for("update");
      if (!current) throw new AppError("NOT_FOUND");
      requireAllowed(ctx, options.actor, "channel.manage", channelAccountResource(current));
      if (input.departmentId !== undefined)
        requireAllowed(ctx, options.actor, "channel.manage", channelAccountResource({ ...current, ...input }));
      await checkOrgRefs(tx, { orgId: options.orgId, ...input });
      const { disabled, ...fields } = input;
      const settings = fields.settings
        ? settingsSchemaOf(current.network).parse({ ...current.settings, ...ownSettingsOf(fields.settings) })
        : undefined;
      // Credentials belong to a server: moving the account to another one disconnects it (and forgets who it was there).
      const movedServer = settings !== undefined && serverUrlOf(settings) !== serverUrlOf(current.settings);
      if (movedServer && settings) {
        delete settings.remoteAccountId;
        delete settings.server;
        if (await wipeCredentials(tx, current.id))
          await resetSyncState(tx, { accountId: current.id, orgId: current.orgId, status: "disconnected", now });
      }
      const [account] = await tx
        .update(channelAccounts)
        .set({
          ...fields,
          ...(settings ? { settings } : { settings: current.settings }),
          ...(disabled === undefined ? {} : { disabledAt: disabled ? (current.disabledAt ?? now) : null }),
          updatedAt: now,
        })
        .where(eq(channelAccounts.id, current.id))
        .returning();
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "channel_account.updated",
        target: { type: "channel_account", id: current.id },
        data: { fields: Object.keys(input), ...(movedServer ? { disconnected: "server changed" } : {}) },
        occurredAt: now,
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "name" }, cause: error });
    throw error;
  }
}
