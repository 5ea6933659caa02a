// One listener per process on the inbox's NOTIFY channel, fanned out in memory to the open
// Server-Sent-Event streams of each organisation. Started with the first subscriber.
import { INBOX_CHANNEL, type TInboxEvent, parseInboxEvent } from "../app/inbox/inboxEvents.js";

export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export interface InboxHub {
  subscribe(orgId: string, onEvent: (event: TInboxEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}

export function createInboxHub(listen: Listen): InboxHub {
  const subscribers = new Map<string, Set<(event: TInboxEvent) => void>>();
  let stop: Promise<() => Promise<void>> | null = null;
  const dispatch = (payload: string) => {
    const event = parseInboxEvent(payload);
    if (!event) return;
    for (const onEvent of subscribers.get(event.orgId) ?? []) onEvent(event);
  };
  return {
    async subscribe(orgId, onEvent) {
      stop ??= listen(INBOX_CHANNEL, dispatch);
      await stop;
      const set = subscribers.get(orgId) ?? new Set();
      set.add(onEvent);
      subscribers.set(orgId, set);
      return () => {
        set.delete(onEvent);
        if (set.size === 0) subscribers.delete(orgId);
      };
    },
    async close() {
      subscribers.clear();
      if (stop) await (await stop)();
      stop = null;
    },
  };
}
