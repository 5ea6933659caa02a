/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A corpus of over 200 known XSS payloads, posted as citizen comments (text and name) through the public API
// and some as staff answers, must not execute and must not become markup: on the server-rendered post
// page (with and without JavaScript), in the widget on another site, and in the admin inbox. Some are the
// alternative texts and descriptions of a post's media, which must arrive as exactly that text.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerWebsiteComment } from "../../src/app/website/answer-website-comment.js";
import { updateWebsiteSettings } from "../../src/app/website/update-website-settings.js";
import { updateModerationSettings } from "../../src/app/moderation/moderation-settings.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../../src/domain/website/publicSettings.js";
import { buildMedia, buildMember, systemAdminOf } from "../support/factories.js";
import { buildWebsitePost, buildWebsiteScene, startCitizen } from "../support/website.js";
import { type ServedApp, launchBrowser, serveApp, serveEmbeddingSite, signInAs } from "./browser.js";

const PAYLOADS = readFileSync(new URL("../fixtures/xss-payloads.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"));
const PER_POST = 46;

let server: ServedApp;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveEmbeddingSite>>;
let scene: Awaited<ReturnType<typeof buildWebsiteScene>>;
let admin: Awaited<ReturnType<typeof buildMember>>;
const entries: { id: string; last: number }[] = [];
const MEDIA_PAYLOADS = PAYLOADS.slice(0, 12);
let mediaEntryId: string;

beforeAll(async () => {
  server = await serveApp({ env: { PUBLIC_COMMENTS_PER_SESSION: "10000", PUBLIC_COMMENTS_PER_IP: "10000" } });
  scene = await buildWebsiteScene(server.ctx, { text: "Beitrag 1 für den XSS-Test" });
  admin = await buildMember(server.ctx, scene.org.id, { roles: ["administrator"] });
  site = await serveEmbeddingSite();
  await updateWebsiteSettings(server.ctx, {
    actor: systemAdminOf(scene.org.id),
    orgId: scene.org.id,
    input: { ...DEFAULT_WEBSITE_SETTINGS, embedOrigins: [site.origin] },
  });
  // This test is about rendering: every payload must be published, so one citizen may post them all and
  // nothing is held for a moderator (the moderation pipeline has its own tests).
  await updateModerationSettings(server.ctx, {
    actor: systemAdminOf(scene.org.id),
    orgId: scene.org.id,
    input: { floodMaxMessages: 1000, holdOffense: 1, holdThreat: 1, hideThreat: 1 },
  });
  const citizen = await startCitizen(server.app, scene.org.slug);
  await citizen.acceptNetiquette(scene.netiquette.id);
  let entryId = scene.entryId;
  for (const [i, payload] of PAYLOADS.entries()) {
    if (i > 0 && i % PER_POST === 0) {
      entries.push({ id: entryId, last: i - 1 });
      entryId = (
        await buildWebsitePost(server.ctx, {
          orgId: scene.org.id,
          channelAccountId: scene.account.id,
          text: `Beitrag ${entries.length + 1} für den XSS-Test`,
        })
      ).entryId;
    }
    const response = await citizen.comment(entryId, {
      text: `${payload}\n(Nr. ${i})`,
      displayName: payload.slice(0, 60).trim() || "x",
    });
    if (response.statusCode !== 201) throw new Error(`payload ${i} refused: ${response.body}`);
    const { id } = response.json() as { id: string };
    if (i % 15 === 0)
      await answerWebsiteComment(server.ctx, {
        actor: admin.actor,
        orgId: scene.org.id,
        commentId: id,
        input: { text: `Antwort: ${payload}` },
      });
  }
  entries.push({ id: entryId, last: PAYLOADS.length - 1 });
  const media = [];
  for (const altText of MEDIA_PAYLOADS)
    media.push({ id: (await buildMedia(server.ctx, scene.org.id, { altText })).id, kind: "image" as const, altText });
  mediaEntryId = (
    await buildWebsitePost(server.ctx, {
      orgId: scene.org.id,
      channelAccountId: scene.account.id,
      text: "Bilder für den XSS-Test",
      media,
    })
  ).entryId;
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** A page that records every dialog (alert, confirm, prompt, print) a payload might open. */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; fired: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.print = () => {
      throw new Error("print called");
    };
  });
  page.on("pageerror", (error) => {
    if (error.message.includes("print called")) fired.push("print");
  });
  return { page, fired };
}

