/// <reference lib="dom" />
// The knowledge base in the browser: the press office writes the article "Personalausweis beantragen" and
// publishes it; a citizen asks how to apply for a new identity card; the article is offered under Vorschläge
// in the reply box, inserted with Alt+1 and sent, and its use count goes to 1. A change makes version 2, whose
// differences are marked as insertions and removals; a colleague mentioned in a comment is led to the article;
// an answered conversation offers to keep the answer as an article; a change saved while a colleague saved first
// is an edit conflict that keeps the writer's text. axe-core checks each page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestMember, buildChannelAccount, buildMember, buildOrg } from "../support/factories.js";
import { ingestDirect } from "../support/inbox.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLE_BODY = [
  "## Wo und wie",
  "",
  "Den Personalausweis beantragen Sie persönlich im **Bürgeramt** im Rathaus. Bitte buchen Sie vorher einen Termin:",
  "[Terminbuchung](https://musterstadt.example/termine).",
  "",
  "- ein biometrisches Passfoto",
  "- der bisherige Ausweis",
  "",
  "Die Gebühr beträgt 37 Euro.",
].join("\n");

/** A new organisation with a sandbox inbox, and a member of its press office signed in. */
async function pressOffice(): Promise<{ orgId: string; channelAccountId: string; page: Page; editor: TestMember }> {
  const org = await buildOrg(server.ctx, { name: "Stadt Wissensdorf" });
  const press = await buildMember(server.ctx, org.id, { roles: ["press_office"] });
  const editor = await buildMember(server.ctx, org.id, { roles: ["editor"] });
  const account = await buildChannelAccount(server.ctx, org.id, { network: "sandbox", name: "Bürgerpostfach" });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, server.baseUrl, press.email, press.password);
  return { orgId: org.id, channelAccountId: account.id, page, editor };
}

