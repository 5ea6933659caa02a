// The signed-in person's own notification channels and push browsers. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getNotificationSettings, updateNotificationSettings } from "../../app/notifications/notification-settings.js";
import { subscribeToPush, unsubscribeFromPush } from "../../app/notifications/push-subscriptions.js";
import { getVapidPublicKey } from "../../app/notifications/vapidKey.js";
import { contractRoute } from "../contractRoutes.js";
import { sessionOf } from "../plugins/auth.js";

export function notificationRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  // About oneself only: any signed-in person (the user id comes from the session, never from the request).
  const own = { config: { access: { kind: "session" } as const } };
  const userIdOf = (request: Parameters<typeof sessionOf>[0]) => sessionOf(request).user.id;

  contractRoute(app, "GET /api/account/notifications", own, async (request) =>
    getNotificationSettings(ctx, { userId: userIdOf(request) }),
  );

  contractRoute(app, "PUT /api/account/notifications", own, async (request) =>
    updateNotificationSettings(ctx, { userId: userIdOf(request), input: request.body }),
  );

  contractRoute(app, "GET /api/account/push/key", own, async () => getVapidPublicKey(ctx));

  contractRoute(app, "POST /api/account/push/subscriptions", own, async (request) =>
    subscribeToPush(ctx, { userId: userIdOf(request), input: request.body }),
  );

  contractRoute(app, "POST /api/account/push/subscriptions/remove", own, async (request) =>
    unsubscribeFromPush(ctx, { userId: userIdOf(request), input: request.body }),
  );
}
