/// <reference lib="dom" />
// Speed as felt, on the demo in Chromium: each main staff page opened afresh (a full load, as after a
// bookmark) is timed with the Performance API until its heading is there and nothing says "Wird geladen …"
// any more. The times are printed, not asserted (a timed test would fail on a busy machine, not on slow
// code). What is asserted is the JavaScript the first page loads: at most 200 kB compressed (gzip, as a web
// server sends it), so a growing bundle fails CI instead of slowing every start.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema/index.js";
import { WEB_ROOT } from "../../src/paths.js";
import { useDemoSession } from "./browser.js";

const FIRST_PAGE_JS_LIMIT = 200_000;

const PAGES: { name: string; path: string }[] = [
  { name: "Übersicht", path: "" },
  { name: "Posteingang", path: "/inbox" },
  { name: "Beiträge (Freigabe)", path: "/publish" },
  { name: "Neuer Beitrag", path: "/publish/new" },
  { name: "Moderation", path: "/moderation" },
  { name: "Kalender", path: "/calendar" },
  { name: "Wissen", path: "/knowledge" },
  { name: "Stimmung", path: "/reports/mood" },
  { name: "Kanäle", path: "/admin/channels" },
  { name: "Mitglieder", path: "/admin/members" },
];

interface Felt {
  page: string;
  interactiveMs: number;
  readyMs: number;
  scripts: string[];
}

/** Compressed bytes of the app's own scripts a page loaded (read from the build, gzipped as a server would). */
function compressedScriptBytes(scripts: string[]): number {
  return scripts.reduce((sum, name) => sum + gzipSync(readFileSync(path.join(WEB_ROOT, "assets", name))).length, 0);
}

describe("speed as felt", () => {
  const demo = useDemoSession("admin@musterstadt.example");

  it("opens each main page and reports how soon it is usable; the first page's JavaScript stays within 200 kB compressed", async () => {
    const [org] = await demo.server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    const felt: Felt[] = [];
    for (const { name, path: route } of PAGES) {
      const page = await demo.page.context().newPage();
      await page.goto(`${demo.server.baseUrl}/o/${org?.id}${route}`);
      await page.locator("main h1").first().waitFor();
      await expect.poll(() => page.getByText("Wird geladen …").count(), { timeout: 20_000 }).toBe(0);
      const measured = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return {
          interactiveMs: Math.round(navigation?.domInteractive ?? 0),
          readyMs: Math.round(performance.now()),
          scripts: performance
            .getEntriesByType("resource")
            .map((entry) => new URL(entry.name))
            .filter((url) => url.origin === location.origin && /^\/assets\/[\w.-]+\.js$/.test(url.pathname))
            .map((url) => url.pathname.slice("/assets/".length)),
        };
      });
      felt.push({ page: name, ...measured });
      await page.close();
    }

    // Printed for the closing notes and CI's log (vitest shows a test's standard output).
    const rows = felt.map(
      (f) =>
        `${f.page.padEnd(22)}${String(f.interactiveMs).padStart(8)}${String(f.readyMs).padStart(9)}` +
        `${String(f.scripts.length).padStart(9)}${(compressedScriptBytes(f.scripts) / 1000).toFixed(1).padStart(11)}`,
    );
    process.stdout.write(
      [
        "Speed as felt (a full load of each page, demo data, this machine):",
        `${"Seite".padEnd(22)}${"DOM (ms)".padStart(8)}${"bereit".padStart(9)}${"Skripte".padStart(9)}${"JS kB gz".padStart(11)}`,
        ...rows,
        "",
      ].join("\n"),
    );

    const first = felt[0];
    expect(first?.scripts.length, "the start page loaded no script of the app").toBeGreaterThan(0);
    const firstBytes = compressedScriptBytes(first?.scripts ?? []);
    process.stdout.write(`JavaScript of the first page: ${firstBytes} bytes gzip (limit ${FIRST_PAGE_JS_LIMIT})\n`);
    expect(firstBytes).toBeLessThanOrEqual(FIRST_PAGE_JS_LIMIT);
    // Every page is its own chunk: the composer's code is not among the start page's scripts.
    expect(first?.scripts.some((s) => s.startsWith("ComposerPage-"))).toBe(false);
  });
});
