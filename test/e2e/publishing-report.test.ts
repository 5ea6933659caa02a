/// <reference lib="dom" />
// The Veröffentlichung report in Chromium on the demo's year of posts: the analyst opens it, reads the figures,
// the chart with its summary and table; chooses the 24-hour marathon and sees its hours as a chart and table;
// downloads that table as CSV; axe-core checks the page both times, and the chart renders under the
// Content-Security-Policy without a violation.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoData } from "../../src/app/demo/load-demo-data.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, signInAs } from "./browser.js";

// Wednesday 2 December 2026, 10:00 in Berlin.
const now = new Date("2026-12-02T09:00:00Z");
let server: ServedApp;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await serveApp({ clock: () => now });
  await loadDemoData(server.ctx, { actor: { userId: null, label: "test" } });
  browser = await launchBrowser();
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  await signInAs(page, server.baseUrl, "analyse@musterstadt.example", DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function figure(name: string): Promise<number> {
  const tile = page.locator(".figures > div", { has: page.getByText(name, { exact: true }) });
  return Number(((await tile.locator(".figure").textContent()) ?? "").replace(/\./g, ""));
}

describe("the Veröffentlichung report", () => {
  it("shows the analyst the last 30 days' posts per channel with a chart, its summary and its tables", async () => {
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichte" }).click();
    await page.getByRole("navigation", { name: "Berichte" }).getByRole("link", { name: "Veröffentlichung" }).click();
    await page.getByRole("heading", { level: 1, name: "Veröffentlichung" }).waitFor();
    const chart = page.getByRole("figure", { name: /Veröffentlichungen im Verlauf nach Kanal/ });
    await chart.locator("svg").first().waitFor();
    await chart.getByRole("button", { name: "Alle 30 Zeilen zeigen" }).click();
    expect(await chart.getByRole("table").getByRole("row").count()).toBe(31);
    expect((await chart.locator("figcaption p").textContent()) ?? "").toMatch(/Im Zeitraum wurden [\d.]+ Beiträge/);
    // The marathon three weeks ago alone was 288 posts.
    expect(await figure("Beiträge")).toBeGreaterThan(288);
    await page.getByRole("table", { name: "Die Beiträge mit den meisten Reaktionen im Zeitraum" }).waitFor();
    await page.getByRole("table", { name: "Freigaben im Zeitraum und im Vorzeitraum" }).waitFor();
    await page.screenshot({ path: "/tmp/reports-publishing.png", fullPage: true });
    await expectAccessible(page, "Veröffentlichung");
  });

  it("shows the chosen campaign's posts and citizens' replies per hour", async () => {
    expect(await page.getByRole("figure", { name: /pro Stunde/ }).count()).toBe(0);
    await page
      .getByRole("combobox", { name: /^Kampagne/ })
      .selectOption({ label: "24 Stunden Ordnungsamt (#24hOrdnungsamt)" });
    const timeline = page.getByRole("figure", { name: /Verlauf der Kampagne „24 Stunden Ordnungsamt“/ });
    await timeline.locator("svg").first().waitFor();
    // 24 hours and six after, each a row, and a heading row.
    await timeline.getByRole("button", { name: "Alle 30 Zeilen zeigen" }).click();
    expect(await timeline.getByRole("table").getByRole("row").count()).toBe(31);
    expect((await timeline.locator("figcaption p").textContent()) ?? "").toMatch(
      /In 30 Stunden der Kampagne „24 Stunden Ordnungsamt“ erschienen 288 Beiträge; Bürgerinnen und Bürger antworteten [\d.]+-mal/,
    );
    expect(new URL(page.url()).searchParams.get("campaign")).not.toBeNull();
    await page.screenshot({ path: "/tmp/reports-publishing-campaign.png", fullPage: true });
    await expectAccessible(page, "Veröffentlichung (Kampagne)");
    expect(cspViolations).toEqual([]);
  });

  it("downloads the campaign's hours as CSV for German spreadsheets", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("button", { name: "Verlauf der Kampagne „24 Stunden Ordnungsamt“ in Zahlen als CSV herunterladen" })
        .click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(download.suggestedFilename()).toBe("kampagne-verlauf.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFStunde ab;Beiträge;Antworten von Bürgerinnen und Bürgern");
    // The first hour: Wednesday 11 November, 18:00 in Berlin.
    expect(lines[1]).toMatch(/^Mi\., 11\.11\., 18:00;1[12];\d+$/);
  });
});
