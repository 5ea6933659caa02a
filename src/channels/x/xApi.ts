// HTTP as X's API v2 speaks it: JSON with the account's bearer token, its rate window read from the
// x-rate-limit-* headers (reset in epoch seconds), and its refusals — problem JSON ({title, detail, type, status})
// or {errors: […]} — classified in draht's words: 401 auth expired; 429 rate limited until the window resets;
// 403 for the app's access tier (client-not-enrolled, usage-capped) permanent with the tier named; 5xx transient.
// X's free text goes to the error's detail, for the log only; the type's last segment is the code shown.
import type { z } from "zod";
import { ConnectorError, networkErrorCode, type RateLimitState, refusedServerError } from "../../domain/connector.js";
import type { XAccessTier } from "../../domain/channelSettings.js";
import { boundedText, type FetchLike, parseJsonBody } from "../http/networkHttp.js";

export interface XRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** The full address (base URL and path). */
  url: string;
  token?: string;
  json?: unknown;
  /** A form-encoded body (the OAuth token endpoint). */
  form?: URLSearchParams;
  /** A multipart body (chunks of a video). */
  multipart?: FormData;
  headers?: Record<string, string>;
  /** What the call does, for the message ("X POST /2/tweets"). */
  label: string;
  /** The app's access tier, named in refusals that depend on it. */
  tier?: XAccessTier;
  timeoutMs?: number;
}

export interface XResponse<T> {
  status: number;
  body: T;
  rateLimit: RateLimitState | null;
}

/** X's names of its access tiers, as people know them from the developer portal. */
export const TIER_NAMES: Record<XAccessTier, string> = {
  free: "Free",
  basic: "Basic",
  pro: "Pro",
  enterprise: "Enterprise",
};

/** The rate window of the endpoint just called (x-rate-limit-remaining / -reset, the reset in epoch seconds). */
export function xRateLimitOf(headers: Headers): RateLimitState | null {
  const remaining = headers.get("x-rate-limit-remaining");
  if (remaining === null || !Number.isFinite(Number(remaining))) return null;
  const reset = Number(headers.get("x-rate-limit-reset"));
  return { remaining: Number(remaining), resetAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null };
}

/** X's code for a refusal: the problem's `reason`, else the last segment of its `type` URL, else an OAuth `error`. */
function codeOf(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  const fromType = typeof b.type === "string" && b.type !== "about:blank" ? b.type.split("/").pop() : undefined;
  return networkErrorCode(b.reason) ?? networkErrorCode(fromType) ?? networkErrorCode(b.error);
}

/** What X said, for the log: the problem's title and detail and the messages of its errors. */
function detailOf(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? b.errors.map((e) => (e && typeof e === "object" ? (e as Record<string, unknown>).message : null))
    : [];
  return (
    [b.title, b.detail, b.error_description, ...errors].filter((v): v is string => typeof v === "string").join(": ") ||
    null
  );
}

const TIER_CODES = /^(client-not-enrolled|client-forbidden|usage-capped|UsageCapExceeded)$/;

export function classifyXResponse(args: {
  status: number;
  headers: Headers;
  body: unknown;
  label: string;
  tier?: XAccessTier;
  now?: number;
}): ConnectorError {
  const { status, body, label } = args;
  const code = codeOf(body);
  const message = `${label}: HTTP ${status}${code ? ` ${code}` : ""}`;
  const detail = detailOf(body);
  const rateLimit = xRateLimitOf(args.headers);
  const now = args.now ?? Date.now();
  if (status === 401) return new ConnectorError("auth_expired", message, { status, detail });
  // OAuth's token endpoint: a spent, revoked or expired refresh token is invalid_grant — connect again.
  if (status === 400 && code === "invalid_grant")
    return new ConnectorError("auth_expired", message, { status, detail });
  if (code && TIER_CODES.test(code)) {
    const tier = args.tier ? TIER_NAMES[args.tier] : "der gebuchten";
    return new ConnectorError(
      "permanent",
      `${message} – X erlaubt das mit der Zugangsstufe ${tier} der App nicht (oder ihr Monatskontingent ist aufgebraucht)`,
      { status, detail },
    );
  }
  if (status === 429) {
    const wait = rateLimit?.resetAt ? Math.max(1000, rateLimit.resetAt.getTime() - now) : 15 * 60_000;
    return new ConnectorError("rate_limited", message, { retryAfterMs: wait, status, detail });
  }
  if (status >= 500 || status === 408) return new ConnectorError("transient", message, { status, detail });
  return new ConnectorError("permanent", message, { status, detail });
}

export async function xRequest<S extends z.ZodType>(
  fetchImpl: FetchLike,
  request: XRequest,
  schema: S,
): Promise<XResponse<z.output<S>>> {
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: RequestInit["body"];
  if (request.multipart) body = request.multipart;
  else if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = request.form.toString();
  } else if (request.json !== undefined) {
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
    throw (
      refusedServerError(cause) ?? new ConnectorError("transient", `${request.label}: network unreachable`, { cause })
    );
  }
  const parsed = parseJsonBody(await boundedText(response));
  const rateLimit = xRateLimitOf(response.headers);
  if (!response.ok)
    throw classifyXResponse({
      status: response.status,
      headers: response.headers,
      body: parsed,
      label: request.label,
      tier: request.tier,
    });
  const checked = schema.safeParse(parsed);
  if (!checked.success)
    throw new ConnectorError(
      "permanent",
      `${request.label}: unexpected answer: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return { status: response.status, body: checked.data, rateLimit };
}
