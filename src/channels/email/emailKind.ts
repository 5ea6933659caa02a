// Which mails are no citizen's question: automatic replies (out-of-office notes, ticket confirmations) and
// bounces (a delivery failed). Answering them starts mail loops between two robots, and counting them would
// put questions nobody asked into the inbox and its response times. They are recognised by the headers
// RFC 3834 and the common mail programs set, by their report format (RFC 3464), and by their senders.

export type MailKind = "citizen" | "auto_reply" | "bounce";

/** The headers as mailparser gives them: lower-case names, values as strings or structured objects. */
export type MailHeaders = ReadonlyMap<string, unknown>;

const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return "";
};

const AUTO_SUBJECT =
  /^\s*(automatische antwort|auto(matic)?[ -]?reply|autoreply|out of (the )?office|abwesenheitsnotiz|abwesend|urlaubsabwesenheit)\b/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliverable|unzustellbar|delivery status notification|mail delivery failed|returned mail)/i;

export function classifyMail(args: {
  headers: MailHeaders;
  fromAddress: string;
  subject: string;
  /** The top-level content type (mailparser's parsed header: value and params). */
  contentType: string;
  reportType: string | null;
}): MailKind {
  const { headers } = args;
  const contentType = args.contentType.toLowerCase();
  if (contentType === "multipart/report" && (args.reportType ?? "").toLowerCase() === "delivery-status")
    return "bounce";
  if (BOUNCE_SENDER.test(args.fromAddress)) return "bounce";
  if (BOUNCE_SUBJECT.test(args.subject) && (contentType === "multipart/report" || args.fromAddress === ""))
    return "bounce";
  const autoSubmitted = text(headers.get("auto-submitted")).trim().toLowerCase();
  if (autoSubmitted !== "" && autoSubmitted !== "no") return "auto_reply";
  if (headers.has("x-autoreply") || headers.has("x-autorespond") || headers.has("x-auto-response-suppress")) {
    // X-Auto-Response-Suppress asks others not to auto-answer; Exchange sets it on its own auto-replies, but also
    // on some ordinary mails, so it counts only together with an auto-reply subject.
    if (headers.has("x-autoreply") || headers.has("x-autorespond") || AUTO_SUBJECT.test(args.subject))
      return "auto_reply";
  }
  const precedence = text(headers.get("precedence")).trim().toLowerCase();
  if (precedence === "bulk" || precedence === "junk" || precedence === "auto_reply") return "auto_reply";
  if (AUTO_SUBJECT.test(args.subject)) return "auto_reply";
  return "citizen";
}
