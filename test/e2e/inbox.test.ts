/// <reference lib="dom" />
// The inbox issue's browser path on the demo, with the server's clock under the test's control: a
// citizen asks about Kita places on the website; the question appears in the press office's inbox
// without a reload, routed to the Jugendamt; after its (shortened) target it is overdue and on top;
// a colleague opening it is shown live; it is answered from the keyboard with a Textbaustein, and the
// answer appears on the public page. axe-core checks the inbox.
import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import type { Browser, Page, Request, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { DEMO_MARKET_TEXT } from "../../src/app/demo/load-demo-website.js";
import { escalateConversations } from "../../src/app/inbox/escalate-conversations.js";
import { getInboxRules } from "../../src/app/inbox/inbox-rules.js";
import { installationActorIn } from "../../src/app/authorization.js";
import { organisations, websiteEntries } from "../../src/db/schema/index.js";
import { buildAttachment, setQuestionTarget } from "../support/inbox.js";
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
  orgId = org!.id;
  // Shorten the question target to two business minutes.
  await setQuestionTarget(server.ctx, orgId, 2);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, email: string) => signInAs(page, server.baseUrl, email, DEMO_PASSWORD);

describe("the inbox", () => {
  it(
    "shows a citizen's question live, routed, overdue on top, and answers it with a template onto the public page",
    { timeout: 180_000 },
    async () => {
      const staff = await browser.newPage();
      await signIn(staff, "presse@musterstadt.example");
      await staff
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: /^Posteingang/ })
        .click();
      await staff.getByRole("heading", { level: 1, name: "Posteingang" }).waitFor();
      const list = staff.getByRole("list", { name: "Vorgänge" });
      await list.getByRole("button", { name: /Lisa/ }).waitFor();
      await expectAccessible(staff, "inbox list");

      const [market] = await server.ctx.db
        .select()
        .from(websiteEntries)
        .where(and(eq(websiteEntries.orgId, orgId), eq(websiteEntries.text, DEMO_MARKET_TEXT)));
      const citizen = await browser.newPage();
      await citizen.goto(`${server.baseUrl}/p/musterstadt/beitrag/${market!.id}`);
      await citizen.getByLabel(/^Name/).fill("Familie Brandt");
      await citizen.getByLabel("Ihr Kommentar").fill("Gibt es am Rathausplatz eine Kita mit freien Plätzen ab Januar?");
      await citizen.getByRole("checkbox", { name: /Netiquette \(Version 1\) gelesen/ }).check();
      await citizen.getByRole("button", { name: "Kommentar senden" }).click();
      await citizen.getByText("Danke! Ihr Kommentar ist veröffentlicht.").waitFor({ timeout: 60_000 });

      // Live: no reload on the staff page.
      const row = list.getByRole("button", { name: /Familie Brandt/ });
      await row.waitFor({ timeout: 15_000 });
      await expect.poll(() => row.textContent()).toContain("Jugendamt");
      await expect.poll(() => row.textContent()).not.toContain("Überfällig");

      now = new Date(now.getTime() + 3 * 60_000);
      await escalateConversations(server.ctx, { orgId });
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Überfällig");
      await expect.poll(() => list.getByRole("button").first().textContent()).toContain("Familie Brandt");

      // j opens the first (most pressing) conversation; a colleague opening it is shown live.
      await staff.getByRole("heading", { level: 1, name: "Posteingang" }).press("j");
      await staff.getByRole("heading", { level: 2, name: "Vorgang: Familie Brandt" }).waitFor();
      const colleague = await browser.newPage();
      await signIn(colleague, "redaktion@musterstadt.example");
      await colleague.goto(`${server.baseUrl}/o/${orgId}/inbox?c=${new URL(staff.url()).searchParams.get("c")}`);
      await colleague.getByRole("heading", { level: 2, name: "Vorgang: Familie Brandt" }).waitFor();
      await staff.getByText("Rita Redaktion sieht sich diesen Vorgang gerade an").waitFor({ timeout: 15_000 });
      await expectAccessible(staff, "inbox with an open conversation");

      await staff.getByLabel("Textbaustein").selectOption({ label: "Kita-Platz beantragen" });
      const text = staff.getByLabel("Ihre Antwort (öffentlich bzw. an die Person)");
      await expect
        .poll(() => text.inputValue())
        .toContain("Guten Tag Familie Brandt, Kita-Plätze vergibt das Jugendamt");
      await staff.getByRole("button", { name: "Antwort senden" }).click();
      await staff.getByText("Die Antwort ist gesendet.").waitFor();
      await staff.getByRole("article", { name: "Antwort von Paul Presse" }).waitFor();
      await colleague.getByRole("article", { name: "Antwort von Paul Presse" }).waitFor({ timeout: 15_000 });

      await citizen.reload();
      await citizen
        .getByRole("article", { name: "Antwort der Stadtverwaltung" })
        .filter({ hasText: "Kita-Plätze vergibt das Jugendamt" })
        .waitFor();
    },
  );

  it(
    "keeps the newer filter's list when an answer for an older filter arrives late",
    { timeout: 120_000 },
    async () => {
      const staff = await browser.newPage();
      await signIn(staff, "presse@musterstadt.example");
      await staff
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: /^Posteingang/ })
        .click();
      const list = staff.getByRole("list", { name: "Vorgänge" });
      await list.getByRole("button", { name: /Lisa/ }).waitFor();
      // The answer for "Abgeschlossen" (none are) is held back until the answer for "Alle" is shown.
      let held: Route | undefined;
      let heldRequest: Request | undefined;
      const closedRequested = new Promise<void>((resolve) =>
        staff.route(
          (url) => url.pathname.endsWith("/inbox/conversations") && url.searchParams.get("status") === "closed",
          (route) => {
            held = route;
            heldRequest = route.request();
            resolve();
          },
        ),
      );
      const status = staff.getByRole("group", { name: "Filter" }).getByLabel("Status");
      await status.selectOption({ label: "Abgeschlossen" });
      await closedRequested;
      // The late answer is handled once it has arrived, or once the page gave up on the request.
      const settled = new Promise<void>((resolve) => {
        const done = (request: Request) => request === heldRequest && resolve();
        staff.on("requestfinished", done);
        staff.on("requestfailed", done);
      });
      await status.selectOption({ label: "Alle" });
      await list.getByRole("button", { name: /Lisa/ }).waitFor();

      await held?.continue().catch(() => undefined); // a request the page gave up on can no longer continue
      await settled;
      // A later round trip: by the time it is shown, the late answer has long been handled by the page.
      await list.getByRole("button", { name: /Lisa/ }).click();
      await staff.getByRole("heading", { level: 2, name: "Vorgang: Lisa" }).waitFor();
      await expect(list.getByRole("button", { name: /Lisa/ }).count()).resolves.toBe(1);
      await expect(status.inputValue()).resolves.toBe("all");

      // Two filters at once, before the page shows the first (a quick hand on a slow machine): both stay chosen.
      const filters = staff.getByRole("group", { name: "Filter" });
      const [sentiment, waiting] = await Promise.all([
        filters.getByLabel("Stimmung").elementHandle(),
        filters.getByLabel("Wartet auf Antwort").elementHandle(),
      ]);
      await staff.evaluate(
        (selects) =>
          selects.forEach((select, i) => {
            if (!(select instanceof HTMLSelectElement)) throw new Error("not a choice");
            select.value = i === 0 ? "negative" : "true";
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }),
        [sentiment, waiting],
      );
      await expect
        .poll(() => Object.fromEntries([...new URL(staff.url()).searchParams].filter(([name]) => name !== "c")))
        .toEqual({ status: "all", waiting: "true", sentiment: "negative" });
      await staff.close();
    },
  );

  it("offers a file a citizen sent as a download, with its name and size", { timeout: 120_000 }, async () => {
    const { conversationId } = await buildAttachment(server.ctx, orgId);
    const staff = await browser.newPage();
    await signIn(staff, "presse@musterstadt.example");
    await staff.goto(`${server.baseUrl}/o/${orgId}/inbox?status=all&c=${conversationId}`);
    const files = staff.getByRole("region", { name: "Anhänge" });
    const link = files.getByRole("link", { name: "antrag.pdf" });
    await link.waitFor();
    await expect(files.textContent()).resolves.toContain("antrag.pdf (1 kB)");
    const [download] = await Promise.all([staff.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("antrag.pdf");
    const path = await download.path();
    expect((await readFile(path)).toString()).toBe("%PDF-1.4\n");
    await staff.locator("article.timeline-message", { has: files }).screenshot({ path: "/tmp/inbox-attachment.png" });
    await expectAccessible(staff, "conversation with an attachment");
    await staff.close();
  });

  it(
    "the inbox pages around it are usable and accessible: rules, coverage, templates, workload",
    { timeout: 120_000 },
    async () => {
      const admin = await browser.newPage();
      await signIn(admin, "admin@musterstadt.example");
      await admin.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
      await expect.poll(() => admin.url()).toContain(orgId);
      const nav = admin.getByRole("navigation", { name: "Hauptnavigation" });
      await expect
        .poll(async () => (await nav.getByRole("link", { name: "Posteingang" }).getAttribute("href")) ?? "")
        .toContain(orgId);

      await nav.getByRole("link", { name: "Verwaltung" }).click();
      await admin.getByRole("link", { name: "Posteingang-Regeln" }).click();
      await admin.getByRole("heading", { level: 1, name: "Posteingang-Regeln" }).waitFor();
      await expect.poll(() => admin.getByLabel("Name der Regel").first().inputValue()).toBe("Kita und Kindergarten");
      await expectAccessible(admin, "inbox rules");
      await admin.getByRole("button", { name: "Regel hinzufügen" }).click();
      await admin.getByLabel("Name der Regel").last().fill("Hunde");
      await admin.getByLabel("Stichwörter (durch Komma getrennt)").last().fill("Hund, Hundesteuer");
      await admin.getByLabel("Abteilung").last().selectOption({ label: "Ordnungsamt" });
      await admin.getByRole("button", { name: "Regeln speichern" }).click();
      await admin.getByText("Die Regeln sind gespeichert.").waitFor();
      const saved = await getInboxRules(server.ctx, {
        actor: installationActorIn(orgId, { userId: null, label: "test" }),
        orgId,
      });
      expect(saved.routing.at(-1)).toMatchObject({ name: "Hunde", keywords: ["Hund", "Hundesteuer"] });

      await admin.getByRole("link", { name: "Vertretung" }).click();
      await admin.getByRole("heading", { level: 1, name: "Vertretung und Abwesenheit" }).waitFor();
      await admin.getByLabel("von", { exact: true }).last().fill("21.12.2026");
      await admin.getByLabel("bis", { exact: true }).last().fill("04.01.2027");
      await admin.getByRole("button", { name: "Abwesenheit eintragen" }).click();
      await admin.getByText("Die Abwesenheit ist eingetragen.").waitFor();
      await expectAccessible(admin, "coverage and absences");

      await nav.getByRole("link", { name: "Wissen" }).click();
      await admin.getByRole("link", { name: "Textbausteine", exact: true }).click();
      await admin.getByRole("heading", { level: 1, name: "Textbausteine" }).waitFor();
      await admin.getByRole("heading", { level: 2, name: "Sperrmüll anmelden" }).waitFor();
      await expectAccessible(admin, "reply templates");

      await nav.getByRole("link", { name: "Posteingang" }).click();
      await admin.getByRole("link", { name: "Auslastung und Kanäle" }).click();
      await admin.getByRole("heading", { level: 1, name: "Auslastung" }).waitFor();
      await admin
        .getByRole("table", { name: /Kanäle/ })
        .getByRole("rowheader", { name: "Website Musterstadt" })
        .waitFor();
      await expectAccessible(admin, "workload");
    },
  );
});
