// Knowledge shared between organisations: collections, their items, adopting and leaving newer versions.
// Thin: parse, call one use case. Reading needs knowledge.view, sharing knowledge.share, adopting and leaving
// a newer version knowledge.edit; the use cases narrow that to the copy's department (or guideline.manage for
// the Netiquette).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { adoptSharedItem } from "../../app/sharing/adopt-shared-item.js";
import { declineSharedUpdate } from "../../app/sharing/decline-shared-update.js";
import { getCollection } from "../../app/sharing/get-collection.js";
import { getSharedItem } from "../../app/sharing/get-shared-item.js";
import { listCollections } from "../../app/sharing/list-collections.js";
import { listShareTargets } from "../../app/sharing/list-share-targets.js";
import { saveCollection } from "../../app/sharing/save-collection.js";
import { shareItem } from "../../app/sharing/share-item.js";
import { withdrawCollection } from "../../app/sharing/withdraw-collection.js";
import { withdrawSharedItem } from "../../app/sharing/withdraw-shared-item.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function sharingRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const read = { config: { access: { kind: "org", action: "knowledge.view" } as const } };
  const share = { config: { access: { kind: "org", action: "knowledge.share" } as const } };
  const edit = { config: { access: { kind: "org", action: "knowledge.edit" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/knowledge/collections", read, async (request) =>
    listCollections(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/collections", share, async (request, reply) => {
    reply.status(201);
    return saveCollection(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      collectionId: null,
      input: request.body,
    });
  });
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/collections/:collectionId", read, async (request) =>
    getCollection(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "PUT /api/orgs/:orgId/knowledge/collections/:collectionId", share, async (request) =>
    saveCollection(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/collections/:collectionId/withdraw", share, async (request) =>
    withdrawCollection(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/collections/:collectionId/items", share, async (request) =>
    shareItem(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/shared-items/:itemId", read, async (request) =>
    getSharedItem(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/withdraw", share, async (request) =>
    withdrawSharedItem(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  // Adopting also checks the right the copy needs (its department's knowledge, or the Netiquette's guideline.manage).
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt", edit, async (request) =>
    adoptSharedItem(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/decline", edit, async (request) =>
    declineSharedUpdate(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/share-targets", share, async (request) =>
    listShareTargets(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );
}
