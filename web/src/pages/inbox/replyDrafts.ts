// Unsent answers, one per conversation, kept in this tab's session storage: switching to another conversation
// and back finds the text again. Not in local storage, so an answer to a citizen does not outlive the tab on a
// shared computer; signing out from the menu forgets them all, and a sent answer is no draft.
const PREFIX = "draht.reply.";

const keyOf = (orgId: string, conversationId: string) => `${PREFIX}${orgId}.${conversationId}`;

export function keptDraft(orgId: string, conversationId: string): string {
  try {
    return sessionStorage.getItem(keyOf(orgId, conversationId)) ?? "";
  } catch {
    return "";
  }
}

/** Keeps `text` as the conversation's draft; an empty text removes it. */
export function keepDraft(orgId: string, conversationId: string, text: string): void {
  try {
    if (text.trim() === "") sessionStorage.removeItem(keyOf(orgId, conversationId));
    else sessionStorage.setItem(keyOf(orgId, conversationId), text);
  } catch {
    // Storage full or switched off: the text stays in the open page, as before.
  }
}

export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}
