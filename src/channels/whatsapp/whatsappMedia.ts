// A citizen's file in a WhatsApp message: the webhook names it by its media id only. It is fetched as Meta's
// reference describes — GET /{media-id} (→ url, mime_type, file_size), then GET url with the same token — and
// kept as the message's attachment within ATTACHMENT_LIMITS; a file beyond them, or one Meta will not give, is
// named in the message's raw payload (stored: false) and stays at Meta, where it expires after 30 days.
// Files of draht's media library go out with an answer the other way: uploaded, then sent by their media id.
import { z } from "zod";
import { ConnectorError, type InboundChange, type OutgoingMedia, type WebhookEvent } from "../../domain/connector.js";
import { ATTACHMENT_LIMITS, type TInboundAttachment } from "../../domain/inbound.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";

const ZMediaUrl = z.object({ url: z.url(), mime_type: z.string().max(200), file_size: z.number().int().optional() });
const MEDIA_TYPES = ["image", "document", "audio", "video", "sticker"] as const;
const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
};

interface MediaRef {
  id: string;
  filename?: string;
  mime_type?: string;
}

function mediaRefOf(raw: Record<string, unknown>): { type: string; ref: MediaRef } | null {
  const type = raw.type;
  if (typeof type !== "string" || !(MEDIA_TYPES as readonly string[]).includes(type)) return null;
  const ref = raw[type] as MediaRef | undefined;
  return ref && typeof ref.id === "string" ? { type, ref } : null;
}

async function download(fetchImpl: FetchFunction, url: string, token: string, limit: number): Promise<Uint8Array> {
  const response = await fetchImpl(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok || !response.body) throw new Error(`media download answered ${response.status}`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body.cancel();
    throw new Error("too large");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The events with each message's file fetched as its attachment (or named as not kept). */
export async function collectWhatsAppMedia(args: {
  fetchImpl: FetchFunction;
  baseUrl: string;
  token: string | null;
  events: WebhookEvent[];
}): Promise<WebhookEvent[]> {
  const withFile = async (change: InboundChange): Promise<InboundChange> => {
    const found = mediaRefOf(change.message.raw);
    if (!found) return change;
    const { type, ref } = found;
    try {
      if (!args.token) throw new Error("not connected");
      const media = await graphRequest(
        args.fetchImpl,
        { url: `${args.baseUrl}/${ref.id}`, token: args.token },
        ZMediaUrl,
      );
      if ((media.file_size ?? 0) > ATTACHMENT_LIMITS.bytesEach) throw new Error("too large");
      const content = await download(args.fetchImpl, media.url, args.token, ATTACHMENT_LIMITS.bytesEach);
      const attachment: TInboundAttachment = {
        fileName: ref.filename ?? `${type}.${EXTENSIONS[media.mime_type] ?? "bin"}`,
        mimeType: media.mime_type,
        content,
      };
      return { ...change, message: { ...change.message, attachments: [attachment] } };
    } catch {
      // Kept at Meta only: the message says a file came with it that draht does not hold.
      const raw = {
        ...change.message.raw,
        attachments: [{ mediaId: ref.id, fileName: ref.filename ?? null, stored: false }],
      };
      return { ...change, message: { ...change.message, raw } };
    }
  };
  return Promise.all(
    args.events.map(async (event) => ({ ...event, changes: await Promise.all(event.changes.map(withFile)) })),
  );
}

/** Meta's limits for files sent by the Cloud API: images (JPEG, PNG) 5 MB, videos (MP4) 16 MB; else a document. */
const SENDABLE = { image: ["image/jpeg", "image/png"], video: ["video/mp4"] } as const;
const MAX_SENT_BYTES = { image: 5 * 1024 * 1024, video: 16 * 1024 * 1024, document: 100 * 1024 * 1024 };
const ZUploaded = z.object({ id: z.string().min(1) });

/**
 * A library file as the content of a WhatsApp message, with the answer's text as its caption: uploaded first
 * (POST /{phone-number-id}/media, multipart), then named by the media id Meta returns. An image or video WhatsApp does
 * not show as such (WebP, GIF, a video over 16 MB) goes as a document, with its file name.
 */
export async function whatsappMediaContent(args: {
  fetchImpl: FetchFunction;
  baseUrl: string;
  phoneNumberId: string;
  token: string;
  file: OutgoingMedia;
  caption: string;
}): Promise<Record<string, unknown>> {
  const { file } = args;
  if (!file.content || !file.mimeType) throw new ConnectorError("permanent", `medium ${file.id} has no content`);
  const bytes = await file.content();
  const shown = (SENDABLE[file.kind] as readonly string[]).includes(file.mimeType);
  const type = shown && bytes.byteLength <= MAX_SENT_BYTES[file.kind] ? file.kind : "document";
  if (bytes.byteLength > MAX_SENT_BYTES[type])
    throw new ConnectorError("permanent", `${file.fileName ?? file.id} is larger than WhatsApp takes`);
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", file.mimeType);
  form.set(
    "file",
    new Blob([new Uint8Array(bytes)], { type: file.mimeType }),
    file.fileName ?? `${type}.${EXTENSIONS[file.mimeType] ?? "bin"}`,
  );
  const uploaded = await graphRequest(
    args.fetchImpl,
    {
      method: "POST",
      url: `${args.baseUrl}/${args.phoneNumberId}/media`,
      token: args.token,
      form,
      timeoutMs: 120_000,
    },
    ZUploaded,
  );
  return {
    type,
    [type]: {
      id: uploaded.id,
      caption: args.caption,
      ...(type === "document" ? { filename: file.fileName ?? "Datei" } : {}),
    },
  };
}