async function writeArticle(page: Page, title: string, body: string) {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Wissen" }).click();
  await page.getByRole("heading", { level: 1, name: "Wissensartikel" }).waitFor();
  await page.getByRole("link", { name: "Neuer Artikel" }).click();
  await page.getByRole("heading", { level: 1, name: "Neuer Wissensartikel" }).waitFor();
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Text", { exact: true }).fill(body);
  await page.getByLabel("Schlagwörter (durch Komma getrennt)").fill("Ausweis, Bürgeramt");
  await expectAccessible(page, "article editor");
  await page.getByRole("button", { name: "Artikel speichern" }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

describe("the knowledge base", () => {
  it(
    "offers a published article for a citizen's question, inserts it with Alt+1 and counts its use",
    { timeout: 180_000 },
    async () => {
      const { orgId, channelAccountId, page } = await pressOffice();
      await writeArticle(page, "Personalausweis beantragen", ARTICLE_BODY);
      await page.getByRole("status").filter({ hasText: "Der Artikel ist gespeichert." }).waitFor();
      await page.getByText("Entwurf", { exact: true }).waitFor();
      // The Markdown is shown formatted: the heading one level below the page's, the link as a link.
      const text = page.getByRole("region", { name: "Artikeltext" });
      await text.getByRole("heading", { level: 3, name: "Wo und wie" }).waitFor();
      await text.getByRole("link", { name: "Terminbuchung" }).waitFor();
      await expectAccessible(page, "article (draft)");

      await page.getByRole("button", { name: "Veröffentlichen" }).click();
      await page.getByText("Der Artikel ist jetzt: Veröffentlicht.").waitFor();
      await page.getByText("noch nicht verwendet", { exact: true }).waitFor();

      const question = await ingestDirect(server.ctx, orgId, {
        channelAccountId,
        authorHandle: "erika@buerger.test",
        authorName: "Erika Mustermann",
        text: "Wie kann ich einen neuen Personalausweis beantragen?",
      });
      await page.goto(`${server.baseUrl}/o/${orgId}/inbox?c=${question.conversationId}`);
      await page.getByRole("heading", { level: 2, name: "Vorgang: Erika Mustermann" }).waitFor();
      const suggestions = page.getByRole("list", { name: "Vorschläge für die Antwort" });
      const insert = suggestions.getByRole("button", {
        name: /^Einfügen – Artikel „Personalausweis beantragen“ \(Alt\+1\)$/,
      });
      await insert.waitFor();
      await expect(insert.getAttribute("aria-keyshortcuts")).resolves.toBe("Alt+1");
      await expect.poll(() => suggestions.locator("mark").count()).toBeGreaterThan(0);
      await expectAccessible(page, "inbox with suggestions");

      // The shortcut works from anywhere on the page, as the button's aria-keyshortcuts says.
      await page.getByRole("heading", { level: 1, name: "Posteingang" }).press("Alt+1");
      const reply = page.getByLabel("Ihre Antwort (öffentlich bzw. an die Person)");
      // The article as plain text: no Markdown marks, the link with its address.
      await expect.poll(() => reply.inputValue()).toContain("persönlich im Bürgeramt im Rathaus");
      await expect(reply.inputValue()).resolves.toContain("Terminbuchung (https://musterstadt.example/termine)");
      await expect(reply.inputValue()).resolves.not.toContain("**");
      await page.getByRole("button", { name: "Antwort senden" }).click();
      await page.getByText("Die Antwort ist gesendet.").waitFor();

      await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Wissen" }).click();
      const row = page.getByRole("row", { name: /Personalausweis beantragen/ });
      await expect
        .poll(() => row.textContent(), { timeout: 15_000 })
        .toMatch(/1× verwendet, zuletzt am \d\d\.\d\d\.\d{4}/);
      await expect(row.textContent()).resolves.toContain("Veröffentlicht");
      await expectAccessible(page, "article list");
      await page.context().close();
    },
  );

  it(
    "shows a change as a new version with its insertions and removals, leads a mentioned colleague to the article, and keeps an answer as an article",
    { timeout: 180_000 },
    async () => {
      const { orgId, channelAccountId, page, editor } = await pressOffice();
      await writeArticle(page, "Sperrmüll anmelden", "Sperrmüll melden Sie beim Bauhof an.");
      await page.getByRole("link", { name: "Bearbeiten" }).click();
      await page.getByLabel("Text", { exact: true }).fill("Sperrmüll melden Sie online oder beim Bauhof an.");
      await page.getByLabel("Was wurde geändert? (für die Versionsgeschichte, freiwillig)").fill("Online-Anmeldung");
      await page.getByRole("button", { name: "Artikel speichern" }).click();
      await page.getByRole("heading", { level: 1, name: "Sperrmüll anmelden" }).waitFor();
      const versions = page.getByRole("region", { name: "Versionen" });
      await versions.getByRole("cell", { name: "Online-Anmeldung" }).waitFor();
      await versions.getByRole("button", { name: "Änderungen ansehen (Version 2)" }).click();
      const diff = page.getByRole("region", { name: "Änderungen von Version 1 zu Version 2" });
      await expect.poll(() => diff.locator("ins").first().textContent()).toContain("eingefügt");
      await expect(diff.locator("ins").first().textContent()).resolves.toContain("online");
      await expectAccessible(page, "article with its changes");

      // A comment mentioning a colleague: they are notified, and the notification leads to the article.
      await page.getByLabel("Kommentar (nur für Kolleginnen und Kollegen)").fill("Bitte die Online-Anmeldung prüfen.");
      await page.getByLabel("Erwähnen (Mehrfachauswahl)").selectOption({ label: `@Person ${editor.email}` });
      await page.getByRole("button", { name: "Kommentar speichern" }).click();
      await page
        .getByRole("article", { name: /^Kommentar von / })
        .getByText(`erwähnt: Person ${editor.email}`)
        .waitFor();
      const colleague = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await signInAs(colleague, server.baseUrl, editor.email, editor.password);
      await colleague.goto(`${server.baseUrl}/o/${orgId}/inbox`);
      const notifications = colleague.getByRole("region", { name: /^Ihre Hinweise/ });
      await notifications.getByText(/Sie wurden in einem Wissensartikel erwähnt/).waitFor();
      await notifications.getByRole("link", { name: "Artikel öffnen" }).click();
      await colleague.getByRole("heading", { level: 1, name: "Sperrmüll anmelden" }).waitFor();
      await colleague.context().close();

      const question = await ingestDirect(server.ctx, orgId, {
        channelAccountId,
        authorHandle: "jan@buerger.test",
        authorName: "Jan Becker",
        text: "Wann holt die Stadt alte Möbel ab?",
      });
      await page.goto(`${server.baseUrl}/o/${orgId}/inbox?c=${question.conversationId}`);
      const reply = page.getByLabel("Ihre Antwort (öffentlich bzw. an die Person)");
      await reply.fill("Alte Möbel holt der Bauhof nach Anmeldung ab.");
      await page.getByRole("button", { name: "Antwort senden" }).click();
      await page.getByText("Die Antwort ist gesendet.").waitFor();
      await page.getByRole("link", { name: "Antwort als Wissensartikel speichern" }).click();
      await page.getByRole("heading", { level: 1, name: "Neuer Wissensartikel" }).waitFor();
      await expect(page.getByLabel("Titel").inputValue()).resolves.toBe("Wann holt die Stadt alte Möbel ab?");
      await expect(page.getByLabel("Text", { exact: true }).inputValue()).resolves.toBe(
        "Alte Möbel holt der Bauhof nach Anmeldung ab.",
      );
      await page.context().close();
    },
  );
  it(
    "keeps the writer's text when a colleague saved in between, and saves it on top when asked",
    { timeout: 180_000 },
    async () => {
      const { page } = await pressOffice();
      await writeArticle(page, "Hundesteuer", "Die Hundesteuer zahlen Sie jährlich.");
      const articleUrl = page.url();
      await page.getByRole("link", { name: "Bearbeiten" }).click();
      const text = page.getByLabel("Text", { exact: true });
      await text.fill("Die Hundesteuer zahlen Sie jährlich an die Stadtkasse.");

      const colleague = await page.context().newPage();
      await colleague.goto(`${articleUrl}/edit`);
      await colleague.getByLabel("Text", { exact: true }).fill("Die Hundesteuer zahlen Sie vierteljährlich.");
      await colleague.getByRole("button", { name: "Artikel speichern" }).click();
      await colleague.getByText("Der Artikel ist gespeichert.").waitFor();
      await colleague.close();

      await page.getByRole("button", { name: "Artikel speichern" }).click();
      const conflict = page.getByRole("alert").filter({ hasText: "Jemand hat den Artikel inzwischen gespeichert" });
      await conflict.waitFor();
      await expect(conflict.textContent()).resolves.toContain("jetzt Version 2");
      await expect(text.inputValue()).resolves.toBe("Die Hundesteuer zahlen Sie jährlich an die Stadtkasse.");
      await expectAccessible(page, "article editor with an edit conflict");
      await page.getByRole("button", { name: "Meine Fassung trotzdem als neue Version speichern" }).click();
      await page.getByRole("button", { name: "Artikel speichern" }).click();
      await page.getByRole("heading", { level: 1, name: "Hundesteuer" }).waitFor();
      await page.getByRole("region", { name: "Artikeltext" }).getByText("an die Stadtkasse").waitFor();
      await page.getByRole("row", { name: /^3 / }).waitFor();
      await page.context().close();
    },
  );
});
