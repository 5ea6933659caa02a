/// <reference lib="dom" />
// Knowledge shared between organisations in the browser: the Landkreis' press office creates a collection for
// one Gemeinde and shares a published article; an article naming a citizen who wrote in is refused until the
// finding is removed or a reason given. The Gemeinde adopts the article into its Bürgerbüro (a draft of its own
// that names its origin). The Landkreis changes the article and shares it anew; the Gemeinde's adopter is
// notified, reads the word diff and takes the new version. axe-core checks each page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeArticleStatus } from "../../src/app/knowledge/change-article-status.js";
import { createArticle } from "../../src/app/knowledge/create-article.js";
import { loadArticle } from "../../src/app/knowledge/articleRows.js";
import { updateArticle } from "../../src/app/knowledge/update-article.js";
import { saveCampaign } from "../../src/app/campaigns/save-campaign.js";
import { saveCollection } from "../../src/app/sharing/save-collection.js";
import { shareItem } from "../../src/app/sharing/share-item.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, systemAdminOf } from "../support/factories.js";
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

const FEE = "Die Gebühr beträgt 25,30 Euro.";
const ARTICLE = {
  title: "Führerschein umtauschen",
  body: `Den Umtausch beantragen Sie bei der Führerscheinstelle des Landkreises.\n\n${FEE}`,
  tags: ["führerschein"],
  reviewBy: "2027-12-01",
};

async function pageOf(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, server.baseUrl, email, password);
  return page;
}

async function openShared(page: Page) {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Wissen" }).click();
  await page.getByRole("navigation", { name: "Bereiche des Wissens" }).getByRole("link", { name: "Geteilt" }).click();
  await page.getByRole("heading", { level: 1, name: "Geteiltes Wissen" }).waitFor();
}

