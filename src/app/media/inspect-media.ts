// Decides what an upload is by its bytes (not its name), reads an image's size and makes its thumbnail.
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../../domain/errors.js";
import { mp4DurationSeconds } from "../../domain/videoDuration.js";

const ACCEPTED: Record<string, "image" | "video"> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/webp": "image",
  "image/gif": "image",
  "video/mp4": "video",
  "video/webm": "video",
};

export const THUMBNAIL_WIDTH = 320;

export interface InspectedMedia {
  kind: "image" | "video";
  mimeType: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
  durationSeconds: number | null;
}

/** Short videos only: an MP4 longer than the limit is refused (WebM carries no cheap header and is not measured). */
export async function inspectMedia(bytes: Buffer, limits: { maxVideoSeconds: number }): Promise<InspectedMedia> {
  const type = await fileTypeFromBuffer(bytes);
  const kind = type ? ACCEPTED[type.mime] : undefined;
  if (!type || !kind) throw new AppError("UNSUPPORTED_MEDIA", { details: { detected: type?.mime ?? "unknown" } });
  if (kind === "video") {
    const durationSeconds = type.mime === "video/mp4" ? mp4DurationSeconds(bytes) : null;
    if (durationSeconds !== null && durationSeconds > limits.maxVideoSeconds) {
      throw new AppError("UNSUPPORTED_MEDIA", {
        details: {
          detected: type.mime,
          problem: "too_long",
          seconds: Math.round(durationSeconds),
          limit: limits.maxVideoSeconds,
        },
      });
    }
    return { kind, mimeType: type.mime, width: null, height: null, thumbnail: null, durationSeconds };
  }
  try {
    const image = sharp(bytes, { failOn: "error" });
    const meta = await image.metadata();
    const thumbnail = await image
      .rotate()
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      kind,
      mimeType: type.mime,
      width: meta.width ?? null,
      height: meta.height ?? null,
      thumbnail,
      durationSeconds: null,
    };
  } catch (error) {
    throw new AppError("UNSUPPORTED_MEDIA", {
      details: { detected: type.mime, problem: "cannot_decode" },
      cause: error,
    });
  }
}
