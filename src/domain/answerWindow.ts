// Networks that let an organisation answer a citizen's direct messages freely only for a while after the citizen
// last wrote: WhatsApp Business (its customer service window; every conversation there is direct), and Meta's
// Messenger and Instagram direct messages (the standard messaging window) — 24 hours each. Outside it WhatsApp takes
// only an approved message template and Messenger only tagged messages, so draht refuses a free answer before
// sending and the inbox shows when the window closes. Pure: `now` is a parameter.

export const ANSWER_WINDOW_MS = 24 * 3_600_000;

const WINDOWED_NETWORKS: ReadonlySet<string> = new Set(["whatsapp", "facebook", "instagram"]);

export interface AnswerWindow {
  closesAt: Date;
  open: boolean;
}

/** The window of a conversation; null where the network has none (or the conversation is not a direct one). */
export function answerWindowOf(args: {
  network: string;
  /** Whether the citizen writes directly to the organisation (not a comment under a post). */
  direct: boolean;
  citizenLastWroteAt: Date;
  now: Date;
}): AnswerWindow | null {
  if (!WINDOWED_NETWORKS.has(args.network) || !args.direct) return null;
  const closesAt = new Date(args.citizenLastWroteAt.getTime() + ANSWER_WINDOW_MS);
  return { closesAt, open: args.now.getTime() < closesAt.getTime() };
}
