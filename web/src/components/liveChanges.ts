// Live changes for the frame of every organisation page: one EventSource on the inbox's live stream (for
// people who may see the inbox), turned into a number that grows, at most every half second, whenever something
// changed — the navigation's counts and the start page load again when it does. Also after a reconnect ("ready"),
// since events may have been missed.
import { createContext, useContext, useEffect, useState } from "react";
import { inboxApi } from "../api/inbox";

/** Several events in a burst (a batch of messages) cause one reload. */
const DEBOUNCE_MS = 500;

export const LiveChangesContext = createContext(0);

/** A number that changes after each (debounced) live change; use it as a dependency of a load. */
export function useLiveChanges(): number {
  return useContext(LiveChangesContext);
}

export function useLiveChangeCounter(orgId: string, enabled: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    const changed = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setVersion((v) => v + 1), DEBOUNCE_MS);
    };
    // eslint-disable-next-line no-restricted-syntax -- not a load: an address for the live event stream
    const source = new EventSource(inboxApi.eventsUrl(orgId), { withCredentials: true });
    source.addEventListener("conversations", changed);
    source.addEventListener("ready", changed);
    return () => {
      window.clearTimeout(timer);
      source.close();
    };
  }, [orgId, enabled]);
  return version;
}
