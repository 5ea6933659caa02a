/// <reference lib="dom" />
// Knowledge shared between draht installations in the browser: the demo Landkreis' press office publishes its
// collection as a signed feed and reads its address and key fingerprint off the page. Musterstadt's press office
// subscribes with them (here the installation fetches its own feed, which a second installation would do over
// the network): a mistyped fingerprint is refused with the German wrong_key sentence and nothing kept; the right
// one subscribes. Musterstadt opens the feed and an item, and adopts it. When the Landkreis stops the feed, the
// next fetch says so and the items stay readable; published again, the feed is in order again. axe-core checks
// each page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import {
  DEMO_NOW,
  type ServedApp,
  expectAccessible,
  freePort,
  launchBrowser,
  runningClock,
  serveApp,
  signInAs,
} from "./browser.js";

let server: ServedApp;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  server = await serveApp({
    snapshot: "demo",
    clock: runningClock(DEMO_NOW),
    port,
    // The feed's address names this server, and the server may fetch from itself on the loopback address.
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ALLOW_PRIVATE_NETWORK_SERVERS: "127.0.0.1" },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const COLLECTION = "Bürgerservice im Landkreis";
const WRONG_KEY =
  "Der Feed ist mit einem anderen Schlüssel signiert als dem, dessen Fingerabdruck Sie angegeben haben. Nichts wurde übernommen.";

async function pageOf(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
  return page;
}

async function openShared(page: Page) {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Wissen" }).click();
  await page.getByRole("navigation", { name: "Bereiche des Wissens" }).getByRole("link", { name: "Geteilt" }).click();
  await page.getByRole("heading", { level: 1, name: "Geteiltes Wissen" }).waitFor();
}

/** Another fingerprint of the same form: the first group's digits changed. */
function mistyped(fingerprint: string): string {
  const first = fingerprint.slice(0, 4) === "0000" ? "1111" : "0000";
  return `${first}${fingerprint.slice(4)}`;
}

describe("knowledge feeds between installations", () => {
  it(
    "publishes a collection as a signed feed, refuses a wrong fingerprint, subscribes with the right one and adopts an item",
    { timeout: 240_000 },
    async () => {
      // The Landkreis publishes its collection as a feed: the page shows the address and the fingerprint.
      const k = await pageOf("presse@landkreis-beispiel.example");
      await openShared(k);
      await k.getByRole("link", { name: COLLECTION }).click();
      await k.getByRole("heading", { level: 1, name: COLLECTION }).waitFor();
      await k.getByRole("heading", { level: 2, name: "Für andere draht-Installationen" }).waitFor();
      await k.getByRole("button", { name: "Als signierten Feed veröffentlichen" }).click();
      await k.getByRole("status").filter({ hasText: "Der Feed ist veröffentlicht." }).waitFor();
      const url = await k.getByLabel("Adresse des Feeds").inputValue();
      expect(url).toMatch(new RegExp(`^${server.baseUrl}/api/public/knowledge-feeds/`));
      const fingerprint = (await k.getByText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/).textContent()) ?? "";
      expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      await k.getByText(/Geben Sie den Fingerabdruck auf einem zweiten Weg weiter/).waitFor();
      await expectAccessible(k, "collection (published as a feed)");
      await k.screenshot({ path: "/tmp/feeds-collection.png", fullPage: true });

      // Musterstadt subscribes: a mistyped fingerprint is refused, saying why.
      const g = await pageOf("presse@musterstadt.example");
      await openShared(g);
      await g.getByRole("heading", { level: 2, name: "Feeds anderer Installationen" }).waitFor();
      await g.getByText("Feed abonnieren", { exact: true }).first().click();
      const form = g.getByRole("form", { name: "Feed abonnieren" });
      await form.getByLabel("Adresse des Feeds").fill(url);
      await form.getByLabel("Fingerabdruck des Schlüssels").fill(mistyped(fingerprint));
      await form.getByRole("button", { name: "Feed abonnieren" }).click();
      await form.getByRole("alert").filter({ hasText: WRONG_KEY }).waitFor();
      await expectAccessible(g, "shared knowledge (feed refused)");
      await g.screenshot({ path: "/tmp/feeds-refused.png", fullPage: true });

      // The right fingerprint, typed in lower case without spaces as people do, subscribes.
      await form.getByLabel("Fingerabdruck des Schlüssels").fill(fingerprint.replaceAll(" ", "").toLowerCase());
      await form.getByRole("button", { name: "Feed abonnieren" }).click();
      await g.getByRole("heading", { level: 1, name: COLLECTION }).waitFor();
      await g.getByRole("status").filter({ hasText: "Der Feed ist abonniert." }).waitFor();
      await g.getByText("Landkreis Beispiel").first().waitFor();
      await g.getByText(fingerprint).waitFor();
      const items = g.getByRole("table", { name: /Inhalte im Feed/ });
      await items
        .getByRole("row", { name: /Fahrzeug zulassen/ })
        .getByText("nicht übernommen")
        .waitFor();
      await items.getByRole("cell", { name: "Wissensartikel" }).first().waitFor();
      await expectAccessible(g, "feed");
      await g.screenshot({ path: "/tmp/feeds-feed.png", fullPage: true });

      // The list under Geteilt shows the subscription as in order.
      await openShared(g);
      const subscriptions = g.getByRole("region", { name: "Feeds anderer Installationen" });
      await subscriptions
        .getByRole("row", { name: new RegExp(COLLECTION) })
        .getByText("in Ordnung")
        .waitFor();
      await expectAccessible(g, "shared knowledge (with a feed)");
      await subscriptions.getByRole("link", { name: COLLECTION }).click();
      await g.getByRole("heading", { level: 1, name: COLLECTION }).waitFor();

      // An item from the feed: read-only, from another installation, adopted only on request.
      await g.getByRole("link", { name: "Fahrzeug zulassen" }).click();
      await g.getByRole("heading", { level: 1, name: "Fahrzeug zulassen" }).waitFor();
      await g.getByText(/kommt aus einer anderen draht-Installation/).waitFor();
      await g.getByText(/Zulassungsstelle des Landkreises/).waitFor();
      await g.getByRole("heading", { level: 2, name: "Erhaltene Fassungen" }).waitFor();
      await expectAccessible(g, "feed item (to adopt)");
      await g.screenshot({ path: "/tmp/feeds-item.png", fullPage: true });
      await g.getByRole("button", { name: "Kopie übernehmen" }).click();
      await g.getByRole("status").filter({ hasText: "Übernommen: Der Artikel ist als Entwurf" }).waitFor();
      await g.getByText("Übernommen (Fassung 1).").waitFor();
      // The copy names where it came from and leads back to the feed item.
      await g.getByRole("link", { name: "Zu unserer Kopie" }).click();
      await g.getByText(/Übernommen aus dem Feed von Landkreis Beispiel/).waitFor();
      await g.getByRole("link", { name: "Geteilte Fassung ansehen" }).click();
      await g.getByRole("heading", { level: 1, name: "Fahrzeug zulassen" }).waitFor();
      await g.getByRole("link", { name: `Zurück zum Feed „${COLLECTION}“` }).click();
      await g
        .getByRole("row", { name: /Fahrzeug zulassen/ })
        .getByText("übernommen (Fassung 1)")
        .waitFor();

      // Fetching now: unchanged (the feed answers 304 to its ETag).
      await g.getByRole("button", { name: "Jetzt abrufen" }).click();
      await g.getByRole("status").filter({ hasText: "Abgerufen: Der Feed ist unverändert." }).waitFor();

      // The Landkreis stops the feed; Musterstadt's next fetch learns it, and the items stay.
      await k.getByRole("button", { name: "Feed beenden" }).click();
      await k.getByRole("status").filter({ hasText: "Der Feed ist beendet." }).waitFor();
      await k.getByText(/^beendet am /).waitFor();
      await k.getByRole("button", { name: "Wieder veröffentlichen" }).waitFor();
      await g.getByRole("button", { name: "Jetzt abrufen" }).click();
      await g.getByRole("status").filter({ hasText: "Abgerufen, aber abgelehnt" }).waitFor();
      await g.getByText(/Die herausgebende Stelle hat diesen Feed beendet/).waitFor();
      await g.getByRole("link", { name: "Fahrzeug zulassen" }).waitFor();
      await expectAccessible(g, "feed (stopped by its publisher)");
      await g.screenshot({ path: "/tmp/feeds-feed-stopped.png", fullPage: true });

      // Published again under the same address: the next fetch finds it in order again.
      await k.getByRole("button", { name: "Wieder veröffentlichen" }).click();
      await k.getByRole("status").filter({ hasText: "Der Feed ist veröffentlicht." }).waitFor();
      expect(await k.getByLabel("Adresse des Feeds").inputValue()).toBe(url);
      await g.getByRole("button", { name: "Jetzt abrufen" }).click();
      await g
        .getByRole("status")
        .filter({ hasText: /^Abgerufen: / })
        .waitFor();
      await g.getByText(/Die herausgebende Stelle hat diesen Feed beendet/).waitFor({ state: "detached" });
    },
  );
});
