/// <reference lib="dom" />
// The browser path on the demo: a citizen opens a post page (with its picture), votes in the poll,
// accepts the Netiquette and asks a question out of office hours; only they see its automatic
// acknowledgement; the press office answers; the answer appears highlighted on the post page and in the
// widget embedded on another site, which shows the picture too. axe-core checks every page.
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IMAGE_ALT } from "../../src/app/demo/demoImage.js";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { DEMO_MARKET_TEXT } from "../../src/app/demo/load-demo-website.js";
import { websiteSettingsOf } from "../../src/app/website/publicOrg.js";
import { organisations, websiteEntries } from "../../src/db/schema/index.js";
import {
  type ServedApp,
  expectAccessible,
  launchBrowser,
  runningClock,
  serveDemoApp,
  signInAs,
  serveEmbeddingSite,
} from "./browser.js";

let server: ServedApp;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveEmbeddingSite>>;
let orgId: string;

// Wednesday 2 December 2026, 20:00 in Berlin (the office is closed), running on from there.
const clock = runningClock(new Date("2026-12-02T19:00:00Z"));

beforeAll(async () => {
  server = await serveDemoApp({ clock });
  browser = await launchBrowser();
  site = await serveEmbeddingSite();
  const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
  orgId = org!.id;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

const entryIdOf = async (text: string) => {
  const [entry] = await server.ctx.db
    .select()
    .from(websiteEntries)
    .where(and(eq(websiteEntries.orgId, orgId), eq(websiteEntries.text, text)));
  return entry!.id;
};

const signIn = (page: Page, email: string) => signInAs(page, server.baseUrl, email, DEMO_PASSWORD);

/** The image has loaded (from draht's origin, through the CSP and, in the widget, across origins). */
const loaded = (page: Page) =>
  page
    .getByRole("img", { name: DEMO_IMAGE_ALT })
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

describe("the citizen dialogue on the website channel", () => {
  it(
    "a citizen votes and comments, the press office answers, and the answer shows highlighted on the page and in the embedded widget",
    { timeout: 180_000 },
    async () => {
      const citizen = await browser.newPage();
      const requests: string[] = [];
      citizen.on("request", (r) => requests.push(r.url()));
      await citizen.goto(`${server.baseUrl}/p/musterstadt`);
      await citizen.getByRole("heading", { level: 1, name: "Aktuelles" }).waitFor();
      await expectAccessible(citizen, "public feed");
      await citizen.getByRole("link", { name: /^Wahl zum Tier des Monats/ }).click();
      await citizen
        .getByRole("heading", { level: 2, name: "Umfrage: Welches Tier stellen wir im Dezember vor?" })
        .waitFor();

      await citizen.getByRole("radio", { name: "Igel" }).check();
      await citizen.getByRole("button", { name: "Abstimmen" }).click();
      await citizen.getByText("Igel: 1 Stimme (100 %) – Ihre Stimme").waitFor();
      await citizen.getByRole("status").getByText("Danke für Ihre Stimme.").waitFor();
      await expectAccessible(citizen, "post page with poll results");

      await citizen.goto(`${server.baseUrl}/p/musterstadt/beitrag/${await entryIdOf(DEMO_MARKET_TEXT)}`);
      await citizen.getByRole("heading", { level: 1, name: "Der Wochenmarkt zieht um" }).waitFor();
      await citizen.getByRole("img", { name: DEMO_IMAGE_ALT }).scrollIntoViewIfNeeded();
      await expect.poll(() => loaded(citizen)).toBe(true);
      await citizen.getByText("Gibt es auf dem Rathausplatz auch Parkplätze für Marktbesucher?").waitFor();
      await citizen.getByRole("article", { name: "Antwort der Stadtverwaltung" }).first().waitFor();
      await expectAccessible(citizen, "post page with thread and form");
      await citizen.getByLabel(/^Name/).fill("Lena aus der Altstadt");
      await citizen
        .getByLabel("Ihr Kommentar")
        .fill("Gibt es auf dem neuen Markt auch einen Stand mit regionalem Honig?");
      await citizen.getByRole("button", { name: "Kommentar senden" }).click();
      await citizen.getByText("Bitte bestätigen Sie, dass Sie die Netiquette gelesen haben.").waitFor();
      await citizen.getByRole("checkbox", { name: /Netiquette \(Version 1\) gelesen/ }).check();
      await citizen.getByRole("button", { name: "Kommentar senden" }).click();
      await citizen.getByText("Danke! Ihr Kommentar ist veröffentlicht.").waitFor({ timeout: 60_000 });
      await citizen.getByRole("article", { name: "Kommentar von Lena aus der Altstadt" }).waitFor();
      // Out of office hours: the acknowledgement is for Lena only.
      const acknowledgement = citizen.getByRole("article", { name: "Automatische Eingangsbestätigung" });
      await acknowledgement.getByText("Nur für Sie sichtbar.").waitFor();
      await acknowledgement.getByText(/wir haben Ihre Nachricht erhalten/).waitFor();
      await expectAccessible(citizen, "post page with the author's acknowledgement");
      const otherReader = await (await browser.newContext()).newPage();
      await otherReader.goto(citizen.url());
      await otherReader.getByRole("button", { name: "Kommentar senden" }).waitFor();
      await otherReader.getByRole("article", { name: "Kommentar von Lena aus der Altstadt" }).waitFor();
      await expect(
        otherReader.getByText(/Eingangsbestätigung|wir haben Ihre Nachricht erhalten/).count(),
      ).resolves.toBe(0);
      await expect(citizen.getByRole("link", { name: "Kommentar löschen" }).getAttribute("href")).resolves.toMatch(
        /\/loeschen\?token=/,
      );

      const staff = await browser.newPage();
      await signIn(staff, "presse@musterstadt.example");
      await staff
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: /^Posteingang/ })
        .click();
      // In the inbox the acknowledgement is named as what it is.
      await staff
        .getByRole("list", { name: "Vorgänge" })
        .getByRole("button", { name: /Lena aus der Altstadt/ })
        .click();
      await staff.getByRole("article", { name: "Automatische Eingangsbestätigung", exact: true }).waitFor();
      await expect(staff.getByText("Antwort von Automatische Eingangsbestätigung").count()).resolves.toBe(0);
      await staff
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Moderation" })
        .click();
      await staff
        .getByRole("navigation", { name: "Bereiche der Moderation" })
        .getByRole("link", { name: "Website-Kommentare" })
        .click();
      const card = staff.getByRole("article", { name: "Kommentar von Lena aus der Altstadt" });
      await card.waitFor();
      await expectAccessible(staff, "moderation: website comments");
      await card.getByRole("button", { name: "Antworten" }).click();
      await card
        .getByLabel("Antwort der Verwaltung (öffentlich sichtbar)")
        .fill("Ja, der Imkerverein Musterstadt ist jeden Samstag dabei.");
      await card.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      await staff.getByText("Die Antwort ist veröffentlicht.").waitFor();

      await citizen.reload();
      const answer = citizen
        .getByRole("article", { name: "Antwort der Stadtverwaltung" })
        .filter({ hasText: "Imkerverein" });
      await answer.waitFor();
      await expect(answer.evaluate((el) => getComputedStyle(el).borderLeftWidth)).resolves.toBe("6px");

      // The same thread, embedded on the municipality's own site (another origin).
      // The administration lists the municipality's site for embedding.
      const admin = await browser.newPage();
      await signIn(admin, "admin@musterstadt.example");
      await admin.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
      // The navigation follows once the chosen organisation has loaded.
      const adminLink = admin
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Verwaltung" });
      await expect.poll(() => adminLink.getAttribute("href")).toContain(orgId);
      await adminLink.click();
      await admin.getByRole("link", { name: "Website & Netiquette" }).click();
      await admin.getByRole("heading", { level: 1, name: "Website & Netiquette" }).waitFor();
      await admin.getByText("In Kraft: Version 1").waitFor();
      await expectAccessible(admin, "website settings");
      await admin.getByLabel("Websites, die den Dialog einbetten dürfen").fill(site.origin);
      await admin.getByRole("button", { name: "Einstellungen speichern" }).click();
      await admin.getByText("Die Einstellungen sind gespeichert.").waitFor();
      expect((await websiteSettingsOf(server.ctx.db, orgId)).embedOrigins).toEqual([site.origin]);
      await admin.getByRole("link", { name: "Bürozeiten" }).click();
      await admin.getByRole("heading", { level: 1, name: "Bürozeiten" }).waitFor();
      await expectAccessible(admin, "office hours");
      for (const day of ["24.12.2026", "31.12.2026"]) {
        await admin.getByLabel("Weiterer Schließtag").fill(day);
        await admin.getByRole("button", { name: "Schließtag hinzufügen" }).click();
      }
      await admin.getByRole("button", { name: "Bürozeiten speichern" }).click();
      await admin.getByText("Die Bürozeiten sind gespeichert.").waitFor();
      const embedded = await browser.newPage();
      await embedded.goto(
        `${site.origin}/demo.html?org=musterstadt&post=${await entryIdOf(DEMO_MARKET_TEXT)}&origin=${encodeURIComponent(server.baseUrl)}`,
      );
      await embedded.getByText("Gibt es auf dem neuen Markt auch einen Stand mit regionalem Honig?").waitFor();
      await embedded
        .getByRole("article", { name: "Antwort der Stadtverwaltung" })
        .filter({ hasText: "Imkerverein" })
        .waitFor();
      await embedded.getByRole("link", { name: /^Wahl zum Tier des Monats/ }).waitFor();
      await embedded.getByRole("heading", { level: 2, name: "Der Wochenmarkt zieht um" }).waitFor();
      await embedded.getByRole("img", { name: DEMO_IMAGE_ALT }).scrollIntoViewIfNeeded();
      await expect.poll(() => loaded(embedded)).toBe(true);
      await expect(embedded.getByText("Automatische Eingangsbestätigung").count()).resolves.toBe(0);
      await expectAccessible(embedded, "widget on the embedding site");
      const accent = await embedded
        .getByRole("button", { name: "Kommentar senden" })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(accent).toBe("rgb(122, 31, 61)"); // themed by the host page's --draht-accent

      const foreign = requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith("data:"));
      expect(foreign).toEqual([]);
    },
  );
});
