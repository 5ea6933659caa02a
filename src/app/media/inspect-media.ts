// Decides what an upload is by its bytes (not its name), reads an image's size and makes its thumbnail.
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../../domain/errors.js";

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
}

export async function inspectMedia(bytes: Buffer): Promise<InspectedMedia> {
  const type = await fileTypeFromBuffer(bytes);
  const kind = type ? ACCEPTED[type.mime] : undefined;
  if (!type || !kind) throw new AppError("UNSUPPORTED_MEDIA", { details: { detected: type?.mime ?? "unknown" } });
  if (kind === "video") return { kind, mimeType: type.mime, width: null, height: null, thumbnail: null };
  try {
    const image = sharp(bytes, { failOn: "error" });
    const meta = await image.metadata();
    const thumbnail = await image.rotate().resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    return { kind, mimeType: type.mime, width: meta.width ?? null, height: meta.height ?? null, thumbnail };
  } catch (error) {
    throw new AppError("UNSUPPORTED_MEDIA", { details: { detected: type.mime, problem: "cannot_decode" }, cause: error });
  }
}
