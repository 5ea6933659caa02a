// Mastodon's streaming API as server-sent events (GET /api/v1/streaming/user/notification): each
// "notification" event wakes the account's sync up; heartbeats (":thump") and other lines are ignored.
import { ConnectorError, refusedServerError } from "../../domain/connector.js";
import { MAX_ANSWER_BYTES, boundedText, classifyResponse, type FetchLike, parseJsonBody } from "../http/networkHttp.js";

const WAKING_EVENTS = new Set(["notification", "update", "status.update", "delete", "conversation"]);

export async function listenToMastodonStream(args: {
  fetchImpl: FetchLike;
  url: string;
  token: string;
  onActivity: () => void;
  signal: AbortSignal;
}): Promise<void> {
  let response: Response;
  try {
    response = await args.fetchImpl(args.url, {
      headers: { authorization: `Bearer ${args.token}`, accept: "text/event-stream" },
      signal: args.signal,
    });
  } catch (cause) {
    if (args.signal.aborted) return;
    throw refusedServerError(cause) ?? new ConnectorError("transient", "stream unreachable", { cause });
  }
  if (!response.ok || !response.body) {
    const body = await boundedText(response, 64 * 1024).catch(() => "");
    throw classifyResponse(response.status, response.headers, parseJsonBody(body));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      // A line that never ends is no stream of events (and must not fill the memory).
      if (buffer.length > MAX_ANSWER_BYTES) throw new Error("stream line too long");
      for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line === "") {
          if (WAKING_EVENTS.has(event)) args.onActivity();
          event = "";
        }
      }
    }
  } catch (error) {
    if (args.signal.aborted) return;
    throw new ConnectorError("transient", "stream interrupted", { cause: error });
  } finally {
    reader.releaseLock();
  }
}
