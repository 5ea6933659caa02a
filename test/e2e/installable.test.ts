/// <reference lib="dom" />
// draht as an installable web app, on the demo in Chromium: the page names its manifest (name, start, standalone
// display, icons that load), a service worker takes over the app, and with the connection gone a page opened
// shows draht's offline page ("Keine Verbindung", accessible) instead of the browser's error.
import { describe, expect, it } from "vitest";
import { expectAccessible, useDemoSession } from "./browser.js";

describe("the installable web app", () => {
  const demo = useDemoSession("presse@musterstadt.example");

  it("has a manifest with loadable icons, and shows its offline page without a connection", async () => {
    const { page, server } = demo;
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifestResponse = await page.request.get(new URL(href ?? "", server.baseUrl).href);
    expect(manifestResponse.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = (await manifestResponse.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      lang: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ short_name: "draht", start_url: "/", display: "standalone", lang: "de" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, server.baseUrl).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"], icon.src).toContain(icon.type);
    }

    // The worker is registered on every start of the app, and controls it once ready.
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? "");
    expect(worker).toBe(`${server.baseUrl}/service-worker.js`);

    await page.context().setOffline(true);
    try {
      await page.goto(`${server.baseUrl}/o/any/inbox`);
      await page.getByRole("heading", { name: "Keine Verbindung" }).waitFor();
      await expectAccessible(page, "the offline page");
    } finally {
      await page.context().setOffline(false);
    }
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
  });
});
