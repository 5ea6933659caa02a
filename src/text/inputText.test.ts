import { describe, expect, it } from "vitest";
import { InputTooDeep, MAX_DEPTH, cleanText, cleanValue, hasControlCharacters } from "./inputText.js";

describe("text from outside", () => {
  it("keeps tab and line breaks, turns vertical tab and form feed into line breaks and drops other control characters", () => {
    expect(cleanText("a\u0000b\tc\r\nd\u000Be\u000Cf\u001Fg\u0007")).toBe("ab\tc\r\nd\ne\nfg");
    expect(hasControlCharacters("a\tb\r\n")).toBe(false);
    expect(hasControlCharacters("a\u0000")).toBe(true);
  });

  it("replaces lone surrogates and keeps pairs (emoji)", () => {
    expect(cleanText("x\uD800y\uDC00z 😀")).toBe("x\uFFFDy\uFFFDz 😀");
  });

  it("cleans every string of a parsed value, keys included, and leaves dates, buffers and numbers alone", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const bytes = Buffer.from([0, 1, 2]);
    const value: unknown = cleanValue({ "k\u0000": ["a\u0000", { n: 1, at, bytes }], ok: true });
    expect(value).toEqual({ k: ["a", { n: 1, at, bytes }], ok: true });
    expect((value as { k: [string, { at: Date; bytes: Buffer }] }).k[1].bytes).toBe(bytes);
  });

  it("cleans null-prototype dictionaries (parsed query strings) and never lets a key replace the prototype", () => {
    const query = Object.create(null) as Record<string, unknown>;
    query.q = "\u0000Anna";
    expect(cleanValue(query)).toEqual({ q: "Anna" });
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const cleaned = cleanValue(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(cleaned)).toEqual(["__proto__"]);
  });

  it("never passes on uncleaned what is nested too deep: refuses it, or drops it for a network's payload", () => {
    let deep: unknown = { text: "tief\u0000" };
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep];
    expect(() => cleanValue(deep)).toThrow(InputTooDeep);
    expect(JSON.stringify(cleanValue(deep, { tooDeep: "drop" }))).not.toContain("\\u0000");
    expect(JSON.stringify(cleanValue(deep, { tooDeep: "drop" }))).toContain("null");
    let fine: unknown = "ok\u0000";
    for (let i = 0; i < MAX_DEPTH; i++) fine = [fine];
    expect(JSON.stringify(cleanValue(fine))).toContain('"ok"');
  });
});
