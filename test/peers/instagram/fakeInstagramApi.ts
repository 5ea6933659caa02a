// A fake of Meta's Graph API for Instagram professional accounts (v26.0), written from its reference — no Meta
// server can run here. It speaks what draht uses: GET /{ig-user-id}, POST /{ig-user-id}/media (a container: image_url
// is really fetched, as Instagram does, and a container whose image cannot be fetched is refused with 9004 / 2207052),
// GET /{container-id}?fields=status_code, POST /{ig-user-id}/media_publish, GET /{ig-user-id}/media and
// /{media-id}/comments with cursor paging, POST /{comment-id}/replies, POST /{media-id}/comments, POST /{comment-id}
// hide, DELETE /{comment-id}, POST /{page-id}/messages (24-hour window: 10 / 2534022). Errors in Graph's envelope: 190
// for an expired token (HTTP 401), 100 for bad parameters or unknown objects, 4 with X-App-Usage and
// X-Business-Use-Case-Usage headers for the rate limit. State and citizens' doings: instagramState.ts.
import { randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FacebookLoginPeer, facebookLoginPeer } from "../meta/facebookLoginPeer.js";
import { type Comment, InstagramState, graphTimestamp } from "./instagramState.js";

export interface FakeInstagramApi {
  /** The Graph API's base URL (the account's serverUrl setting). */
  url: string;
  state: InstagramState;
  /** Facebook Login on the same server (test/peers/meta/facebookLoginPeer.ts). */
  login: FacebookLoginPeer;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
const bad = (message: string, subcode?: number) => new GraphFailure(400, 100, message, subcode);

export async function startFakeInstagramApi(
  options: { clock?: () => Date; fetchImage?: (url: string) => Promise<Response> } = {},
): Promise<FakeInstagramApi> {
  const state = new InstagramState(options.clock ?? (() => new Date()));
  const fetchImage = options.fetchImage ?? ((url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) }));
  let base = "";
  // Facebook Login (the lead's peer) on the same server: the dialog, the token exchanges, the person's pages — among
  // them the page linked to this Instagram account, whose page token the Graph API below accepts too.
  const login = facebookLoginPeer({
    version: "v26.0",
    clock: state.clock,
    pages: [
      {
        id: state.pageId,
        name: "Stadt Musterstadt",
        accessToken: `EAAPage${randomBytes(20).toString("hex")}`,
        instagram: { id: state.igUserId, username: state.username },
      },
      {
        id: "104000000000002",
        name: "Musterstadt Kultur",
        accessToken: `EAAPage${randomBytes(20).toString("hex")}`,
        instagram: null,
      },
    ],
  });
  const server = createServer((req, res) => {
    void (async () => {
      if (await login.handle(req, res, new URL(req.url ?? "/", "http://fake"))) return;
      await handle(req)
        .then((body) => send(res, 200, body))
        .catch((error: unknown) => {
          const failure = error instanceof GraphFailure ? error : new GraphFailure(500, 1, "An unknown error occurred");
          const { status, code, subcode, message, headers } = failure;
          const fbtrace_id = randomBytes(8).toString("base64url");
          const type = code === 190 ? "OAuthException" : "GraphMethodException";
          send(
            res,
            status,
            { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id } },
            headers,
          );
        });
    })();
  });

  async function handle(req: IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? "/", "http://fake");
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] !== "v26.0") throw new GraphFailure(400, 2500, "Unknown path components");
    const params: Params = { ...Object.fromEntries(url.searchParams), ...(await bodyOf(req)) };
    const given = req.headers.authorization?.replace(/^Bearer /, "") ?? params.access_token;
    const byLogin = typeof given === "string" ? login.pageForToken(given) : null;
    if (given !== state.token && byLogin?.instagram?.id !== state.igUserId)
      throw new GraphFailure(401, 190, "Error validating access token: Session has expired.", 463);
    if (Date.now() < state.rateLimitedUntil) {
      const usage = { call_count: 100, total_cputime: 20, total_time: 25, estimated_time_to_regain_access: 2 };
      throw new GraphFailure(400, 4, "Application request limit reached", undefined, {
        "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 25 }),
        "x-business-use-case-usage": JSON.stringify({ [state.igUserId]: [{ type: "instagram", ...usage }] }),
      });
    }
    const [, id = "", edge] = parts;
    const method = req.method ?? "GET";
    if (id === state.igUserId) return accountEdge(method, edge, params, url);
    if (id === state.pageId && edge === "messages" && method === "POST") return sendMessage(params);
    const container = state.containers.get(id);
    if (container && method === "GET" && !edge) return { status_code: state.readStatus(container), id };
    const medium = state.media.get(id);
    if (medium && method === "GET" && !edge) return { id, permalink: medium.permalink, caption: medium.caption };
    if (medium && edge === "comments" && method === "GET")
      return commentPage(
        state.commentsOf(id).filter((c) => !c.parentId),
        params,
        url,
      );
    if (medium && edge === "comments" && method === "POST") return { id: ownComment(id, null, params).id };
    const comment = state.comments.get(id);
    if (comment && edge === "replies" && method === "POST")
      return { id: ownComment(comment.mediaId, comment.parentId ?? comment.id, params).id };
    if (comment && !edge && method === "POST" && typeof params.hide === "boolean") {
      comment.hidden = params.hide;
      return { success: true };
    }
    if (comment && !edge && method === "DELETE") {
      state.comments.delete(id);
      return { success: true };
    }
    throw bad(
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      33,
    );
  }

  async function accountEdge(method: string, edge: string | undefined, params: Params, url: URL): Promise<unknown> {
    if (method === "GET" && !edge) return { id: state.igUserId, username: state.username };
    if (method === "POST" && edge === "media") return { id: (await createContainer(params)).id };
    if (method === "POST" && edge === "media_publish") return { id: publish(String(params.creation_id ?? "")) };
    if (method === "GET" && edge === "media") {
      const newestFirst = [...state.media.values()].sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
      return paged(
        newestFirst.map((m) => ({
          id: m.id,
          caption: m.caption,
          timestamp: graphTimestamp(m.timestamp),
          permalink: m.permalink,
        })),
        params,
        url,
      );
    }
    throw bad("Unsupported request", 33);
  }

  async function createContainer(params: Params) {
    const caption = typeof params.caption === "string" ? params.caption : "";
    if (caption.length > 2200) throw bad("The caption is too long.", 2207010);
    const isCarouselItem = params.is_carousel_item === true || params.is_carousel_item === "true";
    const common = { caption, isCarouselItem, createdAt: state.clock(), pendingReads: state.processingReads };
    if (params.media_type === "CAROUSEL") {
      const children = String(params.children ?? "")
        .split(",")
        .filter(Boolean);
      if (children.length < 2 || children.length > 10) throw bad("A carousel needs 2 to 10 children.", 2207023);
      for (const child of children) {
        const c = state.containers.get(child);
        if (!c?.isCarouselItem || state.readStatus(c) !== "FINISHED") throw bad("Invalid children.", 2207004);
      }
      const container = {
        id: state.newId(),
        kind: "CAROUSEL" as const,
        imageUrl: null,
        altText: null,
        children,
        status: "IN_PROGRESS" as const,
        bytes: null,
        ...common,
      };
      state.containers.set(container.id, container);
      return container;
    }
    if (typeof params.image_url !== "string") throw bad("The parameter image_url is required.");
    // Instagram cURLs the image from its public address at this moment.
    const bytes = await fetchImage(params.image_url)
      .then(async (r) =>
        r.ok && (r.headers.get("content-type") ?? "").startsWith("image/") ? Buffer.from(await r.arrayBuffer()) : null,
      )
      .catch(() => null);
    if (!bytes) throw new GraphFailure(400, 9004, "The media could not be fetched from this URI.", 2207052);
    const altText = typeof params.alt_text === "string" ? params.alt_text : null;
    const container = {
      id: state.newId(),
      kind: "IMAGE" as const,
      imageUrl: params.image_url,
      altText,
      children: [],
      status: "IN_PROGRESS" as const,
      bytes,
      ...common,
    };
    state.containers.set(container.id, container);
    return container;
  }

  function publish(creationId: string): string {
    const container = state.containers.get(creationId);
    if (!container || container.isCarouselItem) throw bad("The creation_id is not a container that can be published.");
    const status = state.readStatus(container);
    if (status !== "FINISHED") throw new GraphFailure(400, 9007, "Media ID is not available", 2207027);
    const items = container.kind === "CAROUSEL" ? container.children.map((c) => state.containers.get(c)) : [container];
    const id = state.newId();
    state.media.set(id, {
      id,
      caption: container.caption,
      altTexts: items.map((c) => c?.altText ?? null),
      images: items.flatMap((c) => (c?.bytes ? [c.bytes] : [])),
      timestamp: state.clock(),
      permalink: `https://www.instagram.com/p/${Buffer.from(id).toString("base64url").slice(0, 11)}/`,
    });
    container.status = "PUBLISHED";
    return id;
  }

  function ownComment(mediaId: string, parentId: string | null, params: Params): Comment {
    if (typeof params.message !== "string" || params.message === "") throw bad("The parameter message is required.");
    const comment = {
      id: state.newId(),
      text: params.message,
      from: { id: state.igUserId, username: state.username },
      mediaId,
      parentId,
      timestamp: state.clock(),
      hidden: false,
    };
    state.comments.set(comment.id, comment);
    return comment;
  }

  function sendMessage(params: Params) {
    const recipient = (params.recipient as { id?: unknown } | undefined)?.id;
    const text = (params.message as { text?: unknown } | undefined)?.text;
    if (typeof recipient !== "string" || typeof text !== "string")
      throw bad("The parameters recipient and message are required.");
    const last = state.lastWroteAt.get(recipient);
    if (!last || state.clock().getTime() - last.getTime() >= 24 * 3_600_000)
      throw new GraphFailure(400, 10, "This message is sent outside of allowed window.", 2534022);
    const sent = { id: `m_${randomBytes(12).toString("hex")}`, recipient, text };
    state.sentMessages.push(sent);
    return { recipient_id: recipient, message_id: sent.id };
  }

  const commentFields = (c: Comment) => ({
    id: c.id,
    text: c.text,
    timestamp: graphTimestamp(c.timestamp),
    username: c.from.username,
    from: c.from,
    hidden: c.hidden,
    ...(c.parentId ? { parent_id: c.parentId } : {}),
  });

  function commentPage(top: Comment[], params: Params, url: URL) {
    const newestFirst = top.sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || b.id.localeCompare(a.id));
    const withReplies = String(params.fields ?? "").includes("replies");
    const rows = newestFirst.map((c) => ({
      ...commentFields(c),
      ...(withReplies
        ? { replies: { data: [...state.comments.values()].filter((r) => r.parentId === c.id).map(commentFields) } }
        : {}),
    }));
    return paged(rows, params, url);
  }

  /** Graph's cursor paging: `limit`, `after`; `paging.cursors` and a `next` address while more is left. */
  function paged(rows: { id: string }[], params: Params, url: URL) {
    const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
    const after = typeof params.after === "string" ? Buffer.from(params.after, "base64url").toString() : null;
    const start = after === null ? 0 : rows.findIndex((r) => r.id === after) + 1;
    const data = rows.slice(start, start + limit);
    const cursor = (r: { id: string } | undefined) => (r ? Buffer.from(r.id).toString("base64url") : "");
    const more = start + limit < rows.length;
    const next = new URL(`${base}${url.pathname.replace(/^\/v21\.0/, "")}`);
    url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
    next.searchParams.set("after", cursor(data.at(-1)));
    return {
      data,
      paging: {
        cursors: { before: cursor(data[0]), after: cursor(data.at(-1)) },
        ...(more ? { next: next.toString() } : {}),
      },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v26.0`;
  return {
    url: base,
    state,
    login,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  if ((req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Params) : {};
  } catch {
    return {};
  }
}
