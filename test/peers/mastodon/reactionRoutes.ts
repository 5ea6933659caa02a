// The fake Mastodon server's reactions: favouriting and boosting a status (POST /api/v1/statuses/:id/favourite,
// /reblog), several statuses at once with their counters (GET /api/v1/statuses?id[]=…, Mastodon 4.3: statuses
// that do not exist or are not visible are left out), and a test hook to react as someone else.
import type { FastifyInstance } from "fastify";
import { type Authed, type PeerAccount, type PeerState, type PeerStatus, statusJson } from "./peerState.js";

/** At most this many ids per request, as Mastodon's own limit for the multiple-statuses endpoint. */
const MAX_IDS = 20;

function react(status: PeerStatus, account: PeerAccount, kind: "favourite" | "reblog"): void {
  const who = kind === "favourite" ? (status.favouritedBy ??= new Set()) : (status.rebloggedBy ??= new Set());
  who.add(account.id);
}

export function registerReactionRoutes(
  app: FastifyInstance,
  state: PeerState,
  authed: Authed,
  options: { multipleStatuses: boolean },
): void {
  const visible = (id: string) => {
    const status = state.statuses.get(id);
    return status && !status.deleted && status.visibility !== "direct" ? status : null;
  };

  if (options.multipleStatuses)
    app.get("/api/v1/statuses", async (req, reply) => {
      if (!authed(req, reply, "read:statuses")) return;
      const query = req.query as Record<string, string | string[] | undefined>;
      const raw = query["id[]"] ?? query.id ?? [];
      const ids = Array.isArray(raw) ? raw : [raw];
      if (ids.length > MAX_IDS) return reply.code(422).send({ error: "Too many ids" });
      return reply.send(ids.flatMap((id) => (visible(id) ? [statusJson(visible(id) as PeerStatus, state)] : [])));
    });

  for (const kind of ["favourite", "reblog"] as const)
    app.post(`/api/v1/statuses/:id/${kind}`, async (req, reply) => {
      const me = authed(req, reply, "write:favourites");
      if (!me) return;
      const status = visible((req.params as { id: string }).id);
      if (!status) return reply.code(404).send({ error: "Record not found" });
      react(status, me, kind);
      return reply.send(statusJson(status, state));
    });

  // Test hook: someone else (by their acct) favourites or boosts a status.
  app.post("/_peer/statuses/:id/react", async (req, reply) => {
    const body = req.body as { as: string; kind: "favourite" | "reblog" };
    const status = visible((req.params as { id: string }).id);
    if (!status) return reply.code(404).send({ error: "Record not found" });
    const account =
      state.findByAcct(body.as) ??
      state.addAccount(body.as.split("@")[0] ?? body.as, body.as, false, body.as.split("@")[1] ?? null);
    react(status, account, body.kind);
    return reply.send(statusJson(status, state));
  });
}
