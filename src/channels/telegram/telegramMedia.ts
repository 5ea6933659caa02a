// Photos and videos for the Bot API: one medium by sendPhoto/sendVideo, two to ten as an album by
// sendMediaGroup (the caption on the first item, as Telegram shows an album's text), uploaded as multipart
// files. Telegram has no alternative text; the closest real place is the caption, where each description
// follows the text as "Bildbeschreibung: …" (numbered for several) while the caption's 1,024 characters allow.
import type { OutgoingMedia } from "../../domain/connector.js";
import { ConnectorError } from "../../domain/connector.js";
import { countCharacters } from "../../text/characterCount.js";
import { withDescriptions } from "../mediaDescriptions.js";

export const MAX_CAPTION = 1024;

const length = (text: string) => countCharacters(text, { unit: "grapheme", linkLength: null });

/** The post's text with the media's descriptions added where they fit; the text alone must fit. */
export function captionWithDescriptions(text: string, media: readonly OutgoingMedia[]): string {
  if (length(text) > MAX_CAPTION)
    throw new ConnectorError("permanent", `Telegram allows ${MAX_CAPTION} characters beside photos or videos`);
  return withDescriptions(text, media, MAX_CAPTION);
}

export async function mediaForm(
  chatId: number,
  media: readonly OutgoingMedia[],
  caption: string,
): Promise<{ method: string; form: FormData; params: Record<string, unknown> }> {
  if (media.length > 10) throw new ConnectorError("permanent", "Telegram takes at most 10 media in one post");
  const form = new FormData();
  const files: { field: string; medium: OutgoingMedia; bytes: Uint8Array }[] = [];
  for (const [index, medium] of media.entries()) {
    if (!medium.content) throw new ConnectorError("permanent", "a medium of the post has no content to upload");
    files.push({ field: `file${index}`, medium, bytes: await medium.content() });
  }
  for (const file of files)
    form.append(
      file.field,
      new Blob([new Uint8Array(file.bytes)], { type: file.medium.mimeType ?? "application/octet-stream" }),
      file.medium.fileName ?? file.field,
    );
  const single = files.length === 1 ? files[0] : undefined;
  if (single) {
    const field = single.medium.kind === "video" ? "video" : "photo";
    // A single file goes in the method's own field, not attach://.
    const blob = form.get(single.field);
    form.delete(single.field);
    if (blob) form.append(field, blob);
    return {
      method: single.medium.kind === "video" ? "sendVideo" : "sendPhoto",
      form,
      params: { chat_id: chatId, ...(caption !== "" ? { caption } : {}) },
    };
  }
  const items = files.map((file, index) => ({
    type: file.medium.kind === "video" ? "video" : "photo",
    media: `attach://${file.field}`,
    ...(index === 0 && caption !== "" ? { caption } : {}),
  }));
  return { method: "sendMediaGroup", form, params: { chat_id: chatId, media: items } };
}
