// Fetching another installation's feed: under the address rule every connector request follows
// (net/guardedFetch.ts: no loopback, private network or metadata service unless the operator trusts the host),
// with a time limit, a size limit enforced while reading (a Content-Length is not trusted), and the ETag of
// the last good version so an unchanged feed costs a 304.
import { MAX_FEED_BYTES, type FeedProblem } from "../../domain/knowledge/feed.js";
import { guardedFetch } from "../../net/guardedFetch.js";
import type { AppContext } from "../context.js";

const FETCH_TIMEOUT_MS = 20_000;

/** One guarded fetch (and its connection pool) per context, not a new one for every feed fetched. */
const fetches = new WeakMap<AppContext["networkServers"], typeof globalThis.fetch>();
function fetchOf(ctx: AppContext): typeof globalThis.fetch {
  let fetch = fetches.get(ctx.networkServers);
  if (!fetch) {
    fetch = guardedFetch(ctx.networkServers);
    fetches.set(ctx.networkServers, fetch);
  }
  return fetch;
}

export type FetchedDocument =
  | { kind: "unchanged" }
  | { kind: "document"; bytes: Uint8Array; etag: string | null }
  | { kind: "refused"; problem: FeedProblem; detail: string };

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function fetchFeedDocument(
  ctx: AppContext,
  args: { url: string; etag: string | null },
): Promise<FetchedDocument> {
  const fetch = fetchOf(ctx);
  let response: Response;
  try {
    response = await fetch(args.url, {
      headers: { accept: "application/json", ...(args.etag ? { "if-none-match": args.etag } : {}) },
      redirect: "follow",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as Error).cause as { reason?: string; code?: string } | undefined;
    const detail = cause?.reason
      ? `address refused (${cause.reason})`
      : (error as Error).name === "TimeoutError"
        ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? (error as Error).message);
    return { kind: "refused", problem: "unreachable", detail };
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { kind: "unchanged" };
  }
  if (response.status === 410) {
    await response.body?.cancel();
    return { kind: "refused", problem: "withdrawn", detail: "410 Gone" };
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    return { kind: "refused", problem: "http_status", detail: `HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_FEED_BYTES) {
    await response.body.cancel();
    return { kind: "refused", problem: "too_large", detail: `${declared} bytes announced (at most ${MAX_FEED_BYTES})` };
  }
  const bytes = await readLimited(response.body, MAX_FEED_BYTES).catch(() => undefined);
  if (bytes === undefined) return { kind: "refused", problem: "unreachable", detail: "the answer broke off" };
  if (bytes === null) return { kind: "refused", problem: "too_large", detail: `more than ${MAX_FEED_BYTES} bytes` };
  return { kind: "document", bytes, etag: response.headers.get("etag") };
}
