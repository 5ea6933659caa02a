// A fake of Meta's Graph API (v26.0) for one Facebook page, written from the reference
// (developers.facebook.com/docs/graph-api, /docs/pages-api, /docs/messenger-platform): there is no server of Meta's
// draht could run, so this peer speaks what draht uses — Facebook Login (the lead's peer, test/peers/meta, mounted
// here: dialog, token exchange, /me/accounts), /me, /{page}/feed, /{page}/photos
// (multipart, published=false, alt_text_custom), /{page}/published_posts, /{object}/comments, /{comment} is_hidden,
// DELETE /{object}, /{page}/blocked, /{page}/conversations, /{conversation}/messages, /{page}/messages — with Graph's
// error envelope `{ error: { message, type, code, error_subcode, fbtrace_id } }` (190 expired or revoked token, 100
// invalid parameter, 100/33 unknown object, 32 page rate limit with X-App-Usage and X-Business-Use-Case-Usage,
// 10/2018278 outside Messenger's window), cursor pagination (paging.cursors.after, next) and the usage headers on
// every answer. The page and what citizens do there: fakePageState.ts.
import { randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FacebookLoginPeer, type FakeManagedPage, facebookLoginPeer } from "../meta/facebookLoginPeer.js";
import { type FakePageState, fakePageState } from "./fakePageState.js";

export const GRAPH_VERSION = "v26.0";

export interface FakePageGraph {
  /** The Graph API's base URL with its version (the account's serverUrl setting). */
  url: string;
  state: FakePageState;
  /** Facebook Login (the dialog a browser test clicks through, the app's id and secret). */
  login: FacebookLoginPeer;
  /** The person removes draht's app: every token of the login, the page's too, stops working. */
  revoke(): void;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
class GraphRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
  ) {
    super(message);
  }
}
const unknownObject = (id: string) =>
  new GraphRefusal(400, 100, `Unsupported request. Object with ID '${id}' does not exist`, 33);

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+0000");
const usage = (full: boolean) => JSON.stringify({ call_count: full ? 100 : 4, total_cputime: 1, total_time: 2 });

async function paramsOf(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("application/json")) Object.assign(params, JSON.parse(body.toString("utf8") || "{}"));
  else if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"))
    for (const [k, v] of await new Response(body, { headers: { "content-type": type } }).formData())
      params[k] = typeof v === "string" ? v : new Uint8Array(await v.arrayBuffer());
  return params;
}

/** A page of a list with Graph's cursors (an opaque offset here). */
function paginate<T>(items: T[], params: Params, self: URL) {
  const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
  const start = params.after ? Number(Buffer.from(String(params.after), "base64url").toString()) : 0;
  const data = items.slice(start, start + limit);
  const after = Buffer.from(String(start + data.length)).toString("base64url");
  const next = new URL(self);
  next.searchParams.set("after", after);
  return {
    data,
    paging: {
      cursors: { before: Buffer.from(String(start)).toString("base64url"), after },
      ...(start + data.length < items.length ? { next: next.toString() } : {}),
    },
  };
}

