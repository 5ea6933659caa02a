// HTTP as the network connectors speak it: JSON requests with a bearer token through the account's
// token bucket, responses checked with zod, and every failure classified for the worker and the inbox —
// 401 auth expired; 429 (and 503 with retry-after) rate limited, with when to try again; 5xx, timeouts and
// refused connections transient; other 4xx permanent. Messages are draht's words with the network's status
// and error code; the network's free text goes to the error's detail, for the log only.
import type { z } from "zod";
import { ConnectorError, networkErrorCode, type RateLimitState, refusedServerError } from "../../domain/connector.js";
import type { TokenBucket } from "./tokenBucket.js";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface NetworkRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  token?: string | null;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** The account's bucket; calls wait for a token (at most `maxWaitMs`, else rate_limited at once). */
  bucket?: TokenBucket;
  maxWaitMs?: number;
  timeoutMs?: number;
}

export interface NetworkResponse<T> {
  status: number;
  body: T;
  headers: Headers;
  rateLimit: RateLimitState | null;
}

/** Retry-After as seconds or an HTTP date; Mastodon's X-RateLimit-Reset as an ISO time. Milliseconds from now. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset");
  if (reset) {
    const asNumber = Number(reset);
    // RateLimit-Reset (Bluesky) is seconds since the epoch or delta seconds; X-RateLimit-Reset (Mastodon) an ISO time.
    if (Number.isFinite(asNumber)) return Math.max(0, asNumber > 1e9 ? asNumber * 1000 - now : asNumber * 1000);
    const at = Date.parse(reset);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  return null;
}

export function rateLimitOf(headers: Headers, now: number = Date.now()): RateLimitState | null {
  const remaining = headers.get("x-ratelimit-remaining") ?? headers.get("ratelimit-remaining");
  if (remaining === null) return null;
  const wait = retryAfterMs(headers, now);
  return {
    remaining: Number.isFinite(Number(remaining)) ? Number(remaining) : null,
    resetAt: wait === null ? null : new Date(now + wait),
  };
}

/** RFC 8288 Link header → URL per rel ("next", "prev"). */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const part of value.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match?.[1] && match[2]) for (const rel of match[2].split(/\s+/)) links[rel] = match[1];
  }
  return links;
}

/** draht's words for a refusal: the status and, if the network sent one, its error code — never its free text. */
function errorMessageOf(body: unknown, status: number): string {
  const code = body && typeof body === "object" ? networkErrorCode((body as Record<string, unknown>).error) : null;
  return code ? `HTTP ${status} ${code}` : `HTTP ${status}`;
}

/** What the network said, for the log. */
function errorDetailOf(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  return [b.error, b.message, b.error_description].filter((v) => typeof v === "string").join(": ") || null;
}

export function classifyResponse(
  status: number,
  headers: Headers,
  body: unknown,
  now: number = Date.now(),
): ConnectorError {
  const message = errorMessageOf(body, status);
  const detail = errorDetailOf(body);
  const wait = retryAfterMs(headers, now);
  if (status === 401) return new ConnectorError("auth_expired", message, { status, detail });
  if (status === 429 || (status === 503 && wait !== null))
    return new ConnectorError("rate_limited", message, { retryAfterMs: wait ?? 60_000, status, detail });
  if (status >= 500 || status === 408) return new ConnectorError("transient", message, { status, detail });
  // Bluesky reports an expired access token as 400 ExpiredToken / InvalidToken.
  if (
    status === 400 &&
    body &&
    typeof body === "object" &&
    /^(ExpiredToken|InvalidToken)$/.test(String((body as Record<string, unknown>).error))
  ) {
    return new ConnectorError("auth_expired", message, { status, detail });
  }
  return new ConnectorError("permanent", message, { status, detail });
}

/** A body as JSON, or null: text that is not JSON (an HTML page, another service's banner) is never kept. */
export function parseJsonBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** More than any answer of a network's API draht reads (a page of 40 statuses is a few hundred kB). */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The answer's text, read up to `maxBytes`: a server that sends more is cut off, not held in memory. */
export async function boundedText(response: Response, maxBytes: number = MAX_ANSWER_BYTES): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ConnectorError("permanent", `answer too large (over ${maxBytes} bytes)`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ConnectorError("permanent", `answer too large (over ${maxBytes} bytes)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function networkRequest<S extends z.ZodType>(
  fetchImpl: FetchLike,
  request: NetworkRequest,
  schema: S,
): Promise<NetworkResponse<z.output<S>>> {
  if (request.bucket && !(await request.bucket.take(request.maxWaitMs ?? 10_000))) {
    throw new ConnectorError("rate_limited", "client-side rate limit of this account reached", {
      retryAfterMs: request.bucket.waitMs(),
    });
  }
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: RequestInit["body"];
  if (request.form) body = request.form;
  else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method ?? "GET",
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
  } catch (cause) {
    throw refusedServerError(cause) ?? new ConnectorError("transient", "network unreachable", { cause });
  }
  const parsed = parseJsonBody(await boundedText(response));
  const rateLimit = rateLimitOf(response.headers);
  if (request.bucket && rateLimit) request.bucket.observe(rateLimit.remaining, rateLimit.resetAt?.getTime() ?? null);
  if (!response.ok) {
    const error = classifyResponse(response.status, response.headers, parsed);
    if (error.kind === "rate_limited" && request.bucket)
      request.bucket.blockUntil(Date.now() + (error.retryAfterMs ?? 60_000));
    throw error;
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success)
    throw new ConnectorError(
      "permanent",
      `unexpected answer from ${new URL(request.url).host}: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return { status: response.status, body: checked.data, headers: response.headers, rateLimit };
}
