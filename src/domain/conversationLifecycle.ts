// A conversation's (Vorgang's) small status set and what moves it: a citizen writes, staff answer,
// staff wait for the citizen, someone closes it; a new citizen message reopens a closed conversation.
export const CONVERSATION_STATUSES = ["new", "open", "waiting_for_citizen", "answered", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export type ConversationEvent =
  "citizen_wrote" | "staff_viewed" | "staff_answered" | "staff_asked_back" | "closed" | "reopened";

const NEXT: Record<ConversationEvent, (from: ConversationStatus) => ConversationStatus | null> = {
  // Whatever the state, a citizen's new message needs someone's attention again.
  citizen_wrote: (from) => (from === "new" ? "new" : "open"),
  staff_viewed: (from) => (from === "new" ? "open" : null),
  staff_answered: (from) => (from === "closed" ? null : "answered"),
  staff_asked_back: (from) => (from === "closed" ? null : "waiting_for_citizen"),
  closed: (from) => (from === "closed" ? null : "closed"),
  reopened: (from) => (from === "closed" ? "open" : null),
};

/** The status after an event, or null when the event does not apply in that status. */
export function nextConversationStatus(from: ConversationStatus, event: ConversationEvent): ConversationStatus | null {
  return NEXT[event](from);
}