export async function startFakePageGraph(options: { clock?: () => Date } = {}): Promise<FakePageGraph> {
  const clock = options.clock ?? (() => new Date());
  // The login peer lists the page with the page's current token (set once the page exists).
  const pages: FakeManagedPage[] = [];
  const login = facebookLoginPeer({ version: GRAPH_VERSION, clock, pages });
  const state = fakePageState(clock, login.appSecret);
  const page = { id: state.pageId, name: state.page.name, accessToken: state.pageToken, instagram: null };
  pages.push(page);
  state.onNewPageToken = (token) => void (page.accessToken = token);
  const handle = (method: string, parts: string[], params: Params, self: URL) =>
    route(state, clock, method, parts, params, self);
  const server = createServer((req, res) => {
    state.requests++;
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      if (await login.handle(req, res, url)) return;
      const parts = url.pathname.split("/").filter(Boolean);
      if (parts.shift() !== GRAPH_VERSION) throw new GraphRefusal(400, 2500, "Unknown path components");
      const params = await paramsOf(req, url);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const token = bearer ?? (typeof params.access_token === "string" ? params.access_token : "");
      const known = login.revoked ? undefined : state.tokens.get(token);
      if (login.revoked && token === state.pageToken)
        throw new GraphRefusal(
          400,
          190,
          "Error validating access token: The user has not authorized application.",
          458,
        );
      if (!known)
        throw new GraphRefusal(400, 190, "Error validating access token: The session has been invalidated.", 460);
      if (known.expiresAt && known.expiresAt <= clock())
        throw new GraphRefusal(400, 190, "Error validating access token: Session has expired.", 463);
      if (state.throttled) throw new GraphRefusal(400, 32, "(#32) Page request limit reached");
      const self = new URL(`http://${req.headers.host}${req.url}`);
      const answer = handle(req.method ?? "GET", parts, { ...params, _kind: known.kind }, self);
      res.writeHead(200, { "content-type": "application/json", "x-app-usage": usage(false) });
      res.end(JSON.stringify(answer));
    })().catch((error: unknown) => refuse(res, state, error));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${GRAPH_VERSION}`,
    state,
    login,
    revoke: () => login.revoke(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function refuse(res: ServerResponse, state: FakePageState, error: unknown) {
  const e = error instanceof GraphRefusal ? error : new GraphRefusal(500, 1, "An unknown error occurred");
  const headers: Record<string, string> = { "content-type": "application/json", "x-app-usage": usage(e.code === 32) };
  if (e.code === 32)
    headers["x-business-use-case-usage"] = JSON.stringify({
      [state.pageId]: [
        { type: "pages", call_count: 100, total_cputime: 3, total_time: 5, estimated_time_to_regain_access: 2 },
      ],
    });
  res.writeHead(e.status, headers);
  res.end(
    JSON.stringify({
      error: {
        message: e.message,
        type: e.code === 190 ? "OAuthException" : "GraphMethodException",
        code: e.code,
        ...(e.subcode ? { error_subcode: e.subcode } : {}),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    }),
  );
}

function route(
  state: FakePageState,
  clock: () => Date,
  method: string,
  parts: string[],
  p: Params,
  self: URL,
): unknown {
  const [id = "", edge] = parts;
  const isPage = id === state.pageId || (id === "me" && p._kind === "page");
  if (p._kind !== "page") throw new GraphRefusal(400, 200, "(#200) This endpoint requires a page access token");
  if (isPage && !edge && method === "GET") return { id: state.pageId, name: state.page.name, link: state.page.link };
  if (isPage) return pageEdge(state, clock, method, edge ?? "", p, self);
  const post = state.posts.get(id);
  const comment = state.comments.get(id);
  const conversation = [...state.conversations.values()].find((c) => c.id === id);
  if (conversation && edge === "messages" && method === "GET")
    return paginate(
      [...conversation.messages]
        .reverse()
        .map((m) => ({ id: m.id, from: m.from, message: m.message, created_time: iso(m.created) })),
      p,
      self,
    );
  const target = post && !post.deleted ? post : comment && !comment.deleted ? comment : null;
  if (!target) throw unknownObject(id);
  if (edge === "comments" && method === "GET") return paginate(commentsOf(state, id, p), p, self);
  if (edge === "comments" && method === "POST") {
    if (typeof p.message !== "string" || p.message === "")
      throw new GraphRefusal(400, 100, "(#100) The parameter message is required");
    const answer = state.comment(id, p.message, { id: state.pageId, name: state.page.name }).comment;
    return { id: answer.id };
  }
  if (edge) throw unknownObject(`${id}/${edge}`);
  if (method === "DELETE") return (void (target.deleted = true), { success: true });
  if (method === "POST" && comment && "is_hidden" in p)
    return (void (comment.hidden = p.is_hidden === true || p.is_hidden === "true"), { success: true });
  if (method === "GET") return { id };
  throw new GraphRefusal(400, 100, "(#100) Invalid parameter");
}

function commentsOf(state: FakePageState, id: string, p: Params) {
  const since = p.since ? Number(p.since) : 0;
  // filter=stream: every comment under the object, answers included; otherwise only the top level.
  const all = [...state.comments.values()].filter(
    (c) =>
      !c.deleted &&
      c.created.getTime() / 1000 >= since &&
      (p.filter === "stream"
        ? c.postId === id || c.parentId === id
        : (c.postId === id && c.parentId === null) || c.parentId === id),
  );
  if (p.order !== "chronological") all.reverse();
  return all.map((c) => ({
    id: c.id,
    from: c.from,
    message: c.message,
    created_time: iso(c.created),
    is_hidden: c.hidden,
    ...(c.parentId ? { parent: { id: c.parentId } } : {}),
  }));
}

function pageEdge(
  state: FakePageState,
  clock: () => Date,
  method: string,
  edge: string,
  p: Params,
  self: URL,
): unknown {
  const visible = [...state.posts.values()].filter((x) => !x.deleted).reverse();
  if (method === "GET" && (edge === "feed" || edge === "published_posts")) {
    const since = p.since ? Number(p.since) : 0;
    return paginate(
      visible
        .filter((x) => x.created.getTime() / 1000 >= since)
        .map((x) => ({ id: x.id, message: x.message, created_time: iso(x.created), updated_time: iso(x.updated) })),
      p,
      self,
    );
  }
  if (method === "POST" && edge === "photos") {
    if (!(p.source instanceof Uint8Array) || p.source.byteLength === 0)
      throw new GraphRefusal(400, 324, "(#324) Requires upload file");
    const photo = {
      id: state.next(),
      altText: typeof p.alt_text_custom === "string" ? p.alt_text_custom : null,
      bytes: p.source.byteLength,
      published: p.published !== "false",
    };
    state.photos.set(photo.id, photo);
    return { id: photo.id };
  }
  if (method === "POST" && edge === "feed") return createPost(state, clock, p);
  if (method === "POST" && edge === "blocked") {
    const user = String(p.user ?? "");
    if (!/^\d+$/.test(user)) throw new GraphRefusal(400, 100, "(#100) Invalid user id");
    state.blocked.add(user);
    return { [user]: true };
  }
  if (method === "GET" && edge === "conversations") {
    const list = [...state.conversations.values()].sort((a, b) => b.updated.getTime() - a.updated.getTime());
    return paginate(
      list.map((c) => ({ id: c.id, updated_time: iso(c.updated) })),
      p,
      self,
    );
  }
  if (method === "POST" && edge === "messages") return sendMessage(state, clock, p);
  throw unknownObject(`${state.pageId}/${edge}`);
}

function createPost(state: FakePageState, clock: () => Date, p: Params) {
  const media = Array.isArray(p.attached_media) ? (p.attached_media as { media_fbid?: unknown }[]) : [];
  const photoIds = media.map((m) => String(m.media_fbid));
  if (photoIds.some((x) => !state.photos.get(x) || state.photos.get(x)?.published))
    throw new GraphRefusal(400, 100, "(#100) attached_media must be unpublished photos of the page");
  if (typeof p.message !== "string" && photoIds.length === 0 && typeof p.link !== "string")
    throw new GraphRefusal(400, 100, "(#100) Missing message or attachment");
  for (const x of photoIds) (state.photos.get(x) as { published: boolean }).published = true;
  const at = clock();
  const post = {
    id: `${state.pageId}_${state.next()}`,
    message: String(p.message ?? ""),
    link: typeof p.link === "string" ? p.link : null,
    photoIds,
    created: at,
    updated: at,
    deleted: false,
  };
  state.posts.set(post.id, post);
  return { id: post.id };
}

function sendMessage(state: FakePageState, clock: () => Date, p: Params) {
  const psid = String((p.recipient as { id?: unknown } | undefined)?.id ?? "");
  const text = (p.message as { text?: unknown } | undefined)?.text;
  const conversation = state.conversations.get(psid);
  if (!conversation || typeof text !== "string")
    throw new GraphRefusal(400, 100, "(#100) No matching user found", 2018001);
  const last = conversation.citizenLastWrote;
  if (p.messaging_type === "RESPONSE" && (!last || clock().getTime() - last.getTime() >= 24 * 3_600_000))
    throw new GraphRefusal(400, 10, "(#10) This message is sent outside of allowed window.", 2018278);
  const message = {
    id: `m_${randomBytes(18).toString("base64url")}`,
    from: { id: state.pageId, name: state.page.name },
    message: text,
    created: clock(),
  };
  conversation.messages.push(message);
  conversation.updated = message.created;
  return { recipient_id: psid, message_id: message.id };
}
