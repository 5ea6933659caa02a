/// <reference lib="dom" />
// The moderation issue's browser path on the demo: a citizen's insulting comment on the website lands in
// the moderation queue with its reasons, and the moderator hides it citing §3; a threatening comment is
// hidden at once and produces an evidence package whose SHA-256 verifies (JSON and PDF downloads).
// axe-core checks every page.
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { DEMO_MARKET_TEXT, DEMO_THREAT_TEXT } from "../../src/app/demo/load-demo-website.js";
import { organisations, websiteComments, websiteEntries } from "../../src/db/schema/index.js";
import { evidenceHash } from "../../src/domain/moderation/evidence.js";
import { type ServedApp, expectAccessible, launchBrowser, serveDemoApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let postUrl: string;

beforeAll(async () => {
  // The demo as loaded at DEMO_NOW, its clock running on from there.
  server = await serveDemoApp();
  browser = await launchBrowser();
  const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
  const [entry] = await server.ctx.db
    .select()
    .from(websiteEntries)
    .where(and(eq(websiteEntries.orgId, org!.id), eq(websiteEntries.text, DEMO_MARKET_TEXT)));
  postUrl = `${server.baseUrl}/p/musterstadt/beitrag/${entry!.id}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function comment(page: Page, name: string, text: string, firstTime: boolean): Promise<void> {
  await page.goto(postUrl);
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel("Ihr Kommentar").fill(text);
  await page.getByRole("button", { name: "Kommentar senden" }).click();
  if (firstTime) {
    await page.getByRole("checkbox", { name: /Netiquette \(Version 1\) gelesen/ }).check();
    await page.getByRole("button", { name: "Kommentar senden" }).click();
  }
  await page.getByText("Danke! Ihr Kommentar wartet auf Freigabe durch die Moderation.").waitFor({ timeout: 60_000 });
}

describe("moderation by the Netiquette", () => {
  it(
    "an insulting comment waits in the queue with its reasons; the moderator hides it citing §3; a threat yields verifiable evidence",
    { timeout: 240_000 },
    async () => {
      const citizen = await browser.newPage();
      await comment(citizen, "Wutbürger", "Der Bürgermeister ist ein unfähiger Vollidiot und Versager", true);
      // A threat in words of no phrase list: a weapon and a place, announced in the first person.
      await comment(citizen, "Wutbürger", DEMO_THREAT_TEXT, false);

      const moderator = await browser.newPage();
      await signInAs(moderator, server.baseUrl, "moderation@musterstadt.example", DEMO_PASSWORD);
      await moderator
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Moderation" })
        .click();
      const queue = moderator.getByRole("list", { name: "Moderationsfälle" });
      const insult = queue.getByRole("article").filter({ hasText: "Vollidiot" });
      await insult.waitFor();
      await expect(insult.getByText("Zurückgehalten").count()).resolves.toBe(1);
      // The machine's reasons, labels and scores in words, never its codes.
      await insult.getByText("Wortliste Beleidigung: „vollidiot“").waitFor();
      await insult.getByText(/^Sprachmodell, auffällige Wortteile: /).waitFor();
      await insult.getByText(/Kennzeichen: beleidigend/).waitFor();
      expect(await queue.textContent()).not.toMatch(/lexicon:|model:|threat:|sentiment:|OFFENSE|INSULT|ABUSE|0\.\d{3}/);
      const threat = queue.getByRole("article").filter({ hasText: "Messer" }).filter({ hasText: "Wutbürger" });
      await threat.getByText("Drohung – sofort prüfen").waitFor();
      // Why, in words: the violence concept, the construction and the target.
      await threat.getByText("Waffe · Ankündigung in der Ich- oder Wir-Form · gegen ein Gebäude").waitFor();
      // Threats come first (the demo brings one of its own).
      await expect(queue.getByRole("article").first().textContent()).resolves.toContain("Drohung – sofort prüfen");
      await expectAccessible(moderator, "moderation queue");

      await insult.getByRole("link", { name: /Fall öffnen/ }).click();
      await moderator.getByRole("heading", { level: 1, name: "Moderationsfall" }).waitFor();
      await moderator.getByLabel("Maßnahme").selectOption({ label: "Ausblenden" });
      await moderator.getByLabel("Netiquette-Regel").selectOption({ label: "§3 Keine Beleidigungen" });
      await moderator.getByLabel("Begründung (intern, im Protokoll)").fill("Beleidigung des Bürgermeisters");
      await expectAccessible(moderator, "moderation case with decision form");
      await moderator.getByRole("button", { name: "Entscheidung speichern" }).click();
      await moderator.getByText("Die Entscheidung ist gespeichert.").waitFor();
      await moderator.getByText(/Entscheidung: Ausblenden \(§3\) – Beleidigung des Bürgermeisters/).waitFor();
      // The second review is someone else's: the one who decided is told so, not offered buttons that refuse.
      await moderator.getByText("Sie haben diesen Fall entschieden. Die Zweitprüfung übernimmt").waitFor();
      await expect(moderator.getByRole("button", { name: "Entscheidung bestätigen" }).count()).resolves.toBe(0);
      const [hidden] = await server.ctx.db
        .select()
        .from(websiteComments)
        .where(eq(websiteComments.text, "Der Bürgermeister ist ein unfähiger Vollidiot und Versager"));
      expect(hidden?.status).toBe("hidden");

      await moderator.getByRole("link", { name: "Warteschlange" }).click();
      await queue
        .getByRole("article")
        .filter({ hasText: "Messer" })
        .filter({ hasText: "Wutbürger" })
        .getByRole("link", { name: /Fall öffnen/ })
        .click();
      await moderator.getByRole("heading", { level: 2, name: "Beweissicherung" }).waitFor();
      await moderator.getByText("Prüfsumme stimmt").waitFor();
      await moderator.getByText(/Wutbürger \(Website-Sitzung [0-9a-f]{8}\)/).waitFor();
      await moderator.getByText(/durch draht \(automatisch\)/).waitFor();
      expect(await moderator.getByRole("main").textContent()).not.toMatch(/session:|threat:|lexicon:|durch system/);

      // Website comments: a published comment says nothing about holding; a held one says why, in words.
      await moderator.getByRole("link", { name: "Website-Kommentare" }).click();
      await moderator.getByRole("heading", { level: 1, name: "Website-Kommentare" }).waitFor();
      const comments = moderator.getByRole("list", { name: "Kommentare" });
      await comments
        .getByRole("article")
        .filter({ hasText: "Messer" })
        .filter({ hasText: "Wutbürger" })
        .getByText(/^Automatisch ausgeblendet: /)
        .waitFor();
      expect(await comments.textContent()).not.toMatch(/unbekannt|Zurückgehalten: |threat|offensive_language/);
      await expectAccessible(moderator, "website comments");
      await moderator.goBack();
      await moderator.getByRole("heading", { level: 2, name: "Beweissicherung" }).waitFor();
      const sha256 = (await moderator.locator("code").first().textContent()) ?? "";
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      await expectAccessible(moderator, "threat case with evidence");

      const jsonHref = await moderator.getByRole("link", { name: "JSON herunterladen" }).getAttribute("href");
      const json = await moderator.request.get(`${server.baseUrl}${jsonHref}`);
      const file = (await json.json()) as { sha256: string; content: Parameters<typeof evidenceHash>[0] };
      expect(file.sha256).toBe(sha256);
      expect(evidenceHash(file.content)).toBe(sha256);
      expect(file.content.message.text).toBe(DEMO_THREAT_TEXT);
      const [download] = await Promise.all([
        moderator.waitForEvent("download"),
        moderator.getByRole("link", { name: "PDF herunterladen" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^beweissicherung-.*\.pdf$/);
      const pdf = await moderator.request.get(
        `${server.baseUrl}${await moderator.getByRole("link", { name: "PDF herunterladen" }).getAttribute("href")}`,
      );
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
      // The alert: the moderators were told at once, in their notifications.
      await moderator
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Posteingang" })
        .click();
      await moderator.getByText("Drohung erkannt – Beweise gesichert, bitte sofort prüfen").first().waitFor();
      await moderator.close();
      await citizen.close();
    },
  );

  it(
    "the administration sets the moderation rules: a word rule that hides advertising",
    { timeout: 120_000 },
    async () => {
      const admin = await browser.newPage();
      await signInAs(admin, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
      await admin.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
      await admin
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Verwaltung" })
        .click();
      await admin
        .getByRole("navigation", { name: "Bereiche der Verwaltung" })
        .getByRole("link", { name: "Moderationsregeln" })
        .click();
      await admin.getByRole("heading", { level: 1, name: "Moderationsregeln" }).waitFor();
      const rules = admin.getByLabel("Eine Regel pro Zeile: Wort | zurückhalten oder ausblenden | Regel-Nummer");
      // A line that cannot be read is named and nothing is saved.
      await rules.fill("Kaffeefahrt | wegmachen | 5");
      await admin.getByRole("button", { name: "Regeln speichern" }).click();
      await admin.getByRole("alert").getByText("Zeile 1 der Wortregeln ist nicht lesbar").waitFor();
      await rules.fill("Kaffeefahrt | ausblenden | 5");
      await expectAccessible(admin, "moderation rules");
      await admin.getByRole("button", { name: "Regeln speichern" }).click();
      await admin.getByText("Die Moderationsregeln sind gespeichert.").waitFor();
      await admin.reload();
      await expect.poll(() => rules.inputValue()).toBe("Kaffeefahrt | ausblenden | 5");

      const citizen = await browser.newPage();
      await citizen.goto(postUrl);
      await citizen.getByLabel(/^Name/).fill("Reisebüro");
      await citizen.getByLabel("Ihr Kommentar").fill("Jetzt die günstige Kaffeefahrt buchen, nur 9 Euro!");
      await citizen.getByRole("button", { name: "Kommentar senden" }).click();
      await citizen.getByRole("checkbox", { name: /Netiquette \(Version 1\) gelesen/ }).check();
      await citizen.getByRole("button", { name: "Kommentar senden" }).click();
      await citizen
        .getByText("Danke! Ihr Kommentar wartet auf Freigabe durch die Moderation.")
        .waitFor({ timeout: 60_000 });
      const [hidden] = await server.ctx.db
        .select()
        .from(websiteComments)
        .where(eq(websiteComments.text, "Jetzt die günstige Kaffeefahrt buchen, nur 9 Euro!"));
      expect(hidden?.status).toBe("hidden");
      await admin.close();
      await citizen.close();
    },
  );
});
