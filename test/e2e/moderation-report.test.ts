/// <reference lib="dom" />
// The moderation report in Chromium on the demo's year of history: the analyst opens Berichte → Moderation,
// reads the figures, the chart with its summary and table, decisions by Netiquette rule by their titles;
// a longer period and a channel change the figures; a table downloads as CSV; axe-core checks the page and
// the chart renders under the Content-Security-Policy.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectAccessible, useDemoSession } from "./browser.js";
import { figureNumber, openReport } from "./reportPage.js";

const session = useDemoSession("analyse@musterstadt.example");

const figure = (label: string) => figureNumber(session.page, label);

describe("the moderation report", () => {
  it("shows the analyst a year's moderation in counts, by Netiquette rule and with the chart's table", async () => {
    const { page } = session;
    await openReport(page, "Moderation");
    const chart = page.getByRole("figure", { name: /Moderierte Nachrichten und Entscheidungen im Verlauf/ });
    await chart.locator("svg").first().waitFor();
    await chart.getByRole("button", { name: "Alle 30 Zeilen zeigen" }).click();
    expect(
      await chart
        .getByRole("table", { name: "Moderierte Nachrichten und Entscheidungen im Verlauf in Zahlen" })
        .getByRole("row")
        .count(),
    ).toBe(31);
    expect((await chart.locator("figcaption p").textContent()) ?? "").toMatch(/Die Moderation traf \d+ Entscheidungen/);
    expect(await figure("Entscheidungen")).toBeGreaterThan(0);
    // Rules by the Netiquette's titles, never a code.
    const rules = page.getByRole("table", { name: "Entscheidungen nach Netiquette-Regel in Zahlen" });
    expect(await rules.getByRole("rowheader").allTextContents()).toContain("§ 3 Keine Beleidigungen");
    await page.getByRole("table", { name: "Einsprüche nach Ausgang" }).waitFor();
    await page.screenshot({ path: "/tmp/moderation-report.png", fullPage: true });
    await expectAccessible(page, "Moderation");
    // On a phone the page does not scroll sideways (wide tables scroll in their own region).
    await page.setViewportSize({ width: 390, height: 844 });
    await chart.locator("svg").first().waitFor();
    await page.screenshot({ path: "/tmp/moderation-report-390.png", fullPage: true });
    // The chart and its table fit the page's column (the app's frame at this width is the layout's, not the report's).
    const figureBox = await chart.boundingBox();
    const mainBox = await page.getByRole("main").boundingBox();
    expect((figureBox?.x ?? 0) + (figureBox?.width ?? 0)).toBeLessThanOrEqual(
      (mainBox?.x ?? 0) + (mainBox?.width ?? 0) + 1,
    );
    await page.screenshot({
      path: "/tmp/moderation-report-390-top.png",
      clip: { x: 0, y: 0, width: 390, height: 1600 },
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(session.cspViolations).toEqual([]);
  });

  it("follows a longer period and a channel", async () => {
    const { page } = session;
    const month = await figure("Entscheidungen");
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Letzte 90 Tage" });
    await page.getByText(/^04\.09\.2026 bis 02\.12\.2026/).waitFor();
    await expect.poll(() => figure("Entscheidungen")).toBeGreaterThan(month);
    // The closed Hauptstraße's storm lies in these 90 days: its alert is listed.
    const alerts = page.getByRole("table", { name: "Shitstorm-Warnungen im Zeitraum" });
    await alerts.waitFor();
    expect(await alerts.getByRole("row").count()).toBeGreaterThan(1);
    // It raged under the post announcing the closure, which it names and links.
    await alerts.getByRole("link", { name: /Hauptstraße voll gesperrt/ }).waitFor();
    const quarter = await figure("Entscheidungen");
    await page.getByRole("combobox", { name: /^Kanal/ }).selectOption({ label: "Mastodon (Sandbox)" });
    await expect.poll(() => figure("Entscheidungen")).toBeLessThan(quarter);
    expect(new URL(page.url()).searchParams.get("period")).toBe("90");
    expect(new URL(page.url()).searchParams.get("channel")).not.toBeNull();
  });

  it("downloads the decisions by rule as CSV for German spreadsheets", async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("button", { name: "Entscheidungen nach Netiquette-Regel in Zahlen als CSV herunterladen" })
        .click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(download.suggestedFilename()).toBe("moderation-netiquette-regeln.csv");
    expect(csv.startsWith("\uFEFFRegel;Zeitraum;Vorzeitraum;Veränderung")).toBe(true);
    expect(csv).toMatch(/\r\n§ \d+ [^;]+;\d+;\d+;/);
  });
});
