// Media for a post on X (API v2): an image in one request (POST /2/media/upload, the file base64 in JSON), a video
// in chunks (INIT, APPEND of 4 MB segments, FINALIZE, then STATUS until X has processed it), then the alt text
// (POST /2/media/metadata, at most 1,000 characters). X takes up to four images or one video per post.
import { z } from "zod";
import { ConnectorError, type OutgoingMedia } from "../../domain/connector.js";
import type { FetchLike } from "../http/networkHttp.js";
import { type XRequest, xRequest } from "./xApi.js";

/** X's limit of an image's alt text. */
export const X_ALT_TEXT_MAX = 1000;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** How long draht waits for X to process a video before the attempt fails (and is retried). */
const PROCESSING_MAX_MS = 120_000;

const ZProcessing = z
  .object({
    state: z.enum(["pending", "in_progress", "succeeded", "failed"]),
    check_after_secs: z.number().min(0).optional(),
  })
  .optional();
const ZUploaded = z.object({
  data: z.object({ id: z.string().min(1), media_key: z.string().optional(), processing_info: ZProcessing }),
});

export interface XMediaContext {
  fetch: FetchLike;
  serverUrl: string;
  token: string;
  /** Waits (tests make it short). */
  sleep?: (ms: number) => Promise<void>;
  request?: Partial<XRequest>;
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function uploadImage(x: XMediaContext, medium: OutgoingMedia, bytes: Uint8Array) {
  const uploaded = await xRequest(
    x.fetch,
    {
      ...x.request,
      method: "POST",
      url: `${x.serverUrl}/2/media/upload`,
      token: x.token,
      json: {
        media: Buffer.from(bytes).toString("base64"),
        media_category: medium.mimeType === "image/gif" ? "tweet_gif" : "tweet_image",
        media_type: medium.mimeType ?? "image/jpeg",
      },
      label: "X POST /2/media/upload",
      timeoutMs: 120_000,
    },
    ZUploaded,
  );
  return uploaded.body.data.id;
}

async function uploadVideo(x: XMediaContext, medium: OutgoingMedia, bytes: Uint8Array) {
  const form = (fields: Record<string, string>, chunk?: Uint8Array) => {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    if (chunk) body.append("media", new Blob([Buffer.from(chunk)]), "chunk");
    return body;
  };
  const call = (fields: Record<string, string>, chunk?: Uint8Array) =>
    xRequest(
      x.fetch,
      {
        ...x.request,
        method: "POST",
        url: `${x.serverUrl}/2/media/upload`,
        token: x.token,
        multipart: form(fields, chunk),
        label: `X POST /2/media/upload ${fields.command}`,
        timeoutMs: 120_000,
      },
      fields.command === "APPEND" ? z.unknown() : ZUploaded,
    );
  const init = await call({
    command: "INIT",
    media_type: medium.mimeType ?? "video/mp4",
    total_bytes: String(bytes.byteLength),
    media_category: "tweet_video",
  });
  const id = (init.body as z.infer<typeof ZUploaded>).data.id;
  for (let offset = 0, index = 0; offset < bytes.byteLength; offset += CHUNK_BYTES, index++)
    await call(
      { command: "APPEND", media_id: id, segment_index: String(index) },
      bytes.subarray(offset, offset + CHUNK_BYTES),
    );
  let processing = (await call({ command: "FINALIZE", media_id: id })).body as z.infer<typeof ZUploaded>;
  const started = Date.now();
  while (processing.data.processing_info && processing.data.processing_info.state !== "succeeded") {
    if (processing.data.processing_info.state === "failed")
      throw new ConnectorError("permanent", "X could not process the video");
    if (Date.now() - started > PROCESSING_MAX_MS)
      throw new ConnectorError("transient", "X has not finished processing the video");
    await (x.sleep ?? sleeper)((processing.data.processing_info.check_after_secs ?? 1) * 1000);
    processing = (
      await xRequest(
        x.fetch,
        {
          ...x.request,
          url: `${x.serverUrl}/2/media/upload?${new URLSearchParams({ command: "STATUS", media_id: id }).toString()}`,
          token: x.token,
          label: "X GET /2/media/upload STATUS",
        },
        ZUploaded,
      )
    ).body;
  }
  return id;
}

/** Uploads the post's media with their alt texts; answers X's media ids in the post's order. */
export async function uploadMedia(x: XMediaContext, media: readonly OutgoingMedia[]): Promise<string[]> {
  const ids: string[] = [];
  for (const medium of media) {
    if (!medium.content) throw new ConnectorError("permanent", "a medium without content cannot be uploaded to X");
    const bytes = await medium.content();
    const id = medium.kind === "video" ? await uploadVideo(x, medium, bytes) : await uploadImage(x, medium, bytes);
    if (medium.altText && medium.kind === "image")
      await xRequest(
        x.fetch,
        {
          ...x.request,
          method: "POST",
          url: `${x.serverUrl}/2/media/metadata`,
          token: x.token,
          json: { id, metadata: { alt_text: { text: medium.altText.slice(0, X_ALT_TEXT_MAX) } } },
          label: "X POST /2/media/metadata",
        },
        z.unknown(),
      );
    ids.push(id);
  }
  return ids;
}
