/// <reference lib="dom" />
// Stimmung by post in Chromium on the demo's year: the analyst reads the posts with the most negative and most
// positive reactions (the rule said in words, each post a link), narrows the report to one post and then to the
// Advent campaign — the figures follow and the address keeps the choice —, is offered the marathon campaign's own
// days instead of 90 days' bars (screenshot /tmp/reports-mood-short-campaign.png), goes from a term in Themen to
// Stimmung of that term and back, and axe-core finds nothing on the pages.
import { describe, expect, it } from "vitest";
import { expectAccessible, useDemoSession } from "./browser.js";
import { figureNumber, openReport } from "./reportPage.js";

const session = useDemoSession("analyse@musterstadt.example");

const messages = () => figureNumber(session.page, "Nachrichten");

describe("Stimmung by post", () => {
  it("lists the posts with the most negative and most positive reactions, with the rule, each linking to the post", async () => {
    const { page } = session;
    await openReport(page);
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Letzte 90 Tage" });
    const ranking = page.getByRole("region", { name: "Beiträge mit den meisten negativen und positiven Reaktionen" });
    await ranking.getByText(/mindestens 10 Reaktionen im Zeitraum/).waitFor();
    const negative = ranking.getByRole("region", { name: "Am meisten negative Reaktionen" });
    // The Hauptstraße closed without notice in September drew nothing but complaints.
    const closed = negative.getByRole("link", { name: "Hauptstraße voll gesperrt" });
    expect(await closed.getAttribute("href")).toMatch(/\/publish\/[0-9a-f-]{36}$/);
    expect(await negative.getByRole("listitem").first().textContent()).toMatch(/100\s%\snegativ/);
    const positive = ranking.getByRole("region", { name: "Am meisten positive Reaktionen" });
    await positive.getByRole("link", { name: "Der Weihnachtsmarkt öffnet" }).waitFor();
    await page.getByRole("table", { name: /^Stimmung nach Beitrag/ }).waitFor();
    await expectAccessible(page, "Stimmung nach Beitrag");
  });

  it("narrows to one post, then to a campaign, and keeps the choice in the address", async () => {
    const { page } = session;
    const all = await messages();
    const posts = page.getByRole("combobox", { name: /^Beitrag/ });
    // The choice names the post with its publication date.
    const closed = (await posts.locator("option", { hasText: /^Hauptstraße voll gesperrt \(/ }).textContent()) ?? "";
    await posts.selectOption({ label: closed });
    await page.getByText(/Gezählt sind die Reaktionen auf die gewählten Beiträge/).waitFor();
    await expect.poll(messages).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get("post")).toMatch(/^[0-9a-f-]{36}$/);
    // A term cannot be combined with a post: choosing one clears the other.
    // Both choices at once, before the page shows the first — as a quick hand on a slow machine makes them: the
    // second must not undo the first (it did: the post's change was built on the address without the campaign).
    const campaigns = page.getByRole("combobox", { name: /^Kampagne/ });
    const advent = await campaigns.locator("option", { hasText: "Advent in Musterstadt" }).getAttribute("value");
    await campaigns.evaluate((campaign: HTMLSelectElement, value) => {
      const post = document.querySelector<HTMLSelectElement>(".mood-post-select select");
      if (!post || !value) throw new Error("no post choice or campaign");
      campaign.value = value;
      campaign.dispatchEvent(new Event("change", { bubbles: true }));
      post.value = "";
      post.dispatchEvent(new Event("change", { bubbles: true }));
    }, advent);
    await expect.poll(() => new URL(page.url()).searchParams.get("campaign")).toMatch(/^[0-9a-f-]{36}$/);
    const ranking = page.getByRole("region", { name: "Am meisten positive Reaktionen" });
    await expect.poll(() => ranking.getByRole("link").allTextContents()).toContain("Der Weihnachtsmarkt öffnet");
    expect(await page.getByRole("link", { name: "Hauptstraße voll gesperrt" }).count()).toBe(0);
    await expectAccessible(page, "Stimmung einer Kampagne");
  });

  it("offers a marathon campaign's own days when a longer period drowns them, and shows them day by day", async () => {
    const { page } = session;
    await page.getByRole("combobox", { name: /^Kampagne/ }).selectOption({ label: "24 Stunden Ordnungsamt" });
    const note = page.getByText(/^Die Kampagne „24 Stunden Ordnungsamt“ lief nur vom \d{2}\.\d{2}\.\d{4} bis/);
    await note.waitFor();
    // The days in German, as the organisation's calendar has them.
    const [, from, to] =
      /vom (\d{2}\.\d{2}\.\d{4}) bis (\d{2}\.\d{2}\.\d{4})/.exec((await note.textContent()) ?? "") ?? [];
    await page.getByRole("button", { name: "Nur die Tage der Kampagne zeigen, je Tag ein Balken" }).click();
    const german = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : null);
    await expect.poll(() => new URL(page.url()).searchParams.get("period")).toBe("custom");
    const address = new URL(page.url()).searchParams;
    expect([german(address.get("from")), german(address.get("to"))]).toEqual([from, to]);
    // Shown exactly, the note has nothing more to offer; the campaign stays chosen.
    await expect.poll(() => note.count()).toBe(0);
    expect(address.get("campaign")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await messages()).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/reports-mood-short-campaign.png", fullPage: true });
    await expectAccessible(page, "Stimmung einer kurzen Kampagne");
  });

  it("goes from a term in Themen to Stimmung of that term, and back to all messages", async () => {
    const { page } = session;
    await page.getByRole("combobox", { name: /^Kampagne/ }).selectOption({ label: "Alle Kampagnen" });
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Letzte 90 Tage" });
    await page.getByRole("link", { name: "Begriff im Bericht Themen wählen" }).click();
    await page.getByRole("heading", { level: 1, name: "Themen" }).waitFor();
    const terms = page.getByRole("navigation", { name: "Stimmung zu einem Begriff ansehen:" });
    const first = terms.getByRole("link").first();
    const label = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { level: 1, name: "Stimmung" }).waitFor();
    await page.getByText(/Gezählt sind die sichtbaren Nachrichten mit dem gewählten Begriff/).waitFor();
    await page
      .getByRole("table", { name: "Stimmung zum gewählten Begriff" })
      .getByRole("rowheader", { name: label })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("period")).toBe("90");
    await page.screenshot({ path: "/tmp/reports-mood-by-post.png", fullPage: true });
    await expectAccessible(page, "Stimmung eines Begriffs");
    await page.getByRole("button", { name: `Begriff „${label}“ entfernen` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("topic")).toBeNull();
  });
});
