import { describe, expect, it } from "vitest";
import { pdfSafe } from "./pdfText.js";

describe("text for a PDF in the standard fonts", () => {
  it("keeps German letters, the euro and typographic quotes, and names what the fonts cannot draw", () => {
    expect(pdfSafe("„Grüße“ – 5 € für die Straße")).toBe("„Grüße“ – 5 € für die Straße");
    expect(pdfSafe("Danke 👍")).toBe("Danke [U+1F44D]");
  });

  it("turns control characters into spaces and keeps lines", () => {
    expect(pdfSafe("a\r\nb\tc\u0007d")).toBe("a\nb c d");
  });
});
