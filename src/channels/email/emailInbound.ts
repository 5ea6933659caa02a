// One mail as draht's inbound message: a direct message from the From address, threaded by its root
// Message-ID (the first of References, else In-Reply-To, else its own), with the new part as the text
// (emailText.ts) and the full text, subject and headers that matter kept in raw; its files as attachments.
import { createHash } from "node:crypto";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import type { InboundChange } from "../../domain/connector.js";
import { ATTACHMENT_LIMITS } from "../../domain/inbound.js";
import { classifyMail, type MailKind } from "./emailKind.js";
import { collapseQuotedText } from "./emailText.js";

export interface ParsedInbound {
  kind: MailKind;
  change: InboundChange;
  parsed: ParsedMail;
}

const firstAddress = (from: AddressObject | undefined) => from?.value[0];

const idList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((v) => v.trim()).filter((v) => v !== "");

/** A mail without a Message-ID still needs a stable id: its sender, date and subject, hashed. */
function fallbackMessageId(parsed: ParsedMail): string {
  const hash = createHash("sha256")
    .update(
      `${firstAddress(parsed.from)?.address ?? ""}\u0000${parsed.date?.toISOString() ?? ""}\u0000${parsed.subject ?? ""}`,
    )
    .digest("hex")
    .slice(0, 32);
  return `<${hash}@draht.invalid>`;
}

/** The plain text: the text part, else the HTML part converted (mailparser does that itself, with html-to-text). */
const plainTextOf = (parsed: ParsedMail): string => parsed.text ?? "";

export async function inboundOfMail(
  source: Buffer,
  meta: { uid: number; uidValidity: string; internalDate: Date | null },
): Promise<ParsedInbound> {
  const parsed = await simpleParser(source, { skipImageLinks: true });
  const from = firstAddress(parsed.from);
  const address = (from?.address ?? "").toLowerCase();
  const messageId = parsed.messageId ?? fallbackMessageId(parsed);
  const references = idList(parsed.references);
  const inReplyTo = idList(parsed.inReplyTo)[0] ?? null;
  const full = plainTextOf(parsed);
  const { shown, collapsed } = collapseQuotedText(full);
  const contentType = parsed.headers.get("content-type") as
    { value?: string; params?: Record<string, string> } | undefined;
  const kind = classifyMail({
    headers: parsed.headers,
    fromAddress: address,
    subject: parsed.subject ?? "",
    contentType: contentType?.value ?? "text/plain",
    reportType: contentType?.params?.["report-type"] ?? null,
  });
  // A mail's own files; images shown inline in its HTML (logos, signatures' pictures) are not.
  const files = parsed.attachments
    .filter((a) => a.contentDisposition !== "inline" || !a.contentType.startsWith("image/"))
    .map((a) => ({
      fileName: (a.filename ?? "").slice(0, 300),
      mimeType: a.contentType.slice(0, 200),
      content: a.content,
    }));
  const kept = keptAttachments(files);
  return {
    kind,
    parsed,
    change: {
      change: "new",
      message: {
        externalId: messageId.slice(0, 500),
        kind: "direct",
        authorHandle: (address || "unbekannt").slice(0, 500),
        authorName: (from?.name ?? "").slice(0, 500),
        text: shown.slice(0, 100_000),
        language: null,
        threadExternalId: (references[0] ?? inReplyTo ?? messageId).slice(0, 500),
        inReplyToExternalId: inReplyTo?.slice(0, 500) ?? null,
        visibility: "visible",
        media: [],
        attachments: kept.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, content: a.content })),
        receivedAt: parsed.date ?? meta.internalDate ?? new Date(),
        raw: {
          subject: parsed.subject ?? "",
          to: (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((t) =>
            t.value.map((v) => v.address ?? ""),
          ),
          references,
          // Every attachment named; those within the limits stored with the message (kept), the rest stay in
          // the mailbox.
          attachments: files.slice(0, 50).map((a) => ({
            fileName: a.fileName,
            mimeType: a.mimeType,
            size: a.content.byteLength,
            stored: kept.includes(a),
          })),
          fullText: collapsed ? full.slice(0, 100_000) : undefined,
          imap: { uid: meta.uid, uidValidity: meta.uidValidity },
        },
      },
    },
  };
}

/** The attachments draht keeps, in the mail's order, within ATTACHMENT_LIMITS; the others stay in the mailbox. */
export function keptAttachments<T extends { content: Uint8Array }>(files: readonly T[]): T[] {
  const kept: T[] = [];
  let together = 0;
  for (const file of files) {
    const size = file.content.byteLength;
    if (kept.length === ATTACHMENT_LIMITS.count) break;
    if (size > ATTACHMENT_LIMITS.bytesEach || together + size > ATTACHMENT_LIMITS.bytesTogether) continue;
    kept.push(file);
    together += size;
  }
  return kept;
}
