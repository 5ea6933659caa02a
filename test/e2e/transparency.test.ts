/// <reference lib="dom" />
// The transparency page on the demo, as a citizen sees it: reached from the footer of Musterstadt's
// pages, complete without JavaScript (it loads none), with the explanation, the weekly tables of response times overall
// and per channel and the moderation figures; no staff name; axe-core finds no WCAG 2.1 A/AA violation.
// On a phone (390 px) nothing scrolls sideways: each table row stands as lines of column and figure.
// Screenshots go to /tmp/transparency.png and /tmp/transparency-390.png for a look by eye.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUSTERSTADT_PEOPLE } from "../../src/app/demo/load-demo-data.js";
import { type ServedApp, expectAccessible, launchBrowser, runningClock, serveDemoApp } from "./browser.js";

let server: ServedApp;
let browser: Browser;

// Wednesday 2 December 2026, 11:00 in Berlin, running on from there.
const clock = runningClock(new Date("2026-12-02T10:00:00Z"));

beforeAll(async () => {
  server = await serveDemoApp({ clock });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the transparency page of the demo", () => {
  it("shows how fast Musterstadt answers and moderates, in tables, without names, accessibly and without JavaScript", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/p/musterstadt`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Transparenz" }).click();
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/p/musterstadt/transparenz`);

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Transparenz: Wie wir antworten und moderieren",
    );
    for (const name of [
      "Was die Zahlen bedeuten",
      "Wie schnell wir antworten",
      "Moderation nach den Regeln der Netiquette",
    ])
      expect(await page.getByRole("heading", { level: 2, name }).count()).toBe(1);
    await expect(page.getByText(/^Zeitraum: 7\. September 2026 bis 29\. November 2026/).count()).resolves.toBe(1);

    const overall = page.getByRole("table", { name: "Alle Kanäle zusammen, nach Wochen" });
    // A header row and one row per week.
    expect(await overall.getByRole("row").count()).toBe(13);
    expect(await overall.getByRole("columnheader").allTextContents()).toEqual([
      "Woche",
      "Erste Antworten",
      "Median bis zur ersten Antwort",
      "Innerhalb der Frist",
    ]);
    // The demo's year of answered conversations: a median in business time and a share in every recent week.
    const lastWeek = overall.getByRole("row", { name: /23\.11\. bis 29\. November 2026/ });
    await expect(lastWeek.getByRole("cell").nth(1).textContent()).resolves.toMatch(/(Std\.|Min\.)/);
    await expect(lastWeek.getByRole("cell").nth(2).textContent()).resolves.toMatch(/%/);
    // A table per channel with answers: the demo answers on Mastodon and Bluesky.
    expect(await page.getByRole("table", { name: /, nach Wochen$/ }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole("table", { name: /^Einsprüche/ }).count()).toBe(1);

    // Complete without JavaScript: the page loads no script at all.
    expect(await page.locator("script").count()).toBe(0);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const person of MUSTERSTADT_PEOPLE) expect(text).not.toContain(person.name);

    await expectAccessible(page, "the transparency page");
    await page.screenshot({ path: "/tmp/transparency.png", fullPage: true });
    await context.close();
  });

  it("fits a phone: no table wider than the screen, each figure beside its column's name, right-aligned", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/p/musterstadt/transparenz`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // No region scrolls sideways either: every table fits.
    const wider = await page.evaluate(
      () => [...document.querySelectorAll(".table-wrap")].filter((w) => w.scrollWidth > w.clientWidth).length,
    );
    expect(wider).toBe(0);
    const overall = page.getByRole("table", { name: "Alle Kanäle zusammen, nach Wochen" });
    expect(await overall.getByRole("row").count()).toBe(13);
    const lastWeek = overall.getByRole("row", { name: /23\.11\. bis 29\. November 2026/ });
    // The week on one line; the figure right-aligned at the end of its line.
    const week = await lastWeek.getByRole("rowheader").boundingBox();
    expect(week?.height ?? 99).toBeLessThan(40);
    const cell = await lastWeek.getByRole("cell").first().boundingBox();
    const value = await lastWeek.getByRole("cell").first().locator(".cell-value").boundingBox();
    expect(Math.abs((cell?.x ?? 0) + (cell?.width ?? 0) - ((value?.x ?? 0) + (value?.width ?? 0)))).toBeLessThan(2);
    await expect(lastWeek.getByRole("cell").first().textContent()).resolves.toMatch(/^Erste Antworten/);
    await expectAccessible(page, "the transparency page at 390 px");
    await page.screenshot({ path: "/tmp/transparency-390.png", fullPage: true });
    await context.close();
  });
});
