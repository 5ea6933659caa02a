// The Telegram Bot API as draht speaks it (core.telegram.org/bots/api): POST <server>/bot<token>/<method> with a
// JSON or multipart body; every answer is {ok:true,result} or {ok:false,error_code,description,parameters}.
// Failures are classified for the worker: 401 (token revoked) auth expired; 429 rate limited with
// parameters.retry_after; 5xx and unreachable transient; other refusals permanent. The token is part of the
// address, so no address ever goes into an error or a log; the network's description goes to the error's detail.
import { z } from "zod";
import { ConnectorError, refusedServerError } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { boundedText, parseJsonBody } from "../http/networkHttp.js";
import type { TokenBucket } from "../http/tokenBucket.js";

const ZFailure = z.object({
  ok: z.literal(false),
  error_code: z.number().int(),
  description: z.string().default(""),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() }).optional(),
});

export interface TelegramCall {
  serverUrl: string;
  token: string;
  method: string;
  params?: Record<string, unknown>;
  /** Files to upload (multipart); `params` then travel in the query string, which Telegram reads as well. */
  form?: FormData;
  bucket?: TokenBucket;
  timeoutMs?: number;
}

/** A refusal told in draht's words: the method and the status, never the network's free text (→ detail). */
export function classifyTelegramFailure(method: string, status: number, body: unknown): ConnectorError {
  const failure = ZFailure.safeParse(body);
  const code = failure.success ? failure.data.error_code : status;
  const detail = failure.success ? failure.data.description : null;
  const message = `Telegram ${method}: HTTP ${code}`;
  if (code === 401) return new ConnectorError("auth_expired", message, { status: code, detail });
  if (code === 429) {
    const seconds = failure.success ? (failure.data.parameters?.retry_after ?? 30) : 30;
    return new ConnectorError("rate_limited", message, { status: code, detail, retryAfterMs: seconds * 1000 });
  }
  if (code >= 500) return new ConnectorError("transient", message, { status: code, detail });
  return new ConnectorError("permanent", message, { status: code, detail });
}

/** Whether a refusal says the message is not (or no longer) there ("message to delete not found"). */
export function isMessageGone(error: unknown): boolean {
  return (
    error instanceof ConnectorError &&
    error.status === 400 &&
    /message (to \w+ )?not found|MESSAGE_ID_INVALID/i.test(error.detail ?? "")
  );
}

export async function telegramCall<S extends z.ZodType>(
  fetchImpl: FetchFunction,
  call: TelegramCall,
  result: S,
): Promise<z.output<S>> {
  if (call.bucket && !(await call.bucket.take(10_000)))
    throw new ConnectorError("rate_limited", "client-side rate limit of this bot reached", {
      retryAfterMs: call.bucket.waitMs(),
    });
  // Multipart would turn the line breaks of a caption into CRLF (the form encoding's rule): texts go in the query.
  const query = call.form && call.params ? `?${new URLSearchParams(queryOf(call.params))}` : "";
  const url = `${call.serverUrl.replace(/\/$/, "")}/bot${call.token}/${call.method}${query}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: call.form
        ? { accept: "application/json" }
        : { accept: "application/json", "content-type": "application/json" },
      body: call.form ?? JSON.stringify(call.params ?? {}),
      signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
    });
  } catch (cause) {
    throw refusedServerError(cause) ?? new ConnectorError("transient", `Telegram ${call.method}: network unreachable`);
  }
  const body = parseJsonBody(await boundedText(response));
  if (response.ok) {
    const ok = body && typeof body === "object" && (body as Record<string, unknown>).ok === true;
    const answer = result.safeParse(ok ? (body as Record<string, unknown>).result : undefined);
    if (ok && answer.success) return answer.data;
    throw new ConnectorError("permanent", `Telegram ${call.method}: unexpected answer`, {
      detail: answer.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") ?? null,
    });
  }
  const error = classifyTelegramFailure(call.method, response.status, body);
  if (error.kind === "rate_limited") call.bucket?.blockUntil(Date.now() + (error.retryAfterMs ?? 30_000));
  throw error;
}

/** Parameters as query fields: objects JSON-serialised, as the Bot API takes them. */
function queryOf(params: Record<string, unknown>): [string, string][] {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

/** The parts of Telegram's objects draht reads (unknown fields pass through into raw). */
export const ZTelegramUser = z.object({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string().default(""),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TTelegramUser = z.infer<typeof ZTelegramUser>;

export const ZTelegramChatInfo = z.object({
  id: z.number(),
  type: z.enum(["private", "group", "supergroup", "channel"]),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  linked_chat_id: z.number().optional(),
});

const ZMessageCore = z.object({
  message_id: z.number(),
  date: z.number(),
  edit_date: z.number().optional(),
  chat: ZTelegramChatInfo,
  from: ZTelegramUser.optional(),
  sender_chat: ZTelegramChatInfo.optional(),
  message_thread_id: z.number().optional(),
  is_automatic_forward: z.boolean().optional(),
  forward_origin: z
    .object({ type: z.string(), chat: ZTelegramChatInfo.optional(), message_id: z.number().optional() })
    .optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.object({ file_id: z.string(), width: z.number(), height: z.number() })).optional(),
  video: z.object({ file_id: z.string() }).optional(),
  document: z.object({ file_id: z.string() }).optional(),
  voice: z.object({ file_id: z.string() }).optional(),
});
export const ZTelegramMessage = ZMessageCore.extend({ reply_to_message: ZMessageCore.optional() });
export type TTelegramMessage = z.infer<typeof ZTelegramMessage>;

export const ZTelegramUpdate = z
  .object({
    update_id: z.number(),
    message: ZTelegramMessage.optional(),
    edited_message: ZTelegramMessage.optional(),
    channel_post: ZTelegramMessage.optional(),
    edited_channel_post: ZTelegramMessage.optional(),
  })
  .loose();
export type TTelegramUpdate = z.infer<typeof ZTelegramUpdate>;
