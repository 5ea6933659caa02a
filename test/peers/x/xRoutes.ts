// The fake X's API routes (v2), as its reference describes them: the authenticated user, posts (create with an
// answer's parent, media and reply settings; duplicate text refused with 403 as X does; delete; hide an answer
// under one's own conversation), the mentions and posts timelines (newest first, since_id / until_id,
// max_results 5–100, pagination_token / meta.next_token, only the tweet.fields asked for, authors in
// includes.users), and media (one-shot upload as base64 JSON, chunked INIT / APPEND / FINALIZE / STATUS, alt text
// by /2/media/metadata, at most 1,000 characters). Every route counts in the user's rate window (xPeer.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorised, problem, withinRateLimit } from "./xGuards.js";
import type { Tweet, XState, XUser } from "./xState.js";

const INVALID = "https://api.twitter.com/2/problems/invalid-request";
const NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found";

function invalid(reply: FastifyReply, message: string) {
  return reply.code(400).send({
    errors: [{ message }],
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: INVALID,
  });
}

/** A post with only the fields asked for (X always gives id, text and edit_history_tweet_ids). */
function shaped(tweet: Tweet, fields: string[]) {
  const all: Record<string, unknown> = {
    created_at: tweet.created_at,
    author_id: tweet.author_id,
    conversation_id: tweet.conversation_id,
    in_reply_to_user_id: tweet.in_reply_to_user_id,
    referenced_tweets: tweet.referenced_tweets,
    lang: tweet.lang,
  };
  const out: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
  for (const f of fields) if (all[f] !== undefined) out[f] = all[f];
  return out;
}

/** A timeline page: newest first, after since_id, before until_id or the pagination token, max_results long. */
function timeline(state: XState, all: Tweet[], q: Record<string, string>, reply: FastifyReply) {
  const max = Number(q.max_results ?? 10);
  if (!Number.isInteger(max) || max < 5 || max > 100)
    return invalid(reply, `The \`max_results\` query parameter value [${q.max_results}] is not between 5 and 100`);
  const until = q.pagination_token ? Buffer.from(q.pagination_token, "base64url").toString("utf8") : q.until_id;
  const since = q.start_time ? Date.parse(q.start_time) : null;
  const matching = all.filter(
    (t) =>
      (!q.since_id || BigInt(t.id) > BigInt(q.since_id)) &&
      (!until || BigInt(t.id) < BigInt(until)) &&
      (since === null || Date.parse(t.created_at) >= since),
  );
  const page = matching.slice(0, max);
  const fields = (q["tweet.fields"] ?? "").split(",").filter(Boolean);
  const expansions = (q.expansions ?? "").split(",");
  const authors = expansions.includes("author_id")
    ? [...new Set(page.map((t) => t.author_id))].map((id) => state.users.get(id)).filter((u): u is XUser => !!u)
    : [];
  const last = page.at(-1);
  return {
    ...(page.length > 0 ? { data: page.map((t) => shaped(t, fields)) } : {}),
    ...(authors.length > 0 ? { includes: { users: authors } } : {}),
    meta: {
      result_count: page.length,
      ...(page.length > 0 ? { newest_id: page[0]?.id, oldest_id: last?.id } : {}),
      ...(matching.length > page.length && last ? { next_token: Buffer.from(last.id).toString("base64url") } : {}),
    },
  };
}

function registerTweets(app: FastifyInstance, state: XState, guard: Guard) {
  app.get("/2/users/me", async (req, reply) => guard(req, reply, (user) => ({ data: user })));
  app.post("/2/tweets", async (req, reply) =>
    guard(req, reply, (user) => {
      const body = req.body as {
        text?: string;
        reply?: { in_reply_to_tweet_id?: string };
        media?: { media_ids?: string[] };
        reply_settings?: Tweet["replySettings"];
      };
      const text = body.text ?? "";
      if (text === "" && !body.media?.media_ids?.length) return invalid(reply, "Post text or media is required");
      if ([...text].length > 280) return invalid(reply, "Your Post text is too long.");
      const duplicate = [...state.tweets.values()].some(
        (t) => !t.deleted && t.author_id === user.id && t.text === text,
      );
      if (duplicate)
        return problem(reply, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
      const parentId = body.reply?.in_reply_to_tweet_id;
      const parent = parentId ? state.tweets.get(parentId) : undefined;
      if (parentId && (!parent || parent.deleted))
        return problem(
          reply,
          403,
          "Forbidden",
          "You attempted to reply to a Tweet that is deleted or not visible to you.",
        );
      const mediaIds = body.media?.media_ids ?? [];
      for (const id of mediaIds) {
        const medium = state.media.get(id);
        if (!medium || medium.ownerId !== user.id || !medium.finalized)
          return invalid(reply, `Your media IDs are invalid.`);
      }
      const tweet = state.createTweet({
        author: user,
        text,
        replyTo: parentId,
        mediaIds,
        replySettings: body.reply_settings,
      });
      return reply.code(201).send({ data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } });
    }),
  );
  app.delete("/2/tweets/:id", async (req, reply) =>
    guard(req, reply, (user) => {
      const tweet = state.tweets.get((req.params as { id: string }).id);
      if (!tweet || tweet.deleted) return problem(reply, 404, "Not Found Error", "Could not find tweet.", NOT_FOUND);
      if (tweet.author_id !== user.id)
        return problem(reply, 403, "Forbidden", "You are not allowed to delete this Tweet.");
      tweet.deleted = true;
      return { data: { deleted: true } };
    }),
  );
  app.put("/2/tweets/:id/hidden", async (req, reply) =>
    guard(req, reply, (user) => {
      const tweet = state.tweets.get((req.params as { id: string }).id);
      if (!tweet || tweet.deleted) return problem(reply, 404, "Not Found Error", "Could not find tweet.", NOT_FOUND);
      const root = state.tweets.get(tweet.conversation_id);
      if (!root || root.author_id !== user.id || tweet.id === root.id)
        return problem(reply, 403, "Forbidden", "You can only hide replies to conversations you started.");
      tweet.hidden = (req.body as { hidden?: boolean }).hidden === true;
      return { data: { hidden: tweet.hidden } };
    }),
  );
  app.get("/2/users/:id/mentions", async (req, reply) =>
    guard(req, reply, () => {
      const target = state.users.get((req.params as { id: string }).id);
      if (!target) return problem(reply, 404, "Not Found Error", "Could not find user.", NOT_FOUND);
      return timeline(state, state.mentionsOf(target), req.query as Record<string, string>, reply);
    }),
  );
  app.get("/2/users/:id/tweets", async (req, reply) =>
    guard(req, reply, () => {
      const id = (req.params as { id: string }).id;
      const own = [...state.tweets.values()]
        .filter((t) => !t.deleted && t.author_id === id)
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
      return timeline(state, own, req.query as Record<string, string>, reply);
    }),
  );
}

