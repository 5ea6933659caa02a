// The fake Mastodon server's statuses, media, notifications and account actions, plus /_peer/* for
// tests to act as other people (a citizen replies) and to look at what the server holds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type Authed,
  type PeerAccount,
  type PeerNotification,
  type PeerState,
  type PeerStatus,
  statusJson,
} from "./peerState.js";

const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ error });
const MAX_CHARS = 500;

/** Creates a status as `account` (the API and the test hooks share it): mentions notify, replies notify the parent's author. */
export function createStatus(
  state: PeerState,
  account: PeerAccount,
  input: {
    text: string;
    visibility?: PeerStatus["visibility"];
    inReplyToId?: string | null;
    spoilerText?: string;
    mediaIds?: string[];
    poll?: PeerStatus["poll"];
    language?: string | null;
  },
): PeerStatus {
  const mentions = [...input.text.matchAll(/@([a-z0-9_]+(?:@[a-z0-9.:-]+)?)/gi)].flatMap((m) => {
    const found = state.findByAcct(m[1] ?? "");
    return found ? [found.id] : [];
  });
  const parent = input.inReplyToId ? state.statuses.get(input.inReplyToId) : undefined;
  const status: PeerStatus = {
    id: state.newId(),
    accountId: account.id,
    text: input.text,
    spoilerText: input.spoilerText ?? "",
    visibility: input.visibility ?? "public",
    inReplyToId: input.inReplyToId ?? null,
    mediaIds: input.mediaIds ?? [],
    poll: input.poll ?? null,
    language: input.language ?? null,
    createdAt: new Date(state.now()).toISOString(),
    editedAt: null,
    deleted: false,
    mentions,
  };
  state.statuses.set(status.id, status);
  const notify = new Set(mentions);
  if (parent) notify.add(parent.accountId);
  notify.delete(account.id);
  for (const forAccountId of notify) {
    if (
      state.mutes.some((m) => m.by === forAccountId && m.target === account.id) ||
      state.blocks.some((b) => b.by === forAccountId && b.target === account.id)
    )
      continue;
    const notification = {
      id: state.newId(),
      type: "mention" as const,
      accountId: account.id,
      forAccountId,
      statusId: status.id,
      createdAt: status.createdAt,
    };
    state.notifications.push(notification);
    for (const send of state.streams.get(forAccountId) ?? []) send(notification);
  }
  return status;
}

function notificationJson(n: PeerNotification, state: PeerState) {
  const account = state.accounts.get(n.accountId);
  const status = n.statusId ? state.statuses.get(n.statusId) : undefined;
  if (!account || (status && status.deleted)) return null;
  return {
    id: n.id,
    type: n.type,
    created_at: n.createdAt,
    account: {
      id: account.id,
      username: account.username,
      acct: state.acct(account),
      display_name: account.displayName,
      url: null,
    },
    status: status ? statusJson(status, state) : null,
  };
}

function visibleTo(status: PeerStatus, viewer: PeerAccount): boolean {
  return (
    !status.deleted &&
    (status.visibility !== "direct" || status.accountId === viewer.id || status.mentions.includes(viewer.id))
  );
}

