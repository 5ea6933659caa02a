// Every text the UI shows exists in German and English, and every error code has a translation
// and a line in docs/ERRORS.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../src/domain/errors.js";

const load = (lng: string) => JSON.parse(readFileSync(`web/src/i18n/${lng}.json`, "utf8")) as Record<string, unknown>;
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("have the same keys in German and English", () => {
    expect(keys(load("en")).sort()).toEqual(keys(load("de")).sort());
  });

  it("cover every error code, and the error registry is documented", () => {
    const de = keys(load("de"));
    const docs = readFileSync("docs/ERRORS.md", "utf8");
    for (const code of ERROR_CODES) {
      expect(de).toContain(`errors.${code}`);
      expect(docs).toContain(`DRAHT_ERR_${code}`);
    }
  });
});
