// The inbox's keyboard: j/k move to the next/previous conversation (and open it), r jumps to the reply,
// a to the assignee, e closes the open conversation, x selects it for bulk actions, ? shows these keys. Keys typed into
// a field are left alone, and so are keys with Ctrl, Alt or Meta (browser and screen-reader commands).
import { useEffect, useRef } from "react";
import type { ConversationSummary } from "../../api/inbox";

interface Keys {
  rows: ConversationSummary[];
  openId: string | null;
  open(id: string): void;
  focusReply(): void;
  focusAssign(): void;
  close(id: string): void;
  toggle(id: string): void;
  showHelp(): void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  // Checkboxes and buttons do not take letters; text fields do.
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}

export function useInboxKeys(keys: Keys) {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.altKey || event.metaKey || typingInto(event.target)) return;
      const { rows, openId } = latest.current;
      const index = rows.findIndex((r) => r.id === openId);
      const move = (step: number) => {
        const next = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
        if (!next) return;
        latest.current.open(next.id);
        window.requestAnimationFrame(() =>
          document.querySelector<HTMLButtonElement>(`[data-conversation="${next.id}"]`)?.focus(),
        );
      };
      const handlers: Record<string, () => void> = {
        j: () => move(index < 0 ? 0 : 1),
        k: () => move(index < 0 ? 0 : -1),
        r: () => latest.current.focusReply(),
        a: () => latest.current.focusAssign(),
        e: () => openId && latest.current.close(openId),
        x: () => openId && latest.current.toggle(openId),
        "?": () => latest.current.showHelp(),
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
