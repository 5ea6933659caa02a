// Meta's 24-hour window for free answers to a person who wrote (WhatsApp's customer service window, Messenger's
// standard messaging window; the rule itself: domain/answerWindow.ts): connectors refuse before calling Meta, in
// draht's words, where the server's own refusal was not reached (a retry, a call outside the inbox).
import { ANSWER_WINDOW_MS, answerWindowOf } from "../../domain/answerWindow.js";

/** Free answers within this time after the citizen's last message. */
export const SERVICE_WINDOW_MS = ANSWER_WINDOW_MS;

/** Whether a free Messenger answer may still be sent. */
export function withinServiceWindow(citizenLastWroteAt: Date, now: Date): boolean {
  return answerWindowOf({ network: "facebook", direct: true, citizenLastWroteAt, now })?.open ?? true;
}

/** What draht records when Messenger no longer allows a free answer (shown to the person who answered). */
export const MESSENGER_WINDOW_REFUSAL =
  "Nicht gesendet: Die letzte Nachricht der Bürgerin oder des Bürgers ist mehr als 24 Stunden alt. Facebook erlaubt im Messenger dann keine freie Antwort mehr.";
