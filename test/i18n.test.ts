// Every text the UI shows exists in German and English, and every error code has a translation
// and a line in docs/ERRORS.md.
import { readFileSync } from "node:fs";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { endingOnce } from "../web/src/components/charts/sentences.js";
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

describe("report sentences", () => {
  it("say one waiting conversation in the singular, several in the plural", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "de", resources: { de: { translation: load("de") } } });
    expect(i18n.t("reports.waitingNow", { count: 1, waiting: 1, overdue: 0 })).toBe(
      "Jetzt wartet 1 Vorgang auf eine Antwort, davon 0 überfällig.",
    );
    expect(i18n.t("reports.waitingNow", { count: 3, waiting: 3, overdue: 1 })).toBe(
      "Jetzt warten 3 Vorgänge auf eine Antwort, davon 1 überfällig.",
    );
    expect(i18n.t("reports.waiting.summaryNow", { count: 1, waiting: 1, overdue: 0 })).toMatch(
      /^Jetzt wartet 1 Anfrage /,
    );
  });

  it("end on one full stop after an abbreviation or a date", () => {
    expect(endingOnce("Im Median 23 Std. 19 Min.. Auffällig negativ: 17.09. und 18.09..")).toBe(
      "Im Median 23 Std. 19 Min. Auffällig negativ: 17.09. und 18.09.",
    );
    expect(endingOnce("Mehr … Weiter.")).toBe("Mehr … Weiter.");
  });
});
