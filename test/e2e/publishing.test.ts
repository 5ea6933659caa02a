/// <reference lib="dom" />
// The browser path: an editor of the demo writes a post with "du" where the guideline requires
// "Sie", sees the blocker, fixes it, schedules and submits it; the press office approves it; the worker
// publishes it on the website channel at the scheduled minute; the press office deletes it from the
// channels again. axe-core runs on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import sharp from "sharp";
import { DEMO_PASSWORD, loadDemoData } from "../../src/app/demo/load-demo-data.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { organisations, posts, publications } from "../../src/db/schema/index.js";
import { type PublishWorker, startPublishWorker } from "../../src/jobs/publishWorker.js";
import { localClock, localDate } from "../../src/domain/zonedTime.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let worker: PublishWorker;

beforeAll(async () => {
  server = await serveApp();
  await loadDemoData(server.ctx, { actor: { userId: null, label: "test" } });
  const connectors = createConnectorRegistry({ db: server.ctx.db, clock: server.ctx.clock, publicUrl: server.baseUrl });
  worker = startPublishWorker(server.ctx, { connectors }, { pollMs: 250 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, email: string) => signInAs(page, server.baseUrl, email, DEMO_PASSWORD);

/**
 * The start of the minute at least 45 s from now (time enough to submit first), as a person types it into the
 * schedule's date and time fields: wall-clock time in the organisation's time zone (the demo's is Europe/Berlin).
 */
function nextMinute(): { day: string; time: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  const [year, month, day] = localDate(at, "Europe/Berlin").split("-");
  return { at, day: `${day}.${month}.${year}`, time: localClock(at, "Europe/Berlin") };
}

/** Types a date (TT.MM.JJJJ) and a time (HH:MM) into the composer's "Veröffentlichen am" group. */
async function schedule(page: Page, day: string, time: string): Promise<void> {
  const group = page.getByRole("group", { name: "Veröffentlichen am" });
  await group.getByLabel("Datum", { exact: true }).fill(day);
  await group.getByLabel("Uhrzeit", { exact: true }).fill(time);
}

describe("publishing in the browser", () => {
  // Waits for the scheduled minute: up to about two minutes.
  it(
    "from a blocked 'du' to a post approved by a second person and published at the scheduled minute",
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage();
      await signIn(page, "redaktion@musterstadt.example");
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });

      await nav.getByRole("link", { name: "Richtlinien" }).click();
      await page.getByRole("heading", { level: 1, name: "Richtlinien" }).waitFor();
      await expectAccessible(page, "guidelines");
      await page.getByRole("button", { name: "Version 1 gelesen und bestätigt" }).click();
      await page.getByText("Sie haben diese Version gelesen und bestätigt.").waitFor();

      await nav.getByRole("link", { name: "Veröffentlichen" }).click();
      await page.getByRole("link", { name: "Neuer Beitrag" }).click();
      await page.getByRole("heading", { level: 1, name: "Neuer Beitrag" }).waitFor();
      // Before anything is typed the composer already names the guideline in force.
      await page.getByText("Es gilt die Richtlinie Version 1").waitFor();
      await page.getByLabel("Interner Titel").fill("Laternenfest");
      await page.getByLabel("Text", { exact: true }).fill("Kommst du am Freitag zum Laternenfest auf dem Marktplatz?");
      await page.getByRole("checkbox", { name: /Website Musterstadt/ }).check();
      await page.getByText("Falsche Anrede „du“").waitFor();
      await expect.poll(() => page.getByRole("button", { name: "Zur Freigabe einreichen" }).isDisabled()).toBe(true);
      await expectAccessible(page, "composer with a blocker");
      await page.getByRole("button", { name: "Stelle markieren" }).click();
      const selection = await page.getByLabel("Text", { exact: true }).evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      expect(selection).toBe("du");

      await page.getByLabel("Text", { exact: true }).fill("Kommen Sie am Freitag zum Laternenfest auf dem Marktplatz?");
      await page.getByText("Keine Beanstandungen.").waitFor();
      const when = nextMinute();
      await schedule(page, when.day, when.time);
      await page.getByText(/Entwurf gespeichert um/).waitFor();
      await page.getByRole("button", { name: "Zur Freigabe einreichen" }).click();
      await page.getByText("Der Beitrag wurde eingereicht.").waitFor();
      await expect.poll(() => page.locator(".facts").textContent()).toContain("In Freigabe");
      await expectAccessible(page, "submitted post");
      await page.getByRole("button", { name: "Abmelden" }).click();

      await signIn(page, "presse@musterstadt.example");
      await nav.getByRole("link", { name: "Veröffentlichen" }).click();
      const queue = page.getByRole("table", { name: "Warten auf Ihre Freigabe" });
      await queue.getByRole("link", { name: "Laternenfest" }).click();
      await page
        .getByRole("article", { name: "Vorschau auf Website Musterstadt" })
        .getByText("Kommen Sie am Freitag")
        .waitFor();
      await expectAccessible(page, "approval view");
      await page.getByRole("button", { name: "Freigeben" }).click();
      await page.getByText("Freigabe erteilt.").waitFor();
      await expect.poll(() => page.locator(".facts").textContent()).toContain("Geplant");

      const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
      const feed = `${server.baseUrl}/p/${org!.id}`;
      await expect
        .poll(async () => (await fetch(feed)).text(), { timeout: 150_000, interval: 1000 })
        .toContain("Kommen Sie am Freitag zum Laternenfest auf dem Marktplatz?");
      // This post's publication (the demo's history holds a year of others).
      const [sent] = await server.ctx.db
        .select({ publishedAt: publications.publishedAt })
        .from(publications)
        .innerJoin(posts, eq(posts.id, publications.postId))
        .where(and(eq(publications.orgId, org!.id), like(posts.body, "%Laternenfest auf dem Marktplatz%")));
      expect(sent!.publishedAt!.getTime()).toBeGreaterThanOrEqual(when.at.getTime());
      expect(sent!.publishedAt!.getTime()).toBeLessThan(when.at.getTime() + 60_000);
      await page.goto(feed);
      await expectAccessible(page, "website feed");
      await page.goBack();
      await page.reload();
      await expect.poll(() => page.locator(".facts").textContent()).toContain("Veröffentlicht");

      // The date was wrong after all: the press office deletes it from the channels again.
      page.on("dialog", (dialog) => void dialog.accept());
      await page.getByText("Aus den Kanälen löschen").click();
      await page.getByLabel("Grund (wird im Protokoll festgehalten)").fill("Das Fest wurde verschoben.");
      await page.getByRole("button", { name: "Jetzt löschen" }).click();
      await page.getByText("Der Beitrag wurde aus den Kanälen gelöscht.").waitFor();
      await page.getByText(/veröffentlicht · gelöscht/).waitFor();
      await expectAccessible(page, "post deleted from its channels");
      expect(await (await fetch(feed)).text()).not.toContain(
        "Kommen Sie am Freitag zum Laternenfest auf dem Marktplatz?",
      );
    },
  );

  it("writes a thread: each further post has its own field and count, and a finding in it is shown in its place", async () => {
    const page = await browser.newPage();
    await signIn(page, "redaktion@musterstadt.example");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    await page.getByLabel("Interner Titel").fill("Brückensperrung");
    await page.getByLabel("Text", { exact: true }).fill("Die Brücke am Hafen bleibt bis Freitag gesperrt.");
    await page.getByRole("checkbox", { name: /Mastodon \(Sandbox\)/ }).check();
    await page.getByRole("button", { name: "Weiteren Beitrag anfügen" }).click();
    // The new field has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("thread-part-0");
    await page.keyboard.type("Nimmst du den Bus? Die Umleitung führt über die Hafenstraße.");
    await expect
      .poll(() => page.getByLabel("Beitrag 2 von 2").inputValue())
      .toBe("Nimmst du den Bus? Die Umleitung führt über die Hafenstraße.");
    await page.getByText("Mastodon (Sandbox): 60 / 500 Zeichen").waitFor();
    await page.getByText("Falsche Anrede „du“").waitFor();
    await expectAccessible(page, "composer with a thread");
    await page.getByRole("button", { name: "Stelle markieren" }).click();
    const selection = await page.getByLabel("Beitrag 2 von 2").evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      return document.activeElement === area ? area.value.slice(area.selectionStart, area.selectionEnd) : null;
    });
    expect(selection).toBe("du");
    await page.getByRole("button", { name: "Weiteren Beitrag anfügen" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("thread-part-1");
    await page.keyboard.type("Busse fahren wie gewohnt.");
    await page.getByRole("button", { name: "Beitrag 3 nach oben" }).click();
    await expect.poll(() => page.getByLabel("Beitrag 2 von 3").inputValue()).toBe("Busse fahren wie gewohnt.");
    await page.getByRole("button", { name: "Beitrag 3 entfernen" }).click();
    await expect.poll(() => page.getByText("Falsche Anrede „du“").count()).toBe(0);
    // Saved as it stands, and there again after a reload.
    await expect
      .poll(
        async () =>
          (
            await server.ctx.db
              .select({ parts: posts.threadParts })
              .from(posts)
              .where(eq(posts.title, "Brückensperrung"))
          )[0]?.parts,
      )
      .toEqual(["Busse fahren wie gewohnt."]);
    // The first save created the post and moved the address to it; reload that address.
    await page.waitForURL(/\/publish\/[0-9a-f-]{36}$/);
    await page.reload();
    await expect.poll(() => page.getByLabel("Beitrag 2 von 2").inputValue()).toBe("Busse fahren wie gewohnt.");
  });

  it("a department contributor drafts for the Jugendamt and keeps the Jugendamt's files", async () => {
    const page = await browser.newPage();
    await signIn(page, "kita@musterstadt.example");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    const department = page.getByLabel("Abteilung", { exact: true });
    const choices = () =>
      department.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.textContent ?? ""));
    // Only their department, chosen from the start: a Jugendamt contributor cannot write for the whole town.
    expect(await choices()).toEqual(["Jugendamt"]);
    await page.getByLabel("Interner Titel").fill("Kita-Anmeldung");
    await page.getByLabel("Text", { exact: true }).fill("Die Anmeldung für die Kitas ist ab Montag geöffnet.");
    await page.getByRole("checkbox", { name: /Website Musterstadt/ }).check();
    await page.waitForURL(/\/publish\/[0-9a-f-]{36}$/);
    await expectAccessible(page, "composer of a department contributor");
    await page.screenshot({ path: "/tmp/draht-kita-composer.png", fullPage: true });

    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Mediathek" }).click();
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 30, g: 160, b: 60 } } })
      .png()
      .toBuffer();
    await page
      .getByLabel("Datei", { exact: true })
      .setInputFiles({ name: "kita.png", mimeType: "image/png", buffer: png });
    await page.getByLabel("Alternativtext", { exact: true }).first().fill("Kinder malen im Garten der Kita am Park");
    expect(
      await page
        .getByLabel("Abteilung", { exact: true })
        .evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.textContent ?? "")),
    ).toEqual(["Jugendamt"]);
    await page.getByRole("button", { name: "Hochladen" }).click();
    await page.getByText("„kita.png“ wurde hochgeladen.").waitFor();
    const card = page.getByRole("form", { name: "kita.png" });
    await card.getByText(/Jugendamt/).waitFor();
    await card.getByLabel("Alternativtext").fill("Kinder malen im Garten");
    await card.getByRole("button", { name: "Angaben speichern" }).click();
    await page.getByText("Angaben zu „kita.png“ gespeichert.").waitFor();
    await expectAccessible(page, "media library of a department contributor");
    await page.screenshot({ path: "/tmp/draht-kita-media.png", fullPage: true });
    const [saved] = await server.ctx.db.select().from(posts).where(eq(posts.title, "Kita-Anmeldung"));
    expect(saved?.departmentId).not.toBeNull();
  });

  it("the publishing pages are usable and accessible: channels, guideline editor, media library, campaigns, calendar", async () => {
    const page = await browser.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, "admin@musterstadt.example");
    await page.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });

    await nav.getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("link", { name: "Kanäle" }).click();
    await page.getByRole("rowheader", { name: "Mastodon (Sandbox)" }).waitFor();
    await expectAccessible(page, "channel accounts");

    await nav.getByRole("link", { name: "Richtlinien" }).click();
    await page.getByRole("heading", { name: "Neue Version schreiben" }).waitFor();
    await page.getByLabel("Unerwünschte Begriffe", { exact: true }).fill("Behördengänger\nAmtsschimmel");
    await page
      .getByRole("textbox", { name: "Text der Richtlinie" })
      .fill(
        [
          "# Richtlinie",
          "1. **Anrede:** Wir siezen. [Netiquette](https://musterstadt.example/netiquette)",
          '<img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>',
          "[Klick](javascript:window.__pwned=3) ![Bild](javascript:window.__pwned=4)",
        ].join("\n\n"),
      );
    await page.getByRole("button", { name: "Als Entwurf speichern" }).click();
    await page.getByRole("button", { name: "Version 2 in Kraft setzen" }).click();
    await page.getByText("Version 2 ist jetzt in Kraft.").waitFor();
    // The guideline's Markdown is shown formatted; HTML and script links written into it never run.
    const documentCard = page.getByRole("article", { name: "Text der Richtlinie" });
    await documentCard.getByRole("heading", { level: 2, name: "Richtlinie" }).waitFor();
    expect(await documentCard.locator("strong").allTextContents()).toEqual(["Anrede:"]);
    expect(
      await documentCard.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
    ).toEqual(["https://musterstadt.example/netiquette"]);
    expect(await documentCard.locator("img, script").count()).toBe(0);
    await documentCard.getByText("Klick").click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await documentCard.textContent()).not.toContain("**");
    await expectAccessible(page, "guidelines with editor");

    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Mediathek" }).click();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer();
    await page
      .getByLabel("Datei", { exact: true })
      .setInputFiles({ name: "rathaus.png", mimeType: "image/png", buffer: png });
    await page
      .getByLabel("Alternativtext", { exact: true })
      .first()
      .fill("Das Rathaus von Musterstadt bei Sonnenuntergang");
    await page.getByRole("button", { name: "Hochladen" }).click();
    await page.getByText("„rathaus.png“ wurde hochgeladen.").waitFor();
    await page.getByRole("img", { name: "Das Rathaus von Musterstadt bei Sonnenuntergang" }).waitFor();
    await expectAccessible(page, "media library");

    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Kampagnen" }).click();
    await page.getByRole("link", { name: "24 Stunden Rathaus" }).click();
    await page.getByRole("heading", { level: 1, name: /24 Stunden Rathaus/ }).waitFor();
    await expectAccessible(page, "campaign board");
    await page.getByRole("link", { name: "Beitrag aus dieser Vorlage" }).first().click();
    await expect.poll(() => page.getByLabel("Text", { exact: true }).inputValue()).toContain("#24hRathaus");
    await expectAccessible(page, "composer from a campaign template");

    await nav.getByRole("link", { name: "Kalender" }).click();
    await page.getByRole("table", { name: /\d{4}/ }).waitFor();
    await expectAccessible(page, "calendar month");
    await page.getByRole("button", { name: "Woche" }).click();
    await expectAccessible(page, "calendar week");
    await page.getByRole("button", { name: "Liste" }).click();
    await expectAccessible(page, "calendar list");
  });

  it("one composer makes at most one draft: none when left untouched, and what was typed last is saved on leaving", async () => {
    const page = await browser.newPage();
    await signIn(page, "presse@musterstadt.example");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    const drafts = async () =>
      (await server.ctx.db.select().from(posts).where(eq(posts.orgId, org!.id))).filter((p) => p.status === "draft");
    const before = (await drafts()).length;
    const leave = async () => {
      await nav.getByRole("link", { name: "Veröffentlichen" }).click();
      await page.getByRole("link", { name: "Neuer Beitrag" }).waitFor();
    };

    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    await page.getByLabel("Text", { exact: true }).waitFor();
    await page.getByRole("checkbox", { name: /Website Musterstadt/ }).check();
    await leave();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    await page.getByLabel("Text", { exact: true }).fill("Der Wochenmarkt beginnt morgen eine Stunde früher.");
    await leave(); // at once, before the autosave
    await expect.poll(async () => (await drafts()).length).toBe(before + 1);
    const [draft] = (await drafts()).filter((p) => p.body.startsWith("Der Wochenmarkt"));
    expect(draft?.body).toBe("Der Wochenmarkt beginnt morgen eine Stunde früher.");

    await page.goto(`${server.baseUrl}/o/${org!.id}/publish/${draft!.id}`);
    await page.getByLabel("Text", { exact: true }).fill("Der Wochenmarkt beginnt morgen um 7 Uhr.");
    await leave();
    await expect
      .poll(async () => (await drafts()).find((p) => p.id === draft!.id)?.body)
      .toBe("Der Wochenmarkt beginnt morgen um 7 Uhr.");
    expect((await drafts()).length).toBe(before + 1);
    await page.close();
  });

  it("shows and reads every time in the organisation's time zone, whatever the browser's zone", async () => {
    const context = await browser.newContext({ timezoneId: "America/New_York", locale: "de-DE" });
    const page = await context.newPage();
    await signIn(page, "presse@musterstadt.example");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    await page.getByLabel("Interner Titel").fill("Heiligabend");
    await page.getByLabel("Text", { exact: true }).fill("Das Rathaus schließt an Heiligabend um 12 Uhr.");
    await schedule(page, "24.12.2030", "10:00");
    await page.getByText(/Entwurf gespeichert um/).waitFor();
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    const saved = async () =>
      (await server.ctx.db.select().from(posts).where(eq(posts.orgId, org!.id))).find((p) => p.title === "Heiligabend");
    // 10:00 on the organisation's clocks in Berlin (winter time, UTC+1), not 10:00 in New York.
    await expect.poll(async () => (await saved())?.scheduledAt?.toISOString()).toBe("2030-12-24T09:00:00.000Z");

    await nav.getByRole("link", { name: "Veröffentlichen" }).click();
    const row = page.getByRole("row").filter({ hasText: "Heiligabend" });
    await expect.poll(() => row.textContent()).toContain("24.12.2030, 10:00");
    await page.close();
    await context.close();
  });

  it("the schedule is typed and shown as TT.MM.JJJJ and HH:MM whatever the browser's language, an impossible date named", async () => {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    const page = await context.newPage();
    await signIn(page, "presse@musterstadt.example");
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Veröffentlichen" })
      .click();
    await page.getByRole("link", { name: "Neuer Beitrag" }).click();
    await page.getByLabel("Interner Titel").fill("Weihnachtsgruß");
    await page.getByLabel("Text", { exact: true }).fill("Frohe Weihnachten wünscht Ihnen das Rathaus.");
    const group = page.getByRole("group", { name: "Veröffentlichen am" });
    const day = group.getByLabel("Datum", { exact: true });
    const time = group.getByLabel("Uhrzeit", { exact: true });
    await group.getByText("TT.MM.JJJJ, z. B. 24.12.2026").waitFor();
    await group.getByText("HH:MM, 24 Stunden, z. B. 18:30").waitFor();
    expect(await day.getAttribute("inputmode")).toBe("numeric");

    // A day the calendar lacks is named where it was typed, and nothing is scheduled.
    await schedule(page, "31.02.2027", "18:30");
    const problem = group.getByRole("alert");
    await problem.getByText("Den 31.02.2027 gibt es im Kalender nicht. Bitte ein gültiges Datum eingeben.").waitFor();
    expect(await day.getAttribute("aria-invalid")).toBe("true");
    expect((await day.getAttribute("aria-describedby"))?.split(" ")).toContain(await problem.getAttribute("id"));
    expect(await day.inputValue()).toBe("31.02.2027");
    await expectAccessible(page, "schedule with an impossible date");
    await page.getByText(/Entwurf gespeichert um/).waitFor();
    const [org] = await server.ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
    const saved = async () =>
      (await server.ctx.db.select().from(posts).where(eq(posts.orgId, org!.id))).find(
        (p) => p.title === "Weihnachtsgruß",
      );
    expect((await saved())?.scheduledAt).toBeNull();

    await day.fill("24.12.2026");
    await day.press("Tab");
    await expect.poll(() => group.getByRole("alert").count()).toBe(0);
    // 18:30 on the organisation's clocks in Berlin (UTC+1 in December), saved with the draft (after 1.2 s).
    const savedAt = async () => (await saved())?.scheduledAt?.toISOString();
    await expect.poll(savedAt, { timeout: 10_000 }).toBe("2026-12-24T17:30:00.000Z");
    await page.reload();
    await expect.poll(() => day.inputValue()).toBe("24.12.2026");
    expect(await time.inputValue()).toBe("18:30");
    expect(await day.getAttribute("aria-invalid")).toBeNull();

    // Short forms are read and written out in full on leaving the field.
    await time.fill("930");
    await time.press("Tab");
    await expect.poll(() => time.inputValue()).toBe("09:30");
    await expect.poll(savedAt, { timeout: 10_000 }).toBe("2026-12-24T08:30:00.000Z");
    await time.fill("25:00");
    await time.press("Tab");
    await group
      .getByRole("alert")
      .getByText("25:00 ist keine Uhrzeit. Bitte eine Uhrzeit von 00:00 bis 23:59 eingeben.")
      .waitFor();
    await expectAccessible(page, "schedule in German form");

    // Submitting with the time wrong sends nothing: the post stays a draft with its earlier time.
    await page.getByRole("checkbox", { name: /Website Musterstadt/ }).check();
    await page.getByRole("button", { name: "Zur Freigabe einreichen" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("post-time-time");
    expect((await saved())?.status).toBe("draft");
    await context.close();
  });
});
