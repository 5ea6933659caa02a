// An answer from the inbox as a mail: sent by SMTP to the citizen, with In-Reply-To and References (the
// answered mail's references plus its Message-ID) and "Re: <its subject>", read from the mailbox, so that
// the citizen's mail program threads it; the Message-ID carries the reply's idempotency key. Files of the media
// library sent with the answer are its attachments, at most 20 MB together (mail servers commonly take 25 MB, and
// Base64 makes a file a third larger).
import {
  type ConnectorAccount,
  ConnectorError,
  type OutgoingReply,
  type PublishedItem,
} from "../../domain/connector.js";
import type { NetworkServerAccess } from "../../domain/serverAddress.js";
import { credentialsOf, emailSettingsOf, mailError, smtpTransport, withOpenMailbox } from "./emailConnection.js";
import { inboundOfMail } from "./emailInbound.js";
import { withDescriptions } from "../mediaDescriptions.js";

/** The mail answered, for its subject and references (null when the mailbox no longer has it). */
async function findOriginal(account: ConnectorAccount, messageId: string, access: NetworkServerAccess) {
  return withOpenMailbox({ account, access }, async (client) => {
    const uids = (await client.search({ header: { "message-id": messageId } }, { uid: true })) || [];
    const uid = uids[uids.length - 1];
    if (uid === undefined) return null;
    const found = await client.fetchOne(String(uid), { source: true }, { uid: true });
    if (!found || !found.source) return null;
    return inboundOfMail(found.source, { uid, uidValidity: "0", internalDate: null });
  });
}

export async function sendEmailReply(args: {
  account: ConnectorAccount;
  answer: OutgoingReply;
  access: NetworkServerAccess;
  /** The installation's clock: the mail's Date header. */
  now: Date;
}): Promise<PublishedItem> {
  const { account, answer, access } = args;
  const settings = emailSettingsOf(account);
  credentialsOf(account);
  const original = await findOriginal(account, answer.inReplyToExternalId, access);
  const subject = original?.parsed.subject?.trim() || "Ihre Nachricht";
  const references = [
    ...(original
      ? ((original.change.message.raw.references as string[] | undefined) ?? [])
      : [answer.threadExternalId]),
    answer.inReplyToExternalId,
  ].filter((id, i, all) => id !== "" && all.indexOf(id) === i);
  const to = original?.change.message.authorHandle ?? answer.toHandle;
  if (!to) throw new ConnectorError("permanent", "the answered mail has no sender to answer");
  const domain = settings.address.split("@")[1] ?? "draht.invalid";
  // The idempotency key in the Message-ID: a recipient's program shows a repeated send as one mail.
  const messageId = `<${answer.idempotencyKey}@${domain}>`;
  const attachments = await attachmentsOf(answer);
  const transport = await smtpTransport(settings, account, access);
  try {
    await transport.sendMail({
      from: { name: settings.displayName, address: settings.address },
      to,
      subject: /^(re|aw|antw):/i.test(subject) ? subject : `Re: ${subject}`,
      // A mail has no alternative text for its files: their descriptions follow the text.
      text: withDescriptions(answer.text, answer.media ?? [], Number.MAX_SAFE_INTEGER),
      messageId,
      date: args.now,
      inReplyTo: answer.inReplyToExternalId,
      references,
      attachments,
      // RFC 3834: an answer written by a person is no automatic reply, but it must not start an out-of-office loop.
      headers: { "X-Auto-Response-Suppress": "All" },
    });
  } catch (error) {
    throw mailError(error, "SMTP");
  } finally {
    transport.close();
  }
  return { externalId: messageId, url: null };
}

/** Most bytes of files one answer carries by mail, before Base64. */
export const MAIL_ATTACHMENT_BYTES = 20 * 1024 * 1024;

async function attachmentsOf(answer: OutgoingReply) {
  const files = await Promise.all(
    (answer.media ?? []).map(async (file) => {
      if (!file.content) throw new ConnectorError("permanent", `medium ${file.id} has no content`);
      return {
        filename: file.fileName ?? `${file.kind === "video" ? "video" : "bild"}`,
        content: Buffer.from(await file.content()),
        contentType: file.mimeType ?? "application/octet-stream",
      };
    }),
  );
  if (files.reduce((sum, f) => sum + f.content.byteLength, 0) > MAIL_ATTACHMENT_BYTES)
    throw new ConnectorError("permanent", "the files are larger than an e-mail should carry (20 MB together)");
  return files;
}