const ALLOWED_TAGS = [
  "SECTION",
  "DIV",
  "H1",
  "H2",
  "H3",
  "OL",
  "UL",
  "LI",
  "ARTICLE",
  "P",
  "SPAN",
  "TIME",
  "A",
  "BR",
  "EM",
  "STRONG",
  "BUTTON",
  "FORM",
  "LABEL",
  "INPUT",
  "TEXTAREA",
  "FIELDSET",
  "LEGEND",
  "NAV",
  "SLOT",
  "SELECT",
  "OPTION",
  "DETAILS",
  "SUMMARY",
  "FIGURE",
  "FIGCAPTION",
  "IMG",
  "VIDEO",
];

/** Every element under the roots (shadow roots included): only expected tags, no event-handler attributes, only http(s) links. */
async function expectNoInjectedMarkup(page: Page, selector: string, label: string) {
  const problems = await page.evaluate(
    ({ selector, allowed }) => {
      const found: string[] = [];
      const visit = (root: ParentNode) => {
        for (const el of root.querySelectorAll("*")) {
          if (!allowed.includes(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
          for (const attr of el.getAttributeNames())
            if (attr.startsWith("on") || attr === "srcdoc" || attr === "formaction")
              found.push(`${el.tagName}[${attr}]`);
          if (el.tagName === "A") {
            const href = el.getAttribute("href") ?? "";
            if (href && !/^(https?:\/\/|\/|#)/.test(href)) found.push(`a[href=${href}]`);
          }
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      for (const root of document.querySelectorAll(selector)) {
        visit(root);
        if (root.shadowRoot) visit(root.shadowRoot);
      }
      return found;
    },
    { selector, allowed: ALLOWED_TAGS },
  );
  expect(problems, `injected markup on ${label}`).toEqual([]);
}

async function poke(page: Page) {
  // Give mouse and focus handlers a chance, should any have slipped through.
  for (let i = 0; i < 15; i++) await page.keyboard.press("Tab");
  await page.mouse.move(200, 300);
  await page.mouse.move(400, 600);
  // Handlers run while the events are dispatched; what they might have scheduled runs by the next frame's tasks.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

describe("untrusted content in real Chromium", () => {
  it(
    `runs none of the ${PAYLOADS.length} payloads on the public post pages, with JavaScript`,
    { timeout: 180_000 },
    async () => {
      expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
      const { page, fired } = await watchedPage();
      for (const entry of entries) {
        const url = `${server.baseUrl}/p/${scene.org.slug}/beitrag/${entry.id}`;
        await page.goto(url);
        await page.getByText(`(Nr. ${entry.last})`).first().waitFor();
        await poke(page);
        await expectNoInjectedMarkup(page, "[data-draht-thread]", `post page ${entry.id}`);
        expect(page.url()).toBe(url);
      }
      expect(fired).toEqual([]);
    },
  );

  it("renders them as text on the pages without JavaScript too", { timeout: 120_000 }, async () => {
    const { page } = await watchedPage({ javaScriptEnabled: false });
    const texts: string[] = [];
    for (const entry of entries) {
      await page.goto(`${server.baseUrl}/p/${scene.org.slug}/beitrag/${entry.id}`);
      await page.getByText(`(Nr. ${entry.last})`).first().waitFor();
      await expectNoInjectedMarkup(page, "[data-draht-thread]", `server-rendered page ${entry.id}`);
      texts.push(...(await page.locator(".comment .text").allTextContents()));
    }
    // The payloads are there, shown as the text the citizen typed.
    expect(texts.some((t) => t.startsWith("<script>alert(1)</script>"))).toBe(true);
    expect(texts.some((t) => t.startsWith("<img src=x onerror=alert(1)>"))).toBe(true);
  });

  it("runs none of them in the widget embedded on another site", { timeout: 180_000 }, async () => {
    const { page, fired } = await watchedPage();
    for (const entry of entries) {
      await page.goto(
        `${site.origin}/demo.html?org=${scene.org.slug}&post=${entry.id}&origin=${encodeURIComponent(server.baseUrl)}`,
      );
      await page.getByText(`(Nr. ${entry.last})`).first().waitFor();
      await poke(page);
      await expectNoInjectedMarkup(page, "[data-draht-thread], [data-draht-feed]", `widget ${entry.id}`);
    }
    expect(fired).toEqual([]);
  });

  it("shows them as the exact alternative texts of a post's images, on the page and in the widget", async () => {
    const { page, fired } = await watchedPage();
    const alts = (root: string) =>
      page.evaluate((selector) => {
        const host = document.querySelector(selector);
        const scope = host?.shadowRoot ?? host ?? document;
        return [...scope.querySelectorAll("img")].map((img) => img.getAttribute("alt"));
      }, root);
    await page.goto(`${server.baseUrl}/p/${scene.org.slug}/beitrag/${mediaEntryId}`);
    await page.getByRole("heading", { level: 1, name: "Bilder für den XSS-Test" }).waitFor();
    await poke(page);
    await expectNoInjectedMarkup(page, "article.post", "post with media");
    expect(await alts("article.post")).toEqual(MEDIA_PAYLOADS);
    await page.goto(
      `${site.origin}/demo.html?org=${scene.org.slug}&post=${mediaEntryId}&origin=${encodeURIComponent(server.baseUrl)}`,
    );
    await page.getByText("Noch keine Kommentare", { exact: false }).waitFor();
    await poke(page);
    await expectNoInjectedMarkup(page, "[data-draht-thread]", "widget post with media");
    expect(await alts("[data-draht-thread]")).toEqual(MEDIA_PAYLOADS);
    expect(fired).toEqual([]);
  });

  it("runs none of them in the inbox list and conversation timelines", { timeout: 180_000 }, async () => {
    const { page, fired } = await watchedPage();
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${scene.org.id}/inbox?status=all`);
    const rows = page.getByRole("list", { name: "Vorgänge" }).locator("button.conversation-open");
    await expect.poll(() => rows.count()).toBe(entries.length);
    for (let i = 0; i < entries.length; i++) {
      await rows.nth(i).click();
      await page.locator("ol.timeline").getByText("(Nr. ", { exact: false }).first().waitFor();
      await poke(page);
      await expectNoInjectedMarkup(page, "ol.conversation-list, ol.timeline", `inbox conversation ${i}`);
    }
    expect(fired).toEqual([]);
  });

  it("runs none of them in the admin moderation list", { timeout: 180_000 }, async () => {
    const { page, fired } = await watchedPage();
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Moderation" }).click();
    await page
      .getByRole("navigation", { name: "Bereiche der Moderation" })
      .getByRole("link", { name: "Website-Kommentare" })
      .click();
    await page.getByText(`(Nr. ${PAYLOADS.length - 1})`).waitFor();
    const cards = page.locator("article.card");
    const older = page.getByRole("button", { name: "Ältere laden" });
    while (await older.isVisible()) {
      const before = await cards.count();
      await older.click();
      await expect.poll(() => cards.count()).toBeGreaterThan(before);
    }
    await page.getByText("(Nr. 0)", { exact: false }).first().waitFor();
    await expect(cards.count()).resolves.toBe(PAYLOADS.length);
    await poke(page);
    await expectNoInjectedMarkup(page, "ol.plain-list", "admin moderation list");
    expect(fired).toEqual([]);
  });
});
