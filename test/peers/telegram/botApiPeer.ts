// A protocol-faithful fake of the Telegram Bot API for tests, written from its reference
// (core.telegram.org/bots/api): POST or GET /bot<token>/<method> with JSON, form or multipart parameters;
// answers {ok:true,result} or {ok:false,error_code,description,parameters} — 401 "Unauthorized" for a revoked
// token, 429 "Too Many Requests: retry after N" with parameters.retry_after, 400 "Bad Request: …" (chat not
// found, message to delete not found, message is too long, caption too long, image not processable), 403 for a
// user who blocked the bot, 409 for getUpdates while a webhook is set, 404 for an unknown method. getUpdates
// confirms everything before its offset; setWebhook delivers each update by POST with the secret_token in
// X-Telegram-Bot-Api-Secret-Token. There is no Telegram server to run here, so this stands in for it.
import Fastify, { type FastifyReply } from "fastify";
import { type BotApiState, type Chat, createBotApiState, type Message } from "./botApiState.js";
import { fail, ok, type Params, registerSendingMethods } from "./sendingMethods.js";

export interface BotApiPeer {
  url: string;
  token: string;
  state: BotApiState;
  close(): Promise<void>;
}

async function paramsOf(body: unknown, contentType: string, query: Record<string, string>): Promise<Params> {
  const params: Params = { ...query };
  if (Buffer.isBuffer(body) && contentType.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    for (const [key, value] of form.entries()) params[key] = value;
  } else if (body && typeof body === "object") Object.assign(params, body);
  // Telegram takes JSON-serialised objects in form fields (reply_parameters, allowed_updates, media).
  for (const key of ["reply_parameters", "allowed_updates", "media"])
    if (typeof params[key] === "string")
      try {
        params[key] = JSON.parse(params[key] as string);
      } catch {
        /* left as it is: the method refuses it */
      }
  return params;
}

/** How the peer reaches a webhook: fetch by default; a test with an in-process server hands its own way in. */
export type Deliver = (url: string, headers: Record<string, string>, body: string) => Promise<number>;
const fetchDeliver: Deliver = async (url, headers, body) =>
  (await fetch(url, { method: "POST", headers, body })).status;

export async function startBotApiPeer(options: { token?: string; deliver?: Deliver } = {}): Promise<BotApiPeer> {
  const token = options.token ?? "7000000001:AAFakeTokenForTheTestsOnly_0123456789";
  const state = createBotApiState({ token });
  const app = Fastify({ logger: false, bodyLimit: 60 * 1024 * 1024, forceCloseConnections: true });
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const methods = new Map<string, (params: Params, reply: FastifyReply) => unknown>();
  const send = options.deliver ?? fetchDeliver;

  app.route({
    method: ["GET", "POST"],
    url: "/bot:token/:method",
    handler: async (req, reply) => {
      const { token: sent, method } = req.params as { token: string; method: string };
      if (!state.tokens.has(sent)) return fail(reply, 401, "Unauthorized");
      if (Date.now() < state.floodUntil) {
        const seconds = Math.ceil((state.floodUntil - Date.now()) / 1000);
        return fail(reply, 429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
      }
      const handler = methods.get(method);
      if (!handler) return fail(reply, 404, "Not Found");
      const params = await paramsOf(
        req.body,
        String(req.headers["content-type"] ?? ""),
        req.query as Record<string, string>,
      );
      return handler(params, reply);
    },
  });

  methods.set("getMe", (_p, reply) => ok(reply, state.bot));
  methods.set("getChat", (p, reply) => {
    const chat = state.chatOf(p.chat_id);
    return chat ? ok(reply, chat) : fail(reply, 400, "Bad Request: chat not found");
  });
  methods.set("getUpdates", (p, reply) => {
    if (state.webhook)
      return fail(
        reply,
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    if (p.offset !== undefined) state.confirmBefore(Number(p.offset));
    if (Array.isArray(p.allowed_updates)) state.allowedUpdates = p.allowed_updates as string[];
    return ok(reply, state.updates.filter((u) => allowed(u, state.allowedUpdates)).slice(0, limit));
  });
  methods.set("setWebhook", (p, reply) => {
    const secret = typeof p.secret_token === "string" ? p.secret_token : null;
    if (secret !== null && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
      return fail(reply, 400, "Bad Request: secret token contains unallowed characters");
    if (typeof p.url !== "string" || p.url === "") {
      state.webhook = null;
      return ok(reply, true);
    }
    // Telegram delivers only to HTTPS, on the ports 443, 80, 88 and 8443.
    const target = URL.canParse(p.url) ? new URL(p.url) : null;
    if (target?.protocol !== "https:")
      return fail(reply, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    if (!["", "443", "80", "88", "8443"].includes(target.port))
      return fail(reply, 400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    state.webhook = {
      url: p.url,
      secret,
      allowedUpdates: Array.isArray(p.allowed_updates) ? (p.allowed_updates as string[]) : null,
    };
    for (const update of [...state.updates]) void deliver(state, update, send);
    return ok(reply, true);
  });
  methods.set("deleteWebhook", (_p, reply) => {
    state.webhook = null;
    return ok(reply, true);
  });
  state.onUpdate = (update) => void (state.webhook && deliver(state, update, send));
  registerSendingMethods(methods, state);

  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url: address, token, state, close: () => app.close() };
}

function allowed(update: object, list: string[] | null): boolean {
  // Telegram's default (an empty list): every kind except chat_member, message_reaction and the like.
  if (!list || list.length === 0) return true;
  return Object.keys(update).some((key) => key !== "update_id" && list.includes(key));
}

/** Delivers one update to the webhook; confirmed (forgotten) on a 2xx, kept for a later try otherwise. */
async function deliver(state: BotApiState, update: { update_id: number }, send: Deliver, attempt = 1): Promise<void> {
  const hook = state.webhook;
  if (!hook || !allowed(update, hook.allowedUpdates)) return;
  let status = 0;
  try {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (hook.secret) headers["x-telegram-bot-api-secret-token"] = hook.secret;
    status = await send(hook.url, headers, JSON.stringify(update));
  } catch {
    status = 0;
  }
  const at = state.updates.findIndex((u) => u.update_id === update.update_id);
  if (status >= 200 && status < 300) {
    if (at >= 0) state.updates.splice(at, 1);
    return;
  }
  // Telegram keeps the update and tries again later (here: soon, a few times).
  state.webhookFailures++;
  if (attempt < 5) setTimeout(() => void deliver(state, update, send, attempt + 1), 50 * attempt).unref();
}

/** What citizens do on Telegram, for tests: comment under a channel post, answer a comment, write to the bot. */
export function citizensOf(state: BotApiState) {
  const person = state.citizen("Erika", "erika_m");
  return {
    person,
    comment(channelMessageId: number, text: string, author = person): Message {
      const forward = state.forwardOf(channelMessageId);
      if (!forward) throw new Error(`no discussion for channel post ${channelMessageId}`);
      return state.add(state.group, {
        from: author,
        text,
        message_thread_id: forward.message_id,
        reply_to_message: forward,
      });
    },
    writeToBot(text: string, author = person): Message {
      return state.add(state.chatOf(author.id) as Chat, { from: author, text });
    },
  };
}
