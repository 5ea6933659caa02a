// Sends a published medium: revalidated on every use (no-cache with an ETag), so a medium stops being
// shown as soon as its post is taken down, and with single byte ranges, which browsers use to play and
// seek in a video.
import type { FastifyReply, FastifyRequest } from "fastify";

export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  const [first, last] = [match[1] ?? "", match[2] ?? ""];
  const start = first === "" ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === "" || last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start <= end && start < size ? { start, end } : "invalid";
}

export function sendMedium(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { bytes: Buffer; mimeType: string; sha256: string },
): FastifyReply {
  const etag = `"${file.sha256}"`;
  reply
    .header("content-type", file.mimeType)
    .header("cache-control", "public, no-cache")
    .header("etag", etag)
    .header("accept-ranges", "bytes")
    .header("x-content-type-options", "nosniff");
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  const range = byteRange(request.headers.range, file.bytes.length);
  if (range === "invalid") return reply.status(416).header("content-range", `bytes */${file.bytes.length}`).send();
  if (range === null) return reply.send(file.bytes);
  return reply
    .status(206)
    .header("content-range", `bytes ${range.start}-${range.end}/${file.bytes.length}`)
    .send(file.bytes.subarray(range.start, range.end + 1));
}
