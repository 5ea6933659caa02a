// Knowledge feeds between installations: publishing an own collection as a signed feed, the feed itself
// (public: whoever has its unguessable address may fetch it; what it holds passed the personal data check
// when it was shared), and subscriptions to other installations' feeds with their items. Thin: parse, call
// one use case. Managing feeds and subscriptions needs knowledge.share, reading knowledge.view, adopting
// knowledge.edit (narrowed by the use case to the copy's department).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { adoptFeedItem, declineFeedUpdate } from "../../app/feeds/adopt-feed-item.js";
import { getFeedItem } from "../../app/feeds/get-feed-item.js";
import { getFeed, listFeeds } from "../../app/feeds/list-feeds.js";
import { setCollectionFeed } from "../../app/feeds/publish-collection-feed.js";
import { refreshFeed } from "../../app/feeds/refresh-feed.js";
import { serveFeed } from "../../app/feeds/serve-feed.js";
import { cancelFeed, subscribeFeed } from "../../app/feeds/subscribe-feed.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function feedRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const read = { config: { access: { kind: "org", action: "knowledge.view" } as const } };
  const share = { config: { access: { kind: "org", action: "knowledge.share" } as const } };
  const edit = { config: { access: { kind: "org", action: "knowledge.edit" } as const } };

  contractRoute(app, "PUT /api/orgs/:orgId/knowledge/collections/:collectionId/feed", share, async (request) =>
    setCollectionFeed(ctx, { actor: orgActorOf(request), ...request.params, published: true }),
  );
  contractRoute(app, "DELETE /api/orgs/:orgId/knowledge/collections/:collectionId/feed", share, async (request) =>
    setCollectionFeed(ctx, { actor: orgActorOf(request), ...request.params, published: false }),
  );

  contractRoute(
    app,
    "GET /api/public/knowledge-feeds/:token",
    { config: { access: { kind: "public" } as const } },
    async (request, reply) => {
      const ifNoneMatch = request.headers["if-none-match"];
      const served = await serveFeed(ctx, { token: request.params.token, ifNoneMatch });
      // Subscribers ask again with If-None-Match; a proxy may keep it a minute.
      reply.header("etag", served.etag).header("cache-control", "public, max-age=60, must-revalidate");
      if (served.status === 304) return reply.status(304).send();
      return reply.type("application/json; charset=utf-8").send(served.document);
    },
  );

  contractRoute(app, "GET /api/orgs/:orgId/knowledge/feeds", read, async (request) =>
    listFeeds(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/feeds", share, async (request, reply) => {
    const created = await subscribeFeed(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      input: request.body,
    });
    reply.status(201);
    return created;
  });
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/feeds/:feedId", read, async (request) =>
    getFeed(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/feeds/:feedId/fetch", share, async (request) =>
    refreshFeed(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "DELETE /api/orgs/:orgId/knowledge/feeds/:feedId", share, async (request) =>
    cancelFeed(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/feed-items/:itemId", read, async (request) =>
    getFeedItem(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/adopt", edit, async (request) =>
    adoptFeedItem(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/decline", edit, async (request) =>
    declineFeedUpdate(ctx, { actor: orgActorOf(request), ...request.params }),
  );
}
