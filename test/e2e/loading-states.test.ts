/// <reference lib="dom" />
// No blank moments: while a moderation case is on its way the page shows a skeleton and says "Wird geladen …";
// when the server fails it says why and offers "Erneut versuchen", which loads the case. The answers are held
// and failed in the browser (Playwright's routing), the server and its data are the demo's.
import { eq } from "drizzle-orm";
import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { moderationCases, organisations } from "../../src/db/schema/index.js";
import { expectAccessible, useDemoSession } from "./browser.js";

describe("loading and failing pages", () => {
  const demo = useDemoSession("moderation@musterstadt.example");

  it("shows a skeleton while a moderation case loads, and a retry when loading failed", async () => {
    const { page, server } = demo;
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    const [aCase] = await server.ctx.db
      .select({ id: moderationCases.id })
      .from(moderationCases)
      .where(eq(moderationCases.orgId, org?.id ?? ""))
      .limit(1);
    const caseApi = `**/api/orgs/${org?.id}/moderation/cases/${aCase?.id}`;

    // The first answer is held until the skeleton has been seen, then the server fails.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(caseApi, async (route: Route) => {
      await held;
      await route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "DRAHT_ERR_INTERNAL", key: "errors.INTERNAL", requestId: "x" } }),
      });
    });
    await page.goto(`${server.baseUrl}/o/${org?.id}/moderation/cases/${aCase?.id}`);
    const loading = page.getByRole("status").filter({ hasText: "Wird geladen …" });
    await loading.waitFor();
    expect(await page.locator(".skeleton-bar").count()).toBeGreaterThan(1);
    await expectAccessible(page, "a moderation case while loading");

    release();
    const failed = page.getByRole("alert").filter({ hasText: "Das konnte nicht geladen werden." });
    await failed.waitFor();
    expect(await loading.count()).toBe(0);
    await expectAccessible(page, "a moderation case that failed to load");

    // The server answers again: "Erneut versuchen" loads the case in place.
    await page.unroute(caseApi);
    await failed.getByRole("button", { name: "Erneut versuchen" }).click();
    await page.getByRole("heading", { name: "Beweissicherung" }).waitFor();
    expect(await failed.count()).toBe(0);
  });
});
