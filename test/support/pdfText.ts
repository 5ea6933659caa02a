// The text of a PDF, page by page and line by line, read by pdf.js (pdfjs-dist's legacy build runs in Node).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfLines(data: Uint8Array): Promise<string[]> {
  // pdf.js takes the buffer over; give it a copy.
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent();
    for (const item of content.items) if ("str" in item && item.str.trim()) lines.push(item.str);
  }
  await doc.destroy();
  return lines;
}
