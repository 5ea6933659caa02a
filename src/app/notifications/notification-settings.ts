// A person's own choice of channels per group of notifications (in-app is always on): read with the
// defaults filled in, and replaced as a whole. Their own only, for all their organisations.
import { eq, sql } from "drizzle-orm";
import { notificationPreferences, pushSubscriptions } from "../../db/schema/index.js";
import { ZNotificationSettings } from "../../contract/notifications.js";
import { DELIVERY_CHANNELS, NOTIFICATION_GROUPS, preferencesWithDefaults } from "../../domain/notificationDelivery.js";
import type { AppContext } from "../context.js";

/** A person's stored channel choices (the groups they never chose have the defaults). */
function storedPreferences(ctx: AppContext, userId: string) {
  return ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
}

export async function getNotificationSettings(ctx: AppContext, options: { userId: string }) {
  const [stored, [browsers]] = await Promise.all([
    storedPreferences(ctx, options.userId),
    ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, options.userId)),
  ]);
  return {
    preferences: preferencesWithDefaults(stored),
    emailConfigured: ctx.mailer !== null,
    pushBrowsers: browsers?.count ?? 0,
    channels: [...DELIVERY_CHANNELS],
  };
}

export async function updateNotificationSettings(ctx: AppContext, options: { userId: string; input: unknown }) {
  const { preferences } = ZNotificationSettings.parse(options.input);
  const now = ctx.clock();
  await ctx.db
    .insert(notificationPreferences)
    .values(
      NOTIFICATION_GROUPS.map((group) => ({ userId: options.userId, group, ...preferences[group], updatedAt: now })),
    )
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.group],
      set: {
        email: sql`excluded.email`,
        push: sql`excluded.push`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
  return getNotificationSettings(ctx, options);
}
