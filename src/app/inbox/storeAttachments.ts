// The files citizens sent with newly stored messages (an e-mail's attachments), stored beside them in the same
// transaction: each with its type detected from the content (the sender's declared type is kept, not trusted)
// and its SHA-256, so a download can be shown to be the file that arrived.
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { Tx } from "../../db/client.js";
import { inboundAttachments } from "../../db/schema/index.js";
import type { TInboundAttachment } from "../../domain/inbound.js";

export async function storeAttachments(
  tx: Tx,
  args: { orgId: string; now: Date; messages: readonly { id: string; attachments: readonly TInboundAttachment[] }[] },
): Promise<void> {
  const rows: (typeof inboundAttachments.$inferInsert)[] = [];
  for (const message of args.messages)
    for (const [position, file] of message.attachments.entries()) {
      const content = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      const detected = await fileTypeFromBuffer(content);
      rows.push({
        orgId: args.orgId,
        inboundMessageId: message.id,
        position,
        fileName: file.fileName.trim() || `Anhang ${position + 1}`,
        mimeType: detected?.mime ?? "application/octet-stream",
        declaredMimeType: file.mimeType,
        byteSize: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
        createdAt: args.now,
      });
    }
  // One file at a time: a mail's attachments may together be 25 MB, more than one statement should carry.
  for (const row of rows) await tx.insert(inboundAttachments).values(row);
}
