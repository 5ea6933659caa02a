/// <reference lib="dom" />
// The foundation's browser flow: sign in, create a department, invite a new person (who joins through
// the link) and one who works elsewhere (who accepts after signing in), see only what the role allows —
// with axe-core on every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { type ServedApp, expectAccessible, launchBrowser, serveDemoApp, signInAs, submitLogin } from "./browser.js";

let server: ServedApp;
let browser: Browser;

beforeAll(async () => {
  // The demo as loaded at DEMO_NOW, its clock running on from there.
  server = await serveDemoApp();
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
    await page.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expectAccessible(page, "start page (administrator)");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    for (const area of [
      "Übersicht",
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

    // Never opened before: the start page opens the organisation with the most members, not the first by name.
    await expect.poll(() => selectedOrganisation(page)).toBe("Musterstadt");
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
    const lenaLink = await invite("Lena Landkreis", "presse@landkreis-beispiel.example", "Analyse (nur lesen)");
    await expect.poll(() => invitations.textContent()).toContain("presse@landkreis-beispiel.example");
    const people = page.getByRole("table", { name: "Personen mit Zugang zu dieser Organisation" });
    expect(await people.textContent()).not.toContain("presse@landkreis-beispiel.example");

    await page.getByRole("link", { name: "Protokoll" }).click();
    await page.getByRole("heading", { level: 1, name: "Protokoll" }).waitFor();
    await expect.poll(() => page.getByRole("table").textContent()).toContain("Person eingeladen");
    expect(await page.getByRole("table").textContent()).not.toMatch(/member\.invited|org\.created|\buser [0-9a-f]{8}/);
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
    await page.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expectAccessible(page, "start page (department contributor)");
    const links = await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link").allTextContents();
    // A number after an entry counts what waits there (overdue questions).
    expect(links.map((link) => link.replace(/ \d+$/, ""))).toEqual([
      "Übersicht",
      "Posteingang",
      "Veröffentlichen",
      "Wissen",
      "Richtlinien",
    ]);

    await page.goto(`${page.url().replace(/\/$/, "")}/admin/members`);
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();
    await expectAccessible(page, "no access");
    await page.goto(page.url().replace(/\/admin\/members$/, "/reports"));
    await page.getByRole("heading", { level: 1, name: "Kein Zugriff" }).waitFor();

    await page.getByLabel("Sprache").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "No access" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    const english = await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").allTextContents();
    expect(english.map((link) => link.replace(/ \d+$/, ""))).toEqual([
      "Overview",
      "Inbox",
      "Publish",
      "Knowledge",
      "Guidelines",
    ]);
    await expectAccessible(page, "english");
    await page.getByLabel("Language").selectOption("de");
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await page.getByRole("heading", { name: "Anmelden" }).waitFor();

    // Someone with an account opens the link, signs in from there, comes back and accepts with the same link.
    await page.goto(lenaLink.replace("http://localhost:3000", server.baseUrl));
    await expect.poll(() => page.getByRole("main").textContent()).toContain("Musterstadt lädt presse@landkreis");
    await page.getByRole("link", { name: "Zur Anmeldung" }).click();
    await page.getByLabel("E-Mail-Adresse").fill("presse@landkreis-beispiel.example");
    await page.getByLabel("Passwort").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    const accept = page.getByRole("button", { name: "Einladung als presse@landkreis-beispiel.example annehmen" });
    await accept.waitFor();
    await expectAccessible(page, "invitation link, signed in");
    await accept.click();
    await expect
      .poll(() =>
        page.getByLabel("Organisation").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text),
      )
      .toBe("Musterstadt");
    await page.close();
  });

  it("returns a person to the organisation they used last, also in another browser", async () => {
    const laptop = await browser.newContext();
    const page = await laptop.newPage();
    await signInAs(page, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
    await page.getByLabel("Organisation").selectOption({ label: "Landkreis Beispiel" });
    await page.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expect.poll(() => selectedOrganisation(page)).toBe("Landkreis Beispiel");
    await laptop.close();

    const tablet = await browser.newContext();
    const again = await tablet.newPage();
    await signInAs(again, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
    await again.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expect.poll(() => selectedOrganisation(again)).toBe("Landkreis Beispiel");
    await again.getByLabel("Organisation").selectOption({ label: "Musterstadt" });
    await again.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expect.poll(() => selectedOrganisation(again)).toBe("Musterstadt");
    await tablet.close();

    const phone = await browser.newContext();
    const third = await phone.newPage();
    await signInAs(third, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
    await third.getByRole("heading", { level: 1, name: "Übersicht" }).waitFor();
    await expect.poll(() => selectedOrganisation(third)).toBe("Musterstadt");
    await phone.close();
  });
});

describe("office hours in the browser", () => {
  it("closing days are picked with date fields, added and removed, and the time zone is a setting", async () => {
    const page = await browser.newPage();
    await signInAs(page, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("link", { name: "Bürozeiten" }).click();
    await page.getByRole("heading", { level: 1, name: "Bürozeiten" }).waitFor();
    const closing = page.getByRole("group", { name: "Eigene Schließtage" });
    for (const day of ["31.12.2030", "24.12.2030", "27.12.2030"]) {
      await closing.getByLabel("Weiterer Schließtag").fill(day);
      await closing.getByRole("button", { name: "Schließtag hinzufügen" }).click();
    }
    // Typed and shown in German form whatever the browser's language, kept in order.
    await expect.poll(() => closing.getByLabel("Schließtag 1", { exact: true }).inputValue()).toBe("24.12.2030");
    await closing.getByRole("button", { name: "Schließtag Freitag, 27. Dezember 2030 entfernen" }).click();
    await expectAccessible(page, "office hours with closing days");
    await page.getByRole("button", { name: "Bürozeiten speichern" }).click();
    await page.getByText("Die Bürozeiten sind gespeichert.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Bürozeiten" }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("group", { name: "Eigene Schließtage" })
          .getByLabel(/^(Schließtag \d+|Weiterer Schließtag)$/)
          .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value)),
      )
      .toEqual(["24.12.2030", "31.12.2030", ""]);

    expect(await page.getByLabel("Zeitzone der Organisation").inputValue()).toBe("Europe/Berlin");
    await page.getByLabel("Zeitzone der Organisation").selectOption("Europe/London");
    await page.getByRole("button", { name: "Zeitzone speichern" }).click();
    await page.getByText("Die Zeitzone ist jetzt Europe/London.").waitFor();
    await page.getByLabel("Zeitzone der Organisation").selectOption("Europe/Berlin");
    await page.getByRole("button", { name: "Zeitzone speichern" }).click();
    await page.getByText("Die Zeitzone ist jetzt Europe/Berlin.").waitFor();
    await expectAccessible(page, "office hours with time zone");
    await page.close();
  });
});

/** The name of the organisation the switcher shows as chosen. */
function selectedOrganisation(page: Page): Promise<string> {
  return page.getByLabel("Organisation").evaluate((select) => {
    const element = select as HTMLSelectElement;
    return element.selectedOptions[0]?.textContent ?? "";
  });
}
