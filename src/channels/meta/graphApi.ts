// Meta's Graph API as its connectors speak it (WhatsApp Business now; Facebook pages and Instagram share it): JSON with a bearer token,
// under the address rule (guardedFetch), answers checked with zod, and Graph's errors
// (`{ error: { message, type, code, error_subcode?, fbtrace_id } }`) classified by their code — Graph answers
// most failures with HTTP 400, so the status alone does not tell an expired token from a rate limit:
//   190 (and HTTP 401): the token expired or was revoked → auth_expired (reconnect);
//   4, 17, 32, 613, 80001, 80007, 130429, 131048, 131056 (and HTTP 429): rate limits → rate_limited, waiting as long
//   as Retry-After or Graph's usage headers (X-Business-Use-Case-Usage, X-App-Usage: estimated_time_to_regain_access,
//   in minutes) say, else a minute;
//   131047: more than 24 hours since the citizen last wrote → permanent, in draht's words;
//   1, 2, 131000, 133004 (and 5xx): the service failed for now → transient; everything else permanent.
import { z } from "zod";
import { ConnectorError, refusedServerError } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { boundedText, parseJsonBody, retryAfterMs } from "../http/networkHttp.js";
import { MESSENGER_WINDOW_REFUSAL } from "./serviceWindow.js";

const ZGraphError = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
  }),
});

// 4 app, 17 user, 32 page, 613 call rate, 80001 page (business use case), 80007 WhatsApp account, 13xxxx WhatsApp.
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80007, 130429, 131048, 131056]);
const TRANSIENT_CODES = new Set([1, 2, 131000, 133004]);
/** Graph's code for a message outside the customer service window ("Re-engagement message"). */
export const OUTSIDE_SERVICE_WINDOW = 131047;

/** What draht records when a message may only be an approved template (shown to the person who answered). */
export const SERVICE_WINDOW_REFUSAL =
  "Nicht gesendet: Die letzte Nachricht der Bürgerin oder des Bürgers ist mehr als 24 Stunden alt. WhatsApp erlaubt dann nur eine freigegebene Nachrichtenvorlage.";

/** Graph's code and subcode of a refusal, kept as the ConnectorError's cause (a connector may need to tell them apart). */
export class GraphFault {
  constructor(
    readonly code: number,
    readonly subcode: number | null,
  ) {}
}

/** Whether Graph refused because the object does not exist (or is no longer there): code 100, subcode 33. */
export function isMissingObject(error: unknown): boolean {
  return error instanceof ConnectorError && error.cause instanceof GraphFault && error.cause.code === 100
    ? error.cause.subcode === 33
    : false;
}

/** Messenger's refusal of a message outside the standard messaging window (code 10, subcode 2018278). */
const OUTSIDE_MESSAGING_WINDOW = { code: 10, subcode: 2018278 };

export function classifyGraphError(status: number, headers: Headers, body: unknown): ConnectorError {
  const parsed = ZGraphError.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : null;
  const subcode = parsed.success ? (parsed.data.error.error_subcode ?? null) : null;
  const detail = parsed.success ? (parsed.data.error.message ?? null) : null;
  const message = code === null ? `HTTP ${status}` : `HTTP ${status} Graph error ${code}`;
  const cause = code === null ? undefined : new GraphFault(code, subcode);
  if (code === 190 || status === 401) return new ConnectorError("auth_expired", message, { status, detail, cause });
  if (code === OUTSIDE_SERVICE_WINDOW)
    return new ConnectorError("permanent", SERVICE_WINDOW_REFUSAL, { status, detail });
  if (code === OUTSIDE_MESSAGING_WINDOW.code && subcode === OUTSIDE_MESSAGING_WINDOW.subcode)
    return new ConnectorError("permanent", MESSENGER_WINDOW_REFUSAL, { status, detail, cause });
  if ((code !== null && RATE_LIMIT_CODES.has(code)) || status === 429)
    return new ConnectorError("rate_limited", message, {
      retryAfterMs: retryAfterMs(headers) ?? usageWaitMs(headers) ?? 60_000,
      status,
      detail,
      cause,
    });
  if ((code !== null && TRANSIENT_CODES.has(code)) || status >= 500)
    return new ConnectorError("transient", message, { status, detail, cause });
  return new ConnectorError("permanent", message, { status, detail, cause });
}

/**
 * How long Graph's usage headers say to wait: X-Business-Use-Case-Usage is `{ "<id>": [{ …,
 * estimated_time_to_regain_access: <minutes> }] }`, X-App-Usage / X-Ad-Account-Usage carry the same field flat.
 */
export function usageWaitMs(headers: Headers): number | null {
  let minutes = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const wait = (value as Record<string, unknown>).estimated_time_to_regain_access;
    if (typeof wait === "number" && Number.isFinite(wait)) minutes = Math.max(minutes, wait);
    for (const inner of Object.values(value)) if (typeof inner === "object") visit(inner);
  };
  for (const name of ["x-business-use-case-usage", "x-app-usage", "x-ad-account-usage"]) {
    const header = headers.get(name);
    if (!header) continue;
    try {
      visit(JSON.parse(header));
    } catch {
      // A header that is not JSON says nothing about waiting.
    }
  }
  return minutes > 0 ? Math.min(minutes, 24 * 60) * 60_000 : null;
}

export async function graphRequest<S extends z.ZodType>(
  fetchImpl: FetchFunction,
  request: {
    method?: "GET" | "POST" | "DELETE";
    url: string;
    /** The bearer token; none for Facebook Login's token exchange, which carries the app's secret instead. */
    token?: string;
    json?: unknown;
    /** A multipart body (a file upload) instead of JSON. */
    form?: FormData;
    /** Longer for uploads. */
    timeoutMs?: number;
  },
  schema: S,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(request.token === undefined ? {} : { authorization: `Bearer ${request.token}` }),
        ...(request.json === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.form ?? (request.json === undefined ? undefined : JSON.stringify(request.json)),
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
  } catch (cause) {
    throw refusedServerError(cause) ?? new ConnectorError("transient", "network unreachable", { cause });
  }
  const body = parseJsonBody(await boundedText(response));
  if (!response.ok) throw classifyGraphError(response.status, response.headers, body);
  const checked = schema.safeParse(body);
  if (!checked.success) throw new ConnectorError("permanent", `unexpected answer from ${new URL(request.url).host}`);
  return checked.data;
}
