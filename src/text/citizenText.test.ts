import { describe, expect, it } from "vitest";
import { duplicateKey, pieceCitizenText, safeHref } from "./citizenText.js";

describe("pieceCitizenText", () => {
  it("keeps markup as plain text and cuts out web links and line breaks", () => {
    expect(pieceCitizenText("<b>Hallo</b>\nsiehe https://musterstadt.de/a?b=1.")).toEqual([
      { kind: "text", text: "<b>Hallo</b>" },
      { kind: "break" },
      { kind: "text", text: "siehe " },
      { kind: "link", text: "https://musterstadt.de/a?b=1", href: "https://musterstadt.de/a?b=1" },
      { kind: "text", text: "." },
    ]);
  });

  it("never links other schemes", () => {
    expect(pieceCitizenText("javascript:alert(1) data:text/html,x")).toEqual([
      { kind: "text", text: "javascript:alert(1) data:text/html,x" },
    ]);
    expect(safeHref("www.musterstadt.de")).toBe("https://www.musterstadt.de/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
  });
});

describe("duplicateKey", () => {
  it("treats texts differing only in case, spacing and punctuation as the same", () => {
    expect(duplicateKey("Wann  öffnet die KITA?!")).toBe(duplicateKey("wann öffnet die Kita"));
    expect(duplicateKey("Wann öffnet die Kita?")).not.toBe(duplicateKey("Wann schließt die Kita?"));
  });
});
