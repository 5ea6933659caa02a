/// <reference lib="dom" />
// The inbox as a work surface, on the demo in Chromium: "?" shows the keyboard commands; taking over
// conversations can be taken back with one click ("Rückgängig machen"), which gives each conversation back its
// earlier assignee; an unsent answer waits in its conversation.
import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { conversations, organisations } from "../../src/db/schema/index.js";
import { expectAccessible, useDemoSession } from "./browser.js";

describe("the inbox as a work surface", () => {
  const demo = useDemoSession("presse@musterstadt.example");

  it("shows the keys with '?', and takes back a take-over", async () => {
    const { page, server } = demo;
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    await page.goto(`${server.baseUrl}/o/${org?.id}/inbox`);
    const list = page.getByRole("list", { name: "Vorgänge" });
    await list.getByRole("checkbox").first().waitFor();

    await page.locator("body").press("?");
    await page.getByText("?: diese Tastaturbefehle zeigen").waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Tastaturbefehle");

    const boxes = list.getByRole("checkbox");
    // Take over two conversations, then take it back: each has its earlier assignee again.
    const ids = await list
      .locator("[data-conversation]")
      .evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getAttribute("data-conversation") ?? ""));
    const assignees = async () =>
      new Map(
        (
          await server.ctx.db
            .select({ id: conversations.id, assignee: conversations.assigneeUserId })
            .from(conversations)
            .where(inArray(conversations.id, ids))
        ).map((c) => [c.id, c.assignee]),
      );
    const before = await assignees();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: "Alle übernehmen" }).click();
    await page.getByText("Die Zuständigkeit ist geändert.").waitFor();
    const taken = await assignees();
    expect(new Set(taken.values()).size).toBe(1);
    await expectAccessible(page, "the inbox with an undo offered");
    await page.getByRole("button", { name: "Rückgängig machen" }).click();
    await page.getByText("Rückgängig gemacht.").waitFor();
    await expect.poll(assignees).toEqual(before);
    expect(await page.getByRole("button", { name: "Rückgängig machen" }).count()).toBe(0);
  });

  it("keeps an unsent answer per conversation while moving to another and back", async () => {
    const { page, server } = demo;
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    await page.goto(`${server.baseUrl}/o/${org?.id}/inbox`);
    const rows = page.getByRole("list", { name: "Vorgänge" }).locator("[data-conversation]");
    await rows.first().click();
    const answer = page.getByRole("textbox", { name: "Ihre Antwort (öffentlich bzw. an die Person)" });
    await answer.fill("Guten Tag, danke für Ihre Frage – ich kläre das mit dem Bauamt.");
    await rows.nth(1).click();
    await expect.poll(() => answer.inputValue()).toBe("");
    await rows.first().click();
    await expect
      .poll(() => answer.inputValue())
      .toBe("Guten Tag, danke für Ihre Frage – ich kläre das mit dem Bauamt.");
  });
});
