// A file a citizen sent, for those who may read its conversation: found through its message in that
// conversation (a file of another conversation, or of another organisation, is "not found"), served as a
// download with a name that cannot break the header and a type that cannot make the browser run it.
import { and, eq } from "drizzle-orm";
import { inboundAttachments, inboundMessages } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";

/** Types a browser shows without running anything; every other file is served as application/octet-stream. */
const PASSIVE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"]);

export async function getAttachment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string; attachmentId: string },
): Promise<{ content: Buffer; headers: Record<string, string> }> {
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.view" });
  const [file] = await ctx.db
    .select({
      content: inboundAttachments.content,
      fileName: inboundAttachments.fileName,
      mimeType: inboundAttachments.mimeType,
      sha256: inboundAttachments.sha256,
    })
    .from(inboundAttachments)
    .innerJoin(inboundMessages, eq(inboundMessages.id, inboundAttachments.inboundMessageId))
    .where(
      and(
        eq(inboundAttachments.id, options.attachmentId),
        eq(inboundAttachments.orgId, options.orgId),
        eq(inboundMessages.conversationId, conversation.id),
      ),
    );
  if (!file) throw new AppError("NOT_FOUND");
  return {
    content: file.content,
    headers: {
      "content-type": PASSIVE_TYPES.has(file.mimeType) ? file.mimeType : "application/octet-stream",
      "content-disposition": attachmentDisposition(file.fileName),
      // The stored SHA-256: the download is the file that arrived.
      digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
    },
  };
}

/**
 * `attachment` with the citizen's file name: an ASCII fallback without quotes, backslashes or control
 * characters, and the exact name in RFC 8187 encoding (`filename*`), which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\x20-\x7e]|["\\%]/g, "_")
      .trim() || "Anhang";
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