type Guard = (req: FastifyRequest, reply: FastifyReply, run: (user: XUser) => unknown) => unknown;

export function registerXRoutes(app: FastifyInstance, state: XState): void {
  const guard: Guard = (req, reply, run) => {
    const user = authorised(req, reply, state);
    if (!user) return reply;
    if (state.notInTier.has(`${req.method} ${req.routeOptions.url}`))
      return problem(
        reply,
        403,
        "Client Forbidden",
        "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.",
        "https://api.twitter.com/2/problems/client-forbidden",
        { reason: "client-not-enrolled", required_enrollment: "Appropriate Level of API Access" },
      );
    if (!withinRateLimit(req, reply, state, user)) return reply;
    return run(user);
  };
  registerTweets(app, state, guard);
  registerMedia(app, state, guard);
}

async function formOf(req: FastifyRequest): Promise<FormData> {
  return new Response(new Uint8Array(req.body as Buffer), {
    headers: { "content-type": String(req.headers["content-type"]) },
  }).formData();
}

function registerMedia(app: FastifyInstance, state: XState, guard: Guard) {
  const uploaded = (id: string, extra: Record<string, unknown> = {}) => ({
    data: { id, media_key: `3_${id}`, expires_after_secs: 86_400, ...extra },
  });
  app.post("/2/media/upload", async (req, reply) =>
    guard(req, reply, async (user) => {
      if (!String(req.headers["content-type"]).startsWith("multipart/form-data")) {
        const body = req.body as { media?: string; media_category?: string; media_type?: string };
        if (!body.media || !body.media_category) return invalid(reply, "media and media_category are required");
        const id = state.nextId();
        const bytes = Buffer.from(body.media, "base64");
        state.media.set(id, {
          id,
          bytes,
          mediaType: body.media_type ?? "image/jpeg",
          category: body.media_category,
          altText: null,
          finalized: true,
          ownerId: user.id,
        });
        return uploaded(id, { size: bytes.length });
      }
      const form = await formOf(req);
      const command = String(form.get("command"));
      if (command === "INIT") {
        const id = state.nextId();
        state.media.set(id, {
          id,
          bytes: Buffer.alloc(0),
          mediaType: String(form.get("media_type")),
          category: String(form.get("media_category")),
          altText: null,
          totalBytes: Number(form.get("total_bytes")),
          segments: new Map(),
          finalized: false,
          ownerId: user.id,
        });
        return uploaded(id);
      }
      const medium = state.media.get(String(form.get("media_id")));
      if (!medium || medium.ownerId !== user.id) return invalid(reply, "Invalid media_id");
      if (command === "APPEND") {
        const chunk = form.get("media");
        if (!(chunk instanceof Blob)) return invalid(reply, "media is required");
        medium.segments?.set(Number(form.get("segment_index")), Buffer.from(await chunk.arrayBuffer()));
        return reply.code(204).send();
      }
      if (command === "FINALIZE") {
        const ordered = [...(medium.segments ?? new Map<number, Buffer>()).entries()].sort((a, b) => a[0] - b[0]);
        medium.bytes = Buffer.concat(ordered.map(([, b]) => b));
        if (medium.bytes.length !== medium.totalBytes) return invalid(reply, "File size does not match total_bytes");
        medium.finalized = true;
        return uploaded(medium.id, {
          size: medium.bytes.length,
          processing_info: { state: "pending", check_after_secs: 0 },
        });
      }
      return invalid(reply, `Unknown command ${command}`);
    }),
  );
  app.get("/2/media/upload", async (req, reply) =>
    guard(req, reply, () => {
      const q = req.query as Record<string, string>;
      const medium = state.media.get(q.media_id ?? "");
      if (q.command !== "STATUS" || !medium) return invalid(reply, "Invalid media_id");
      return uploaded(medium.id, { processing_info: { state: "succeeded", progress_percent: 100 } });
    }),
  );
  app.post("/2/media/metadata", async (req, reply) =>
    guard(req, reply, (user) => {
      const body = req.body as { id?: string; metadata?: { alt_text?: { text?: string } } };
      const medium = state.media.get(body.id ?? "");
      if (!medium || medium.ownerId !== user.id) return invalid(reply, "Invalid media id");
      const text = body.metadata?.alt_text?.text;
      if (text !== undefined && [...text].length > 1000)
        return invalid(reply, "alt_text must be at most 1000 characters");
      if (text !== undefined) medium.altText = text;
      return { data: { id: medium.id, associated_metadata: { alt_text: { text: medium.altText } } } };
    }),
  );
}
