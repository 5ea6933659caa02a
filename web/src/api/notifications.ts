// The admin app's calls for the person's own notification channels and this browser's Web Push. Shapes come
// from the server's contract.
import type { ZNotificationSettingsView } from "@contract/notifications";
import type { Wire } from "@contract/route";
import { type Body, call } from "./client";

export type NotificationSettingsView = Wire<typeof ZNotificationSettingsView>;
export type NotificationPreferences = NotificationSettingsView["preferences"];
export type NotificationGroup = keyof NotificationPreferences;
export type DeliveryChannel = NotificationSettingsView["channels"][number];

export const notificationsApi = {
  settings: (options?: { signal?: AbortSignal }) => call("GET /api/account/notifications", {}, options),
  save: (body: Body<"PUT /api/account/notifications">) => call("PUT /api/account/notifications", { body }),
  pushKey: () => call("GET /api/account/push/key", {}),
  subscribe: (body: Body<"POST /api/account/push/subscriptions">) =>
    call("POST /api/account/push/subscriptions", { body }),
  unsubscribe: (endpoint: string) => call("POST /api/account/push/subscriptions/remove", { body: { endpoint } }),
};
