// E-mail out of draht through the SMTP server the operator configured (SMTP_URL, SMTP_FROM), by nodemailer.
// The only code that speaks SMTP; without SMTP_URL there is no mailer at all, so nothing is ever sent or
// connected to. Addresses and subjects are not logged (personal data); the caller logs ids.
import nodemailer from "nodemailer";

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** Sends one e-mail; rejects when the server refuses it or cannot be reached. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      });
    },
  };
}
