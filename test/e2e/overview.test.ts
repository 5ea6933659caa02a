/// <reference lib="dom" />
// The start page (Übersicht) in the browser on the demo: each demo person lands on it after signing in and
// sees the sections of their role (and only those), axe-core finds nothing; and the counts change live — a
// citizen's new question shows up on the page, and once it is overdue in the navigation's "Posteingang" entry,
// without a reload; the count of all waiting questions opens the inbox filtered to them.
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { DEMO_MARKET_TEXT } from "../../src/app/demo/load-demo-website.js";
import { escalateConversations } from "../../src/app/inbox/escalate-conversations.js";
import { netiquettes, organisations, websiteEntries } from "../../src/db/schema/index.js";
import { setQuestionTarget } from "../support/inbox.js";
import { startCitizen } from "../support/website.js";
import { type ServedApp, expectAccessible, launchBrowser, serveDemoApp, signInAs } from "./browser.js";

// Wednesday 2 December 2026, 10:00 in Berlin: office hours, no public holiday.
let now = new Date("2026-12-02T09:00:00Z");
let server: ServedApp;
let browser: Browser;
let orgId: string;

beforeAll(async () => {
  server = await serveDemoApp({ clock: () => now });
  browser = await launchBrowser();
  const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
  orgId = org?.id ?? "";
  // Questions are due after two business minutes, so one turns overdue within the test.
  await setQuestionTarget(server.ctx, orgId, 2);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ALL_SECTIONS = [
  "Meine Anfragen",
  "Anfragen meiner Ämter",
  "Alle Anfragen",
  "Beiträge zur Freigabe",
  "Antworten zur Freigabe",
  "Moderation",
  "Shitstorm-Warnungen",
  "Ungelesene Hinweise",
  "Kanäle",
  "Richtlinie",
  "Weitere Bereiche",
];

const PEOPLE: { email: string; role: string; sections: string[] }[] = [
  {
    email: "admin@musterstadt.example",
    role: "administrator",
    sections: [
      "Meine Anfragen",
      "Alle Anfragen",
      "Beiträge zur Freigabe",
      "Antworten zur Freigabe",
      "Moderation",
      "Shitstorm-Warnungen",
      "Ungelesene Hinweise",
      "Kanäle",
      "Richtlinie",
      "Weitere Bereiche",
    ],
  },
  {
    email: "amtsleitung@musterstadt.example",
    role: "department-head",
    sections: [
      "Meine Anfragen",
      "Anfragen meiner Ämter",
      "Beiträge zur Freigabe",
      "Antworten zur Freigabe",
      "Ungelesene Hinweise",
      "Kanäle",
      "Richtlinie",
      "Weitere Bereiche",
    ],
  },
  {
    email: "moderation@musterstadt.example",
    role: "moderator",
    sections: [
      "Meine Anfragen",
      "Alle Anfragen",
      "Moderation",
      "Shitstorm-Warnungen",
      "Ungelesene Hinweise",
      "Richtlinie",
      "Weitere Bereiche",
    ],
  },
  { email: "analyse@musterstadt.example", role: "analyst", sections: ["Richtlinie", "Weitere Bereiche"] },
];

async function landOnOverview(page: Page, email: string): Promise<void> {
  await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Richtlinie" }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/o\/[0-9a-f-]+$/);
}

describe("the start page", () => {
  it.each(PEOPLE)("greets $email ($role) with the sections of their role", async ({ email, role, sections }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await landOnOverview(page, email);
    const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(navigation.getByRole("link").first().textContent()).resolves.toBe("Übersicht");
    const shown = (await page.getByRole("heading", { level: 2 }).allTextContents()).filter((h) =>
      ALL_SECTIONS.includes(h),
    );
    expect([...shown].sort()).toEqual([...sections].sort());
    // The sections that list something to do come before those that say nothing waits; other areas last.
    expect(shown.at(-1)).toBe("Weitere Bereiche");
    const lists: boolean[] = [];
    for (const name of shown.slice(0, -1))
      lists.push((await page.getByRole("region", { name, exact: true }).getByRole("list").count()) > 0);
    expect(lists.indexOf(false) === -1 || !lists.slice(lists.indexOf(false)).includes(true), String(shown)).toBe(true);
    if (sections.includes("Moderation")) expect(lists[shown.indexOf("Moderation")]).toBe(true);
    // A section that counts waiting questions but lists none (none overdue or due soon) does not say that
    // new ones will appear, as if none waited: it says they are within their target.
    for (const name of ["Meine Anfragen", "Anfragen meiner Ämter", "Alle Anfragen"].filter((s) => shown.includes(s))) {
      const text = (await page.getByRole("region", { name, exact: true }).textContent()) ?? "";
      const waiting = /\d+ Anfragen? warte[nt]? auf Antwort/.test(text);
      expect(text.includes("Neue Anfragen erscheinen im Posteingang"), `${name}: ${text}`).toBe(!waiting);
    }
    await page.screenshot({ path: `/tmp/overview-${role}.png`, fullPage: true });
    await expectAccessible(page, `start page of ${email}`);
    await page.close();
  });

  it("points an analyst to the reports", async () => {
    const page = await browser.newPage();
    await landOnOverview(page, "analyse@musterstadt.example");
    await page.getByRole("main").getByRole("link", { name: "Berichte" }).click();
    // Berichte opens on its first report.
    await page.getByRole("navigation", { name: "Berichte" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Stimmung" }).waitFor();
    await page.close();
  });

  it("counts a citizen's new question live, and in the navigation once it is overdue, without a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await landOnOverview(page, "presse@musterstadt.example");
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const section = page.getByRole("region", { name: "Alle Anfragen" });
    const inbox = page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: /^Posteingang/ });
    // The link's name as screen readers hear it, after "Posteingang" (the badge shows the number).
    const linkName = async () =>
      ((await inbox.getAttribute("aria-label")) ?? "Posteingang").replace(/^Posteingang/, "");
    // The navigation counts what the page counts.
    const overdueBefore = Number(/(\d+) überfällig/.exec((await section.textContent()) ?? "")?.[1] ?? 0);
    const waiting = async () =>
      Number(/(\d+) Anfragen? warten? auf Antwort/.exec((await section.textContent()) ?? "")?.[1] ?? 0);
    const waitingBefore = await waiting();
    await expect.poll(linkName).toBe(overdueBefore ? `, ${overdueBefore} überfällig` : "");

    const [market] = await server.ctx.db
      .select({ id: websiteEntries.id })
      .from(websiteEntries)
      .where(and(eq(websiteEntries.orgId, orgId), eq(websiteEntries.text, DEMO_MARKET_TEXT)));
    const [netiquette] = await server.ctx.db.select().from(netiquettes).where(eq(netiquettes.orgId, orgId));
    const citizen = await startCitizen(server.app, "musterstadt", "203.0.113.77");
    await citizen.acceptNetiquette(netiquette?.id ?? "");
    const asked = await citizen.comment(market?.id ?? "", {
      text: "Gibt es ab Januar noch freie Kita-Plätze am Rathausplatz?",
      displayName: "Familie Keller",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await section.getByRole("link", { name: "Familie Keller" }).waitFor({ timeout: 15_000 });
    await expect.poll(() => section.textContent()).toContain("fällig um");

    now = new Date(now.getTime() + 3 * 60_000);
    await escalateConversations(server.ctx, { orgId });
    await expect.poll(linkName, { timeout: 15_000 }).toBe(`, ${overdueBefore + 1} überfällig`);
    await page.getByRole("link", { name: `Posteingang, ${overdueBefore + 1} überfällig` }).waitFor();
    await expect.poll(() => section.textContent()).toContain("überfällig seit");
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.screenshot({ path: "/tmp/overview-press-live.png", fullPage: true });
    await expectAccessible(page, "start page after a live change");

    // The summary counts every question that waits, not only the pressing ones, and opens the inbox on them.
    await expect.poll(waiting).toBe(waitingBefore + 1);
    await section.getByRole("link", { name: /Anfragen? warten? auf Antwort/ }).click();
    await page.getByRole("heading", { level: 1, name: "Posteingang" }).waitFor();
    expect(new URL(page.url()).searchParams.get("waiting")).toBe("true");
    await expect(page.getByRole("combobox", { name: "Wartet auf Antwort" }).inputValue()).resolves.toBe("true");
    const list = page.getByRole("list", { name: "Vorgänge" });
    await list.getByRole("button", { name: /Familie Keller/ }).waitFor();
    expect(await list.getByRole("listitem").count()).toBe(Math.min(waitingBefore + 1, 50));
    await page.close();
  });
});
