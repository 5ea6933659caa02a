/// <reference lib="dom" />
// The foundation's browser flow: sign in, create a department, invite a new person (who joins through
// the link) and one who works elsewhere (who accepts after signing in), see only what the role allows —
// with axe-core on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoData } from "../../src/app/demo/load-demo-data.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, submitLogin } from "./browser.js";

let server: ServedApp;
let browser: Browser;

beforeAll(async () => {
  server = await serveApp();
  await loadDemoData(server.ctx, { actor: { userId: null, label: "test" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, email: string, password: string) => submitLogin(page, server.baseUrl, email, password);

describe("administration in the browser", () => {
  it("an administrator creates a department and invites two people, who join only by accepting and see what their role allows", async () => {
    const page = await browser.newPage();
    page.on("dialog", (dialog) => void dialog.accept());

    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.url()).toContain("/login");
    await expectAccessible(page, "login");
    await signIn(page, "admin@musterstadt.example", "falsches Passwort!");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-Mail-Adresse oder Passwort ist falsch");
    await signIn(page, "admin@musterstadt.example", DEMO_PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Posteingang" }).waitFor();
    await expectAccessible(page, "inbox (administrator)");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    for (const area of [
      "Posteingang",
      "Veröffentlichen",
      "Kalender",
      "Moderation",
      "Wissen",
      "Berichte",
      "Richtlinien",
      "Verwaltung",
    ]) {
      await expect.poll(() => nav.getByRole("link", { name: area }).count()).toBe(1);
    }

    await page.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
    await page.getByRole("heading", { level: 1, name: "Posteingang" }).waitFor();
    await nav.getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("heading", { level: 1, name: "Personen" }).waitFor();
    await expectAccessible(page, "people");
    await page.getByRole("link", { name: "Abteilungen" }).click();
    await page.getByRole("heading", { level: 1, name: "Abteilungen" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Amt für Digitales");
    await page.getByLabel("Kürzel").fill("AD");
    await page.getByRole("button", { name: "Abteilung anlegen" }).click();
    await page.getByRole("rowheader", { name: "Amt für Digitales" }).waitFor();
    await expectAccessible(page, "departments");

    await page.getByRole("link", { name: "Personen" }).click();
    await page.getByRole("heading", { level: 1, name: "Personen" }).waitFor();
    const form = page.getByRole("form", { name: "Person einladen" });
    const invite = async (name: string, email: string, role: string) => {
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("E-Mail-Adresse").fill(email);
      await form.getByLabel(role).check();
      await form.getByRole("button", { name: "Einladen" }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toContain(`Einladung für ${email} erstellt`);
      return page.getByLabel("Einladungslink (wird nur jetzt angezeigt)").inputValue();
    };
    await form.getByLabel("Nur bestimmte Abteilungen").check();
    await form.getByLabel("Amt für Digitales").check();
    const doraLink = await invite("Dora Digital", "dora@musterstadt.example", "Fachamt");
    expect(doraLink).toMatch(/\/invitation#[\w-]{43}$/);
    const invitations = page.getByRole("table", { name: "Offene Einladungen" });
    await expect.poll(() => invitations.textContent()).toContain("dora@musterstadt.example");
    await expectAccessible(page, "people after inviting");
    // Someone who already works for another organisation: invited alike, joins only by accepting.
    await invite("Lena Landkreis", "presse@landkreis-beispiel.example", "Analyse (nur lesen)");
    await expect.poll(() => invitations.textContent()).toContain("presse@landkreis-beispiel.example");
    const people = page.getByRole("table", { name: "Personen mit Zugang zu dieser Organisation" });
    expect(await people.textContent()).not.toContain("presse@landkreis-beispiel.example");

    await page.getByRole("link", { name: "Protokoll" }).click();
    await page.getByRole("heading", { level: 1, name: "Protokoll" }).waitFor();
    await expect.poll(() => page.getByRole("table").textContent()).toContain("member.invited");
    await expectAccessible(page, "audit log");
    await page.getByRole("link", { name: "Mein Konto" }).click();
    await page.getByRole("heading", { level: 1, name: "Mein Konto" }).waitFor();
    await expectAccessible(page, "account");
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await page.getByRole("heading", { name: "Anmelden" }).waitFor();

    await page.goto(doraLink.replace("http://localhost:3000", server.baseUrl));
    await page.getByRole("heading", { level: 1, name: "Einladung" }).waitFor();
    await expect
      .poll(() => page.getByRole("main").textContent())
      .toContain("Musterstadt lädt dora@musterstadt.example ein");
    await expectAccessible(page, "invitation link");
    await page.getByLabel("Neues Passwort", { exact: true }).fill("Dora-1234-abcd-xyz");
    await page.getByLabel("Neues Passwort wiederholen").fill("Dora-1234-abcd-xyz");
    await page.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("darf Ihre E-Mail-Adresse nicht enthalten");
    await page.getByLabel("Neues Passwort", { exact: true }).fill("Digitale Verwaltung 2026");
    await page.getByLabel("Neues Passwort wiederholen").fill("Digitale Verwaltung 2026");
    await page.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
    await page.getByRole("heading", { level: 1, name: "Posteingang" }).waitFor();
    await expectAccessible(page, "inbox (department contributor)");
    const links = await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link").allTextContents();
    expect(links).toEqual(["Posteingang", "Veröffentlichen", "Wissen", "Richtlinien"]);

    await page.goto(page.url().replace(/\/inbox$/, "/admin/members"));
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await expectAccessible(page, "no access");
    await page.goto(page.url().replace(/\/admin\/members$/, "/reports"));
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();

    await page.getByLabel("Sprache").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "No access" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").allTextContents()).toEqual(
      ["Inbox", "Publish", "Knowledge", "Guidelines"],
    );
    await expectAccessible(page, "english");
    await page.getByLabel("Language").selectOption("de");
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await page.getByRole("heading", { name: "Anmelden" }).waitFor();

    await signIn(page, "presse@landkreis-beispiel.example", DEMO_PASSWORD);
    const notice = page.getByRole("region", { name: "Einladungen" });
    await expect.poll(() => notice.textContent()).toContain("Musterstadt lädt Sie ein");
    await expectAccessible(page, "invitation notice");
    await notice.getByRole("button", { name: "Annehmen: Musterstadt" }).click();
    await expect
      .poll(() =>
        page.getByLabel("Organisation").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text),
      )
      .toBe("Musterstadt");
    await expect.poll(() => notice.count()).toBe(0);
    await page.close();
  });
});