describe("knowledge shared between organisations", () => {
  it(
    "shares a Landkreis article with a Gemeinde, which adopts it and takes the next version after reading the changes",
    { timeout: 240_000 },
    async () => {
      const kreis = await buildOrg(server.ctx, { name: "Landkreis Teilhausen" });
      const gemeinde = await buildOrg(server.ctx, { name: "Gemeinde Nehmdorf" });
      await buildOrg(server.ctx, { name: "Gemeinde Außenvor" });
      await buildDepartment(server.ctx, gemeinde.id, { name: "Bürgerbüro" });
      const kreisPress = await buildMember(server.ctx, kreis.id, { roles: ["press_office"] });
      const gemeindePress = await buildMember(server.ctx, gemeinde.id, { roles: ["press_office"] });
      const admin = systemAdminOf(kreis.id);
      const { id: articleId } = await createArticle(server.ctx, { actor: admin, orgId: kreis.id, input: ARTICLE });
      await changeArticleStatus(server.ctx, { actor: admin, orgId: kreis.id, articleId, input: { step: "publish" } });
      // A citizen wrote to the Landkreis, and an article quotes her by name.
      const account = await buildChannelAccount(server.ctx, kreis.id, { network: "sandbox" });
      await ingestDirect(server.ctx, kreis.id, {
        channelAccountId: account.id,
        authorHandle: "erika_m",
        authorName: "Erika Mustermann",
        text: "Muss ich meinen Führerschein umtauschen?",
      });
      const quoted = await createArticle(server.ctx, {
        actor: admin,
        orgId: kreis.id,
        input: { ...ARTICLE, title: "Umtausch: häufige Fragen", body: "Wie Erika Mustermann fragte: Ja, bis 2033." },
      });
      await changeArticleStatus(server.ctx, {
        actor: admin,
        orgId: kreis.id,
        articleId: quoted.id,
        input: { step: "publish" },
      });

      // The Landkreis creates a collection for the Gemeinde and shares the article.
      const k = await pageOf(kreisPress.email, kreisPress.password);
      await openShared(k);
      await k.getByText("Neue Sammlung anlegen").click();
      await k.getByLabel("Titel").fill("Bürgerservice im Landkreis");
      await k.getByLabel("Ausgewählte Organisationen").check();
      await k.getByLabel("Gemeinde Nehmdorf").check();
      await expectAccessible(k, "shared knowledge (new collection)");
      await k.getByRole("button", { name: "Sammlung anlegen" }).click();
      await k.getByRole("heading", { level: 1, name: "Bürgerservice im Landkreis" }).waitFor();
      const form = k.getByRole("form", { name: "Inhalt teilen" });
      await form.getByLabel("Inhalt").selectOption({ label: "Führerschein umtauschen" });
      await form.getByRole("button", { name: "Teilen" }).click();
      await k.getByRole("status").filter({ hasText: "Geteilt (Fassung 1)." }).waitFor();
      await k.getByRole("link", { name: "Führerschein umtauschen" }).waitFor();

      // The article naming a citizen is refused, with what was found; a reason shares it anyway.
      await form.getByLabel("Inhalt").selectOption({ label: "Umtausch: häufige Fragen" });
      await form.getByRole("button", { name: "Teilen" }).click();
      const finding = form.getByRole("alert");
      await finding.getByText("Name einer Person, die der Verwaltung geschrieben hat").waitFor();
      expect(await finding.textContent()).toContain("Erika Mustermann");
      await expectAccessible(k, "collection (personal data found)");
      await form
        .getByLabel("Begründung für das Teilen trotz Fund")
        .fill("Beispielname aus unserer Broschüre, mit Einverständnis");
      await form.getByRole("button", { name: "Trotzdem teilen (Begründung wird protokolliert)" }).click();
      await k.getByRole("status").filter({ hasText: "Geteilt (Fassung 1)." }).waitFor();
      await k.screenshot({ path: "/tmp/sharing-collection-own.png", fullPage: true });

      // The Gemeinde sees it read-only and adopts the article into its Bürgerbüro.
      const g = await pageOf(gemeindePress.email, gemeindePress.password);
      await openShared(g);
      await g.getByRole("link", { name: "Bürgerservice im Landkreis" }).click();
      await g.getByRole("heading", { level: 1, name: "Bürgerservice im Landkreis" }).waitFor();
      await g.getByText("Landkreis Teilhausen").first().waitFor();
      await expectAccessible(g, "collection (received)");
      await g.getByRole("link", { name: "Führerschein umtauschen" }).click();
      await g.getByRole("heading", { level: 1, name: "Führerschein umtauschen" }).waitFor();
      await g.getByLabel("Abteilung").selectOption({ label: "Bürgerbüro" });
      await expectAccessible(g, "shared item (to adopt)");
      await g.getByRole("button", { name: "Kopie übernehmen" }).click();
      await g.getByRole("status").filter({ hasText: "Übernommen: Der Artikel ist als Entwurf" }).waitFor();
      await g.getByRole("link", { name: "Zu unserer Kopie" }).click();
      await g.getByRole("heading", { level: 1, name: "Führerschein umtauschen" }).waitFor();
      await g.getByText("Übernommen von Landkreis Teilhausen (geteilte Fassung 1).").waitFor();
      await g.getByText("Entwurf", { exact: true }).waitFor();

      // The Landkreis changes the fee and shares the article anew.
      const current = await loadArticle(server.ctx.db, { orgId: kreis.id, articleId });
      await updateArticle(server.ctx, {
        actor: admin,
        orgId: kreis.id,
        articleId,
        input: { ...ARTICLE, body: ARTICLE.body.replace("25,30", "28,60"), revision: current.revision },
      });
      await k.reload();
      await k.getByText("bei uns seither geändert oder nicht mehr veröffentlicht").first().waitFor();
      await k.getByRole("button", { name: "Neu teilen „Führerschein umtauschen“" }).click();
      await k.getByRole("status").filter({ hasText: "Geteilt." }).waitFor();
      await k
        .getByRole("row", { name: /Führerschein umtauschen/ })
        .getByRole("cell", { name: "2", exact: true })
        .waitFor();

      // The Gemeinde's press office is told, reads what changed and takes it.
      await g.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Posteingang" }).click();
      await g.getByText("Neue Fassung eines übernommenen Inhalts von Landkreis Teilhausen").waitFor();
      await g.getByRole("link", { name: "Änderungen ansehen" }).click();
      await g.getByRole("heading", { level: 2, name: "Neue Fassung 2" }).waitFor();
      const diff = g.locator(".article-diff");
      // The fee's figures are marked word by word: 25,30 removed, 28,60 inserted (the comma stays).
      const inserted = (await diff.locator("ins").allTextContents()).join(" ");
      const removed = (await diff.locator("del").allTextContents()).join(" ");
      expect(inserted).toMatch(/28.*60/);
      expect(removed).toMatch(/25.*30/);
      await expectAccessible(g, "shared item (new version)");
      await g.screenshot({ path: "/tmp/sharing-update.png", fullPage: true });
      await g.getByRole("button", { name: "Neue Fassung übernehmen" }).click();
      await g.getByRole("status").filter({ hasText: "Die neue Fassung ist in Ihre Kopie übernommen" }).waitFor();
      await g.getByRole("link", { name: "Zu unserer Kopie" }).click();
      await g.getByText("28,60").waitFor();
    },
  );
  it(
    "adopts a Landkreis campaign as a template: the Gemeinde chooses when its own campaign starts",
    { timeout: 120_000 },
    async () => {
      const kreis = await buildOrg(server.ctx, { name: "Landkreis Kampagnenhausen" });
      const gemeinde = await buildOrg(server.ctx, { name: "Gemeinde Mitmachdorf" });
      const gemeindeAdmin = await buildMember(server.ctx, gemeinde.id, { roles: ["administrator"] });
      const actor = systemAdminOf(kreis.id);
      const { id: campaignId } = await saveCampaign(server.ctx, {
        actor,
        orgId: kreis.id,
        input: {
          name: "Tag der offenen Verwaltung",
          hashtag: "#OffeneVerwaltung",
          startsAt: "2026-09-12T07:00:00Z",
          endsAt: "2026-09-12T17:00:00Z",
          templates: [{ id: "start", title: "Auftakt", text: "Heute öffnen wir alle Türen. #OffeneVerwaltung" }],
        },
      });
      const input = { title: "Kampagnen im Kreis", audience: "chosen", receiverOrgIds: [gemeinde.id] };
      const collectionId = (await saveCollection(server.ctx, { actor, orgId: kreis.id, collectionId: null, input })).id;
      const { id: itemId } = await shareItem(server.ctx, {
        actor,
        orgId: kreis.id,
        collectionId,
        input: { kind: "campaign", sourceId: campaignId },
      });

      const page = await pageOf(gemeindeAdmin.email, gemeindeAdmin.password);
      await page.goto(`${server.baseUrl}/o/${gemeinde.id}/knowledge/shared/items/${itemId}`);
      await page.getByRole("heading", { level: 1, name: "Tag der offenen Verwaltung" }).waitFor();
      await page.getByText("Hashtag: #OffeneVerwaltung").waitFor();
      const adopt = page.getByRole("button", { name: "Kopie übernehmen" });
      // No start yet: nothing to adopt.
      expect(await adopt.isDisabled()).toBe(true);
      await expectAccessible(page, "shared campaign template");
      const start = page.getByRole("group", { name: "Beginn der Kampagne" });
      await start.getByLabel("Datum", { exact: true }).fill("08.05.2027");
      await start.getByLabel("Uhrzeit", { exact: true }).fill("09:00");
      await adopt.click();
      await page.getByRole("status").filter({ hasText: "Übernommen: Die Kampagne steht" }).waitFor();
      await page.getByRole("link", { name: "Zu unserer Kampagne" }).click();
      await page
        .getByRole("heading", { name: /Tag der offenen Verwaltung/ })
        .first()
        .waitFor();
      await page.screenshot({ path: "/tmp/sharing-campaign.png", fullPage: true });
      await page.context().close();
    },
  );
});
