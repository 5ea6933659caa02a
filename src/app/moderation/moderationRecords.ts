// Shared reads of moderation: the organisation's settings (defaults when none are saved) and the people
// who hear about threats and storms (the settings' contacts, else everyone who may decide moderation,
// plus the channel account's accountable person).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, memberships, moderationSettings } from "../../db/schema/index.js";
import {
  DEFAULT_MODERATION_SETTINGS,
  type TModerationSettings,
  ZModerationSettings,
} from "../../domain/moderation/settings.js";
import { ROLE_GRANTS, type Role } from "../../domain/roles.js";

export async function moderationSettingsOf(tx: Db | Tx, orgId: string): Promise<TModerationSettings> {
  const [row] = await tx
    .select({ settings: moderationSettings.settings })
    .from(moderationSettings)
    .where(eq(moderationSettings.orgId, orgId));
  if (!row) return DEFAULT_MODERATION_SETTINGS;
  const parsed = ZModerationSettings.safeParse(row.settings);
  return parsed.success ? parsed.data : DEFAULT_MODERATION_SETTINGS;
}

const DECIDING_ROLES = (Object.keys(ROLE_GRANTS) as Role[]).filter((role) =>
  ROLE_GRANTS[role].includes("moderation.decide"),
);

/** Who is told at once: the configured contacts, else the organisation's moderators; plus the account's accountable person. */
export async function alertRecipients(
  tx: Db | Tx,
  args: { orgId: string; channelAccountId: string; contacts: readonly string[] },
): Promise<string[]> {
  const recipients = new Set(args.contacts);
  if (recipients.size === 0) {
    const rows = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, args.orgId),
          isNull(memberships.disabledAt),
          sql`${memberships.roles} && ${`{${DECIDING_ROLES.join(",")}}`}::text[]`,
        ),
      );
    for (const row of rows) recipients.add(row.userId);
  }
  const [account] = await tx
    .select({ accountable: channelAccounts.accountableUserId })
    .from(channelAccounts)
    .where(eq(channelAccounts.id, args.channelAccountId));
  if (account?.accountable) recipients.add(account.accountable);
  return [...recipients];
}
