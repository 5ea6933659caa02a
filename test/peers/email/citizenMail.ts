// Mails as they arrive in a town's shared mailbox, written out as RFC 5322 text for the tests to deliver into
// Dovecot: a citizen's question or answer, an out-of-office reply and a bounce (RFC 3464 delivery report).
import { randomUUID } from "node:crypto";

export interface MailOptions {
  from?: string;
  fromName?: string;
  to?: string;
  subject?: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export const newMessageId = (domain = "buerger.test") => `<${randomUUID()}@${domain}>`;

const encodeWord = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString("base64")}?=`;

/** A plain-text mail (UTF-8, 8bit); answers the Message-ID it was given or one it made. */
export function citizenMail(options: MailOptions): { raw: string; messageId: string } {
  const messageId = options.messageId ?? newMessageId();
  const lines = [
    `From: ${encodeWord(options.fromName ?? "Erika Mustermann")} <${options.from ?? "erika@buerger.test"}>`,
    `To: ${options.to ?? "buergerservice@stadt.test"}`,
    `Subject: ${encodeWord(options.subject ?? "Frage zum Wertstoffhof")}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
    ...(options.references?.length ? [`References: ${options.references.join(" ")}`] : []),
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    ...options.text.split("\n"),
    "",
  ];
  return { raw: lines.join("\r\n"), messageId };
}

/** A mail server's report that a mail could not be delivered (multipart/report; report-type=delivery-status). */
export function bounceMail(options: { to?: string; failedRecipient: string }): { raw: string; messageId: string } {
  const messageId = newMessageId("mx.buerger.test");
  const boundary = `b-${randomUUID()}`;
  const raw = [
    "From: Mail Delivery System <MAILER-DAEMON@mx.buerger.test>",
    `To: ${options.to ?? "buergerservice@stadt.test"}`,
    "Subject: Undelivered Mail Returned to Sender",
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    `The mail to <${options.failedRecipient}> could not be delivered.`,
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.buerger.test",
    "",
    `Final-Recipient: rfc822; ${options.failedRecipient}`,
    "Action: failed",
    "Status: 5.1.1",
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return { raw, messageId };
}
