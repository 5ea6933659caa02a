/// <reference lib="dom" />
// The one search in the browser: Ctrl+K opens the search dialog from any page; a word typed with a typing error
// ("Personalauswies") finds the article, arrow down chooses it and Enter lands on it. Esc closes the dialog and
// focus returns to where it was. The search page groups the hits, a citizen's message marked where it matched.
// axe-core checks the dialog and the page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../src/app/knowledge/create-article.js";
import { indexMessages } from "../../src/app/search/index-messages.js";
import { buildChannelAccount, buildMember, buildOrg } from "../support/factories.js";
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

describe("the one search", () => {
  it("finds an article despite a typing error with Ctrl+K, arrow down and Enter", { timeout: 180_000 }, async () => {
    const org = await buildOrg(server.ctx, { name: "Stadt Suchdorf" });
    const press = await buildMember(server.ctx, org.id, { roles: ["press_office"] });
    const account = await buildChannelAccount(server.ctx, org.id, { network: "sandbox", name: "Bürgerpostfach" });
    await createArticle(server.ctx, {
      actor: press.actor,
      orgId: org.id,
      input: {
        title: "Personalausweis beantragen",
        body: "Den Personalausweis beantragen Sie im Bürgeramt; bitte bringen Sie ein biometrisches Passfoto mit.",
        departmentId: null,
        tags: [],
        reviewBy: "2030-01-01",
      },
    });
    await ingestDirect(server.ctx, org.id, {
      channelAccountId: account.id,
      authorHandle: "@erika",
      authorName: "Erika Mustermann",
      text: "Wo kann ich einen neuen Personalausweis beantragen?",
    });
    await indexMessages(server.ctx);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, press.email, press.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/knowledge`);
    await page.getByRole("heading", { level: 1, name: "Wissensartikel" }).waitFor();

    // Esc closes, and focus is back where it was.
    const searchButton = page.getByRole("button", { name: "Suchen (Strg+K)" });
    await searchButton.focus();
    await page.keyboard.press("Control+K");
    const dialog = page.getByRole("dialog", { name: "Suche" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await searchButton.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press("Control+K");
    const box = dialog.getByRole("combobox", { name: "Suchbegriffe" });
    await box.fill("Personalauswies");
    const option = dialog.getByRole("option", { name: /^Personalausweis beantragen/ });
    await option.waitFor();
    await dialog.getByRole("status").filter({ hasText: "Treffer" }).waitFor();
    await expectAccessible(page, "search dialog");
    await page.keyboard.press("ArrowDown");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Personalausweis beantragen" }).waitFor();
    await dialog.waitFor({ state: "hidden" });

    // The search page: every kind grouped, the message's matching words marked.
    await page.goto(`${server.baseUrl}/o/${org.id}/search?q=Personalausweis`);
    await page.getByRole("heading", { level: 1, name: "Suche" }).waitFor();
    const conversations = page.getByRole("region", { name: "Vorgänge" });
    await conversations.getByRole("link", { name: "Erika Mustermann" }).waitFor();
    expect(await conversations.locator("mark").first().textContent()).toBe("Personalausweis");
    await page
      .getByRole("region", { name: "Wissensartikel" })
      .getByRole("link", { name: "Personalausweis beantragen" })
      .waitFor();
    await expectAccessible(page, "search page");
    await context.close();
  });
});
