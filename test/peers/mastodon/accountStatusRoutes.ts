// The fake Mastodon server's account timeline (GET /api/v1/accounts/:id/statuses): an account's statuses,
// newest first, paged with max_id / since_id / min_id and a Link header, as the API documentation says.
import type { FastifyInstance } from "fastify";
import { type Authed, type PeerState, statusJson } from "./peerState.js";

/** Status ids are growing numbers of any length (snowflakes). */
const newestFirst = (a: string, b: string) => (BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0);

export function registerAccountStatusRoutes(app: FastifyInstance, state: PeerState, authed: Authed): void {
  app.get("/api/v1/accounts/:id/statuses", async (req, reply) => {
    const me = authed(req, reply, "read:statuses");
    if (!me) return;
    const account = state.accounts.get((req.params as { id: string }).id);
    if (!account) return reply.code(404).send({ error: "Record not found" });
    const q = req.query as Record<string, string | undefined>;
    const limit = Math.min(40, Math.max(1, Number(q.limit ?? 20) || 20));
    const after = q.since_id ?? q.min_id;
    const statuses = [...state.statuses.values()]
      .filter((s) => s.accountId === account.id && !s.deleted)
      .filter((s) => s.visibility !== "direct" || s.accountId === me.id || s.mentions.includes(me.id))
      .filter((s) => q.exclude_replies !== "true" || s.inReplyToId === null)
      .filter((s) => !q.max_id || BigInt(s.id) < BigInt(q.max_id))
      .filter((s) => !after || BigInt(s.id) > BigInt(after))
      .sort((a, b) => newestFirst(a.id, b.id))
      .slice(0, limit);
    const oldest = statuses.at(-1);
    if (oldest)
      reply.header("link", `<${state.baseUrl}/api/v1/accounts/${account.id}/statuses?max_id=${oldest.id}>; rel="next"`);
    return reply.send(statuses.map((s) => statusJson(s, state)));
  });
}
