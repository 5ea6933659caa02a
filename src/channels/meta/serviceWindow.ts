// Meta's 24-hour window for free answers to a person who wrote (WhatsApp's customer service window, Messenger's
// standard messaging window): after it, Meta allows only templates (WhatsApp) or tagged messages (Messenger), which
// draht does not send. Connectors refuse before calling Meta, in draht's words; the inbox shows the window.

/** Free answers within this time after the citizen's last message. */
export const SERVICE_WINDOW_MS = 24 * 3_600_000;

/** Whether a free answer may still be sent. */
export function withinServiceWindow(citizenLastWroteAt: Date, now: Date): boolean {
  return now.getTime() - citizenLastWroteAt.getTime() < SERVICE_WINDOW_MS;
}

/** What draht records when Messenger no longer allows a free answer (shown to the person who answered). */
export const MESSENGER_WINDOW_REFUSAL =
  "Nicht gesendet: Die letzte Nachricht der Bürgerin oder des Bürgers ist mehr als 24 Stunden alt. Facebook erlaubt im Messenger dann keine freie Antwort mehr.";
