/// <reference lib="dom" />
// The citizens' error pages in the browser: an unknown address in an organisation's layout, an
// organisation that does not exist and a malformed address — German, with the right status, and
// accessible (axe-core, WCAG 2.1 A/AA).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg } from "../support/factories.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let org: { slug: string; name: string };

beforeAll(async () => {
  server = await serveApp();
  org = await buildOrg(server.ctx, { name: "Stadt Musterstadt" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the citizens' error pages", () => {
  it("say 'Nicht gefunden' in the organisation's layout, or without one, and 'Ungültige Adresse' for a broken link", async () => {
    const page = await browser.newPage();
    const cases = [
      { url: `/p/${org.slug}/gibt-es-nicht`, status: 404, heading: "Nicht gefunden", shot: "public-404-org" },
      { url: "/p/unbekannte-stadt/beitrag/1", status: 404, heading: "Nicht gefunden", shot: "public-404" },
      { url: "/p/%E0%A4%A", status: 400, heading: "Ungültige Adresse", shot: "public-400" },
    ];
    for (const c of cases) {
      const response = await page.goto(`${server.baseUrl}${c.url}`);
      expect(response?.status(), c.url).toBe(c.status);
      await page.getByRole("heading", { level: 1, name: c.heading }).waitFor();
      await expectAccessible(page, c.url);
    }
    await page.goto(`${server.baseUrl}/p/${org.slug}/gibt-es-nicht`);
    await page.getByRole("link", { name: "Zu den aktuellen Beiträgen von Stadt Musterstadt" }).click();
    await page.getByRole("heading", { level: 1, name: "Aktuelles" }).waitFor();
    await page.close();
  });
});
