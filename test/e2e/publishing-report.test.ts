/// <reference lib="dom" />
// The Veröffentlichung report in Chromium on the demo's year of posts: the analyst opens it, reads the figures,
// the chart with its summary and table; chooses the 24-hour marathon and sees its hours as a chart and table;
// downloads that table as CSV; axe-core checks the page both times, and the chart renders under the
// Content-Security-Policy without a violation.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectAccessible, useDemoSession } from "./browser.js";
import { figureNumber, openReport } from "./reportPage.js";

const session = useDemoSession("analyse@musterstadt.example", { timeout: 180_000 });

const figure = (label: string) => figureNumber(session.page, label);

describe("the Veröffentlichung report", () => {
  it("shows the analyst the last 30 days' posts per channel with a chart, its summary and its tables", async () => {
    const { page } = session;
    await openReport(page, "Veröffentlichung");
    const chart = page.getByRole("figure", { name: /Veröffentlichungen im Verlauf nach Kanal/ });
    await chart.locator("svg").first().waitFor();
    await chart.getByRole("button", { name: "Alle 30 Zeilen zeigen" }).click();
    expect(await chart.getByRole("table").getByRole("row").count()).toBe(31);
    expect((await chart.locator("figcaption p").textContent()) ?? "").toMatch(/Im Zeitraum wurden [\d.]+ Beiträge/);
    // The marathon three weeks ago alone was 288 posts.
    expect(await figure("Beiträge")).toBeGreaterThan(288);
    await page.getByRole("table", { name: "Die Beiträge mit den meisten Reaktionen im Zeitraum" }).waitFor();
    const approvals = page.getByRole("table", { name: "Freigaben im Zeitraum und im Vorzeitraum" });
    // Posts from an approved template apart from those published without any review.
    await approvals.getByRole("row", { name: /Aus freigegebener Vorlage veröffentlicht/ }).waitFor();
    await approvals.getByRole("row", { name: /Ohne Freigabe veröffentlicht/ }).waitFor();
    await page.screenshot({ path: "/tmp/reports-publishing.png", fullPage: true });
    await expectAccessible(page, "Veröffentlichung");
  });

  it("shows the chosen campaign's posts and citizens' replies per hour", async () => {
    const { page } = session;
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
    expect(session.cspViolations).toEqual([]);
  });

  it("downloads the campaign's hours as CSV for German spreadsheets", async () => {
    const { page } = session;
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