export function registerStatusRoutes(app: FastifyInstance, state: PeerState, authed: Authed): void {
  app.post("/api/v2/media", async (req, reply) => {
    const me = authed(req, reply, "write:media");
    if (!me) return;
    const raw = req.body as Buffer | undefined;
    if (!raw) return fail(reply, 422, "Validation failed: File can't be blank");
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": String(req.headers["content-type"]) },
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return fail(reply, 422, "Validation failed: File can't be blank");
    if (!/^(image\/(jpeg|png|gif|webp)|video\/mp4)$/.test(file.type))
      return fail(reply, 422, "Validation failed: File content type is invalid");
    const description = form.get("description");
    if (typeof description === "string" && description.length > 1500)
      return fail(reply, 422, "Validation failed: Description is too long (maximum is 1500 characters)");
    const media = {
      id: state.newId(),
      type: file.type.startsWith("video") ? ("video" as const) : ("image" as const),
      description: typeof description === "string" ? description : null,
      bytes: file.size,
      content: Buffer.from(await file.arrayBuffer()),
      mimeType: file.type,
      pollsUntilReady: state.mediaProcessingPolls,
      ownerId: me.id,
    };
    state.media.set(media.id, media);
    const processing = media.pollsUntilReady > 0;
    return reply.code(processing ? 202 : 200).send({
      id: media.id,
      type: media.type,
      url: processing ? null : `${state.baseUrl}/media/${media.id}`,
      description: media.description,
    });
  });

  app.get("/api/v1/media/:id", async (req, reply) => {
    const me = authed(req, reply, "write:media");
    if (!me) return;
    const media = state.media.get((req.params as { id: string }).id);
    if (!media || media.ownerId !== me.id) return fail(reply, 404, "Record not found");
    if (media.pollsUntilReady > 0) {
      media.pollsUntilReady--;
      return reply.code(206).send({ id: media.id, type: media.type, url: null, description: media.description });
    }
    return reply.send({
      id: media.id,
      type: media.type,
      url: `${state.baseUrl}/media/${media.id}`,
      description: media.description,
    });
  });

  app.post("/api/v1/statuses", async (req, reply) => {
    const me = authed(req, reply, "write:statuses");
    if (!me) return;
    const key = req.headers["idempotency-key"];
    if (typeof key === "string") {
      const earlier = state.rememberedStatus(`${me.id}:${key}`);
      const status = earlier ? state.statuses.get(earlier) : undefined;
      if (status) return reply.send(statusJson(status, state));
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = typeof body.status === "string" ? body.status : "";
    const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : [];
    if (text.trim() === "" && mediaIds.length === 0) return fail(reply, 422, "Validation failed: Text can't be blank");
    if ([...new Intl.Segmenter().segment(text)].length > MAX_CHARS)
      return fail(reply, 422, `Validation failed: Text character limit of ${MAX_CHARS} exceeded`);
    if (mediaIds.length > 4) return fail(reply, 422, "Validation failed: Media attachments too many");
    for (const mid of mediaIds) {
      const media = state.media.get(mid);
      if (!media || media.ownerId !== me.id) return fail(reply, 422, "Validation failed: Media attachments is invalid");
      if (media.pollsUntilReady > 0)
        return fail(reply, 422, "Cannot attach files that have not finished processing. Try again in a moment!");
    }
    const inReplyToId = typeof body.in_reply_to_id === "string" ? body.in_reply_to_id : null;
    if (inReplyToId && !state.statuses.get(inReplyToId)) return fail(reply, 404, "Record not found");
    const pollBody = body.poll as { options?: unknown; expires_in?: unknown } | undefined;
    const poll =
      pollBody && Array.isArray(pollBody.options)
        ? { options: pollBody.options.map(String), expiresIn: Number(pollBody.expires_in) }
        : null;
    if (poll && (poll.options.length < 2 || poll.options.length > 4))
      return fail(reply, 422, "Validation failed: Poll must have at least 2 and at most 4 options");
    const visibility = ["public", "unlisted", "private", "direct"].includes(String(body.visibility))
      ? (body.visibility as PeerStatus["visibility"])
      : "public";
    const status = createStatus(state, me, {
      text,
      visibility,
      inReplyToId,
      spoilerText: typeof body.spoiler_text === "string" ? body.spoiler_text : "",
      mediaIds,
      poll,
      language: typeof body.language === "string" ? body.language : null,
    });
    if (typeof key === "string") state.idempotency.set(`${me.id}:${key}`, { statusId: status.id, at: state.now() });
    return reply.send(statusJson(status, state));
  });

  const loadStatus = (req: FastifyRequest, reply: FastifyReply, me: PeerAccount): PeerStatus | null => {
    const status = state.statuses.get((req.params as { id: string }).id);
    if (!status || !visibleTo(status, me)) {
      void fail(reply, 404, "Record not found");
      return null;
    }
    return status;
  };

  app.get("/api/v1/statuses/:id", async (req, reply) => {
    const me = authed(req, reply, "read:statuses");
    const status = me && loadStatus(req, reply, me);
    if (status) return reply.send(statusJson(status, state));
  });

  app.delete("/api/v1/statuses/:id", async (req, reply) => {
    const me = authed(req, reply, "write:statuses");
    const status = me && loadStatus(req, reply, me);
    if (!status || !me) return;
    if (status.accountId !== me.id) return fail(reply, 403, "This action is not allowed");
    status.deleted = true;
    return reply.send({ ...statusJson(status, state), text: status.text });
  });

  app.get("/api/v1/statuses/:id/context", async (req, reply) => {
    const me = authed(req, reply, "read:statuses");
    const status = me && loadStatus(req, reply, me);
    if (!status || !me) return;
    const ancestors: PeerStatus[] = [];
    for (
      let parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined;
      parent;
      parent = parent.inReplyToId ? state.statuses.get(parent.inReplyToId) : undefined
    ) {
      if (visibleTo(parent, me)) ancestors.unshift(parent);
    }
    const descendants: PeerStatus[] = [];
    const walk = (id: string) => {
      for (const child of [...state.statuses.values()].filter((s) => s.inReplyToId === id)) {
        if (visibleTo(child, me)) descendants.push(child);
        walk(child.id);
      }
    };
    walk(status.id);
    return reply.send({
      ancestors: ancestors.map((s) => statusJson(s, state)),
      descendants: descendants.map((s) => statusJson(s, state)),
    });
  });

  app.get("/api/v1/notifications", async (req, reply) => {
    const me = authed(req, reply, "read:notifications");
    if (!me) return;
    const query = new URL(req.url, state.baseUrl).searchParams;
    const types = query.getAll("types[]");
    const limit = Math.min(80, Math.max(1, Number(query.get("limit") ?? 40)));
    const big = (v: string | null) => (v === null ? null : BigInt(v));
    const [maxId, sinceId, minId] = [big(query.get("max_id")), big(query.get("since_id")), big(query.get("min_id"))];
    let mine = state.notifications.filter(
      (n) => n.forAccountId === me.id && (types.length === 0 || types.includes(n.type)),
    );
    mine = mine.filter(
      (n) =>
        (maxId === null || BigInt(n.id) < maxId) &&
        (sinceId === null || BigInt(n.id) > sinceId) &&
        (minId === null || BigInt(n.id) > minId),
    );
    mine.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1)); // newest first
    // min_id pages forward: the oldest `limit` after it; the others: the newest `limit`.
    const page = minId !== null ? mine.slice(-limit) : mine.slice(0, limit);
    const link: string[] = [];
    if (page.length > 0) {
      const base = `${state.baseUrl}/api/v1/notifications?${types.map((t) => `types[]=${t}&`).join("")}limit=${limit}`;
      link.push(`<${base}&max_id=${page.at(-1)?.id}>; rel="next"`, `<${base}&min_id=${page[0]?.id}>; rel="prev"`);
      reply.header("link", link.join(", "));
    }
    return reply.send(page.flatMap((n) => notificationJson(n, state) ?? []));
  });

  for (const action of ["mute", "block"] as const) {
    app.post(`/api/v1/accounts/:id/${action}`, async (req, reply) => {
      const me = authed(req, reply, action === "mute" ? "write:mutes" : "write:blocks");
      if (!me) return;
      const target = state.accounts.get((req.params as { id: string }).id);
      if (!target) return fail(reply, 404, "Record not found");
      const list = action === "mute" ? state.mutes : state.blocks;
      if (!list.some((e) => e.by === me.id && e.target === target.id)) list.push({ by: me.id, target: target.id });
      return reply.send({
        id: target.id,
        following: false,
        muting: state.mutes.some((m) => m.by === me.id && m.target === target.id),
        blocking: state.blocks.some((b) => b.by === me.id && b.target === target.id),
      });
    });
  }

  app.post("/api/v1/reports", async (req, reply) => {
    const me = authed(req, reply, "write:reports");
    if (!me) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const target = state.accounts.get(String(body.account_id));
    if (!target) return fail(reply, 404, "Record not found");
    if (typeof body.comment === "string" && body.comment.length > 1000)
      return fail(reply, 422, "Validation failed: Comment is too long (maximum is 1000 characters)");
    state.reports.push({
      by: me.id,
      target: target.id,
      statusIds: Array.isArray(body.status_ids) ? body.status_ids.map(String) : [],
      comment: String(body.comment ?? ""),
      forward: body.forward === true,
    });
    return reply.send({
      id: String(state.reports.length),
      action_taken: false,
      category: String(body.category ?? "other"),
      comment: String(body.comment ?? ""),
    });
  });

  // The streaming API as server-sent events: a ":)" comment to open, ":thump" heartbeats, one
  // "notification" event per new notification of the account.
  app.get("/api/v1/streaming/user/notification", async (req, reply) => {
    const me = authed(req, reply, "read:notifications");
    if (!me) return;
    state.streamHosts.push(String(req.headers.host));
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    reply.raw.write(":)\n");
    const send = (n: PeerNotification) => {
      const json = notificationJson(n, state);
      if (json) reply.raw.write(`event: notification\ndata: ${JSON.stringify(json)}\n\n`);
    };
    const listeners = state.streams.get(me.id) ?? new Set();
    listeners.add(send);
    state.streams.set(me.id, listeners);
    for (const opened of state.streamOpened) opened(me.id);
    const heartbeat = setInterval(() => reply.raw.write(":thump\n"), 15_000);
    req.raw.on("close", () => {
      clearInterval(heartbeat);
      listeners.delete(send);
    });
  });

  // Test hooks: act as someone else, or break the server on purpose.
  app.post("/_peer/statuses", async (req, reply) => {
    const body = req.body as { as: string; text: string; inReplyToId?: string; visibility?: PeerStatus["visibility"] };
    const account =
      state.findByAcct(body.as) ??
      state.addAccount(
        body.as.split("@")[0] ?? body.as,
        body.as,
        !body.as.includes("@"),
        body.as.split("@")[1] ?? null,
      );
    return reply.send(
      statusJson(
        createStatus(state, account, {
          text: body.text,
          inReplyToId: body.inReplyToId ?? null,
          visibility: body.visibility,
        }),
        state,
      ),
    );
  });
}
