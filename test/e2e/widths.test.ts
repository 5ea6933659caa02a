/// <reference lib="dom" />
// The main staff pages on a desktop (1440 px), a tablet (768 px) and a phone (390 px), on the demo in Chromium:
// axe-core finds nothing, nothing scrolls sideways, the navigation sits above the page on the tablet and the
// phone, and on those every link of the navigation and every button of the page is at least 44 px high (a
// thumb hits it). With SCREENSHOT_DIR set, each page is also photographed at each width (for the closing notes).
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acknowledgeGuideline } from "../../src/app/guidelines/acknowledge-guideline.js";
import { activeGuideline } from "../../src/db/queries/guidelines.js";
import { createPost } from "../../src/app/posts/create-post.js";
import { submitPost } from "../../src/app/posts/submit-post.js";
import { channelAccounts, organisations, posts } from "../../src/db/schema/index.js";
import { buildMember } from "../support/factories.js";
import { expectAccessible, useDemoSession } from "./browser.js";

const WIDTHS = [1440, 768, 390] as const;

describe("the main pages at three widths", () => {
  const demo = useDemoSession("admin@musterstadt.example");

  it("are accessible, fit the screen and have thumb-sized controls on the tablet and the phone", async () => {
    const { server } = demo;
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    // An editor's post waiting for the administrator's approval.
    const orgId = org?.id ?? "";
    const [channel] = await server.ctx.db
      .select({ id: channelAccounts.id })
      .from(channelAccounts)
      .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.network, "website")));
    const editor = await buildMember(server.ctx, orgId, { roles: ["editor"] });
    const inReview = await createPost(server.ctx, {
      actor: editor.actor,
      orgId,
      input: {
        body: "Die Stadtbibliothek hat ab Montag samstags bis 16 Uhr geöffnet.",
        channels: [{ channelAccountId: channel?.id ?? "", textOverride: null }],
      },
    });
    const guideline = await activeGuideline(server.ctx.db, orgId);
    await acknowledgeGuideline(server.ctx, { actor: editor.actor, orgId, guidelineId: guideline?.id ?? "" });
    await submitPost(server.ctx, { actor: editor.actor, orgId, postId: inReview.id, revision: 1 });
    const [stored] = await server.ctx.db.select().from(posts).where(eq(posts.id, inReview.id));
    expect(stored?.status).toBe("in_review");
    const pages: [string, string][] = [
      ["start", ""],
      ["inbox", "/inbox"],
      ["composer", "/publish/new"],
      ["approval", `/publish/${inReview.id}`],
      ["moderation", "/moderation"],
      ["calendar", "/calendar"],
    ];
    for (const width of WIDTHS) {
      const page = await demo.page.context().newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const [name, route] of pages) {
        const label = `${name} at ${width} px`;
        await page.goto(`${server.baseUrl}/o/${org?.id}${route}`);
        await page.locator("main h1").first().waitFor();
        await expect.poll(() => page.getByText("Wird geladen …").count()).toBe(0);
        await expectAccessible(page, label);
        // What sticks out past the right edge, named in the failure (the innermost elements).
        const outside = await page.evaluate((edge) => {
          const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter(
            (e) => e.getBoundingClientRect().right > edge + 1,
          );
          return wide
            .filter((e) => !wide.some((inner) => inner !== e && e.contains(inner)))
            .slice(0, 5)
            .map(
              (e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`,
            );
        }, width);
        expect(outside.join("; "), `${label}: the page scrolls sideways`).toBe("");
        if (width < 1024) {
          const nav = await page.getByRole("navigation", { name: "Hauptnavigation" }).boundingBox();
          const main = await page.locator("main").boundingBox();
          expect(nav && main && nav.y + nav.height <= main.y + 1, `${label}: navigation above the page`).toBe(true);
          const small = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>(".sidenav a, main button")]
              .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
              .map((e) => `${e.tagName} "${e.textContent?.trim().slice(0, 30)}" ${e.getBoundingClientRect().height}`),
          );
          expect(small, `${label}: controls under 44 px`).toEqual([]);
        }
        if (process.env.SCREENSHOT_DIR)
          await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}-${width}.png`) });
      }
      await page.close();
    }
  });
});
