import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt.js";

describe("an excerpt", () => {
  it("keeps a short text as it is, on one line", () => {
    expect(excerpt("Der Wochenmarkt\n zieht um.", 40)).toBe("Der Wochenmarkt zieht um.");
  });

  it("cuts a long text at a word and says so with …", () => {
    const cut = excerpt("Die Marktzeiten bleiben gleich, nur der Ort ändert sich.", 27);
    expect(cut).toBe("Die Marktzeiten bleiben…");
    expect(Array.from(cut).length).toBeLessThanOrEqual(27);
  });

  it("cuts inside a very long word rather than leaving almost nothing, and never splits an emoji", () => {
    expect(excerpt("Donaudampfschifffahrtsgesellschaftskapitän", 12)).toBe("Donaudampfs…");
    expect(excerpt("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
  });
});
