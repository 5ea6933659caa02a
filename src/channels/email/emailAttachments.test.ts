import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS } from "../../domain/inbound.js";
import { keptAttachments } from "./emailInbound.js";

const file = (name: string, bytes: number) => ({ name, content: new Uint8Array(bytes) });

describe("which of a mail's attachments draht keeps", () => {
  it("keeps them in the mail's order within the limits, leaving a too large one in the mailbox", () => {
    const files = [
      file("a.pdf", 1000),
      file("film.mp4", ATTACHMENT_LIMITS.bytesEach + 1),
      file("b.pdf", ATTACHMENT_LIMITS.bytesEach),
      file("c.pdf", ATTACHMENT_LIMITS.bytesEach),
      // Would pass 25 MB together: left out, and a smaller one after it still kept.
      file("d.pdf", ATTACHMENT_LIMITS.bytesEach),
      file("e.txt", 10),
    ];
    expect(keptAttachments(files).map((f) => f.name)).toEqual(["a.pdf", "b.pdf", "c.pdf", "e.txt"]);
  });

  it("keeps at most the limit's number of files", () => {
    const files = Array.from({ length: ATTACHMENT_LIMITS.count + 3 }, (_, i) => file(`${i}.txt`, 1));
    expect(keptAttachments(files)).toHaveLength(ATTACHMENT_LIMITS.count);
  });
});
