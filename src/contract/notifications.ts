// Contract of the person's own notification channels: per group of kinds in-app (always), e-mail and Web Push,
// the installation's VAPID public key, and the browsers that receive push. The person's own, across their
// organisations: any signed-in person, about themselves only.
import { z } from "zod";
import { DELIVERY_CHANNELS, NOTIFICATION_GROUPS, ZChannelChoice } from "../domain/notificationDelivery.js";
import { ZOk } from "./common.js";
import type { ContractGroup } from "./route.js";

const tag = "account";

export const ZNotificationPreferences = z
  .object(
    Object.fromEntries(NOTIFICATION_GROUPS.map((g) => [g, ZChannelChoice])) as Record<
      (typeof NOTIFICATION_GROUPS)[number],
      typeof ZChannelChoice
    >,
  )
  .strict()
  .meta({ id: "NotificationPreferences" });

export const ZNotificationSettings = z
  .object({ preferences: ZNotificationPreferences })
  .meta({ id: "NotificationSettings" });

export const ZNotificationSettingsView = ZNotificationSettings.extend({
  /** Whether this installation sends e-mails (SMTP_URL); without it the e-mail choices have no effect. */
  emailConfigured: z.boolean(),
  /** How many browsers receive the person's push messages. */
  pushBrowsers: z.number().int().min(0),
  channels: z.array(z.enum(DELIVERY_CHANNELS)),
}).meta({ id: "NotificationSettingsView" });

const ZBase64Url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, "expected base64url");

/** PushSubscription.toJSON() of the browser (expirationTime is not kept). */
export const ZPushSubscription = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2000),
    keys: z.object({ p256dh: ZBase64Url.min(80).max(100), auth: ZBase64Url.min(16).max(32) }),
  })
  .meta({ id: "PushSubscription" });

export const ZPushEndpoint = z.object({ endpoint: z.url().max(2000) }).meta({ id: "PushEndpoint" });

export const notificationsContract = {
  "GET /api/account/notifications": {
    tag,
    summary: "Which of one's notifications also come by e-mail or push, per group",
    responses: { 200: ZNotificationSettingsView },
  },
  "PUT /api/account/notifications": {
    tag,
    summary: "Choose e-mail and push per group of notifications (in-app is always on)",
    body: ZNotificationSettings,
    responses: { 200: ZNotificationSettingsView },
  },
  "GET /api/account/push/key": {
    tag,
    summary: "The installation's VAPID public key, for subscribing a browser to push",
    responses: { 200: z.object({ publicKey: ZBase64Url }) },
  },
  "POST /api/account/push/subscriptions": {
    tag,
    summary: "Receive push messages in this browser",
    body: ZPushSubscription,
    responses: { 200: ZOk },
  },
  "POST /api/account/push/subscriptions/remove": {
    tag,
    summary: "Stop push messages to this browser",
    body: ZPushEndpoint,
    responses: { 200: ZOk },
  },
} satisfies ContractGroup;
