// Live updates: one EventSource per open inbox. "conversations" events name changed conversations;
// "presence" events say who is looking at or answering one; "ready" (also after a reconnect) means
// events may have been missed, so the page reloads what it shows.
import { useEffect, useRef } from "react";
import { type InboxEvent, inboxApi } from "../../api/inbox";

export type PresenceEvent = Extract<InboxEvent, { kind: "presence" }>;
type ConversationsEvent = Extract<InboxEvent, { kind: "conversations" }>;

export function useInboxEvents(
  orgId: string,
  handlers: { onChanged(ids: string[] | null): void; onPresence(event: PresenceEvent): void },
) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    // eslint-disable-next-line no-restricted-syntax -- not a load: an address for the live event stream
    const source = new EventSource(inboxApi.eventsUrl(orgId), { withCredentials: true });
    source.addEventListener("ready", () => latest.current.onChanged(null));
    source.addEventListener("conversations", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as ConversationsEvent;
      latest.current.onChanged(data.conversationIds);
    });
    source.addEventListener("presence", (event) =>
      latest.current.onPresence(JSON.parse((event as MessageEvent<string>).data) as PresenceEvent),
    );
    return () => source.close();
  }, [orgId]);
}
