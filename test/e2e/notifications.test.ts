/// <reference lib="dom" />
// The account page's "Benachrichtigungen" in Chromium: the channel matrix (one fieldset per group) saved
// by a person without administration rights, axe-core on the page, and the push service worker — registered
// at its own scope when push is turned on, and showing a pushed notice with its link (the push delivered by
// the DevTools protocol: headless Chromium reaches no vendor push service, so turning push on ends in the
// page's own German message).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationPreferences } from "../../src/db/schema/index.js";
import { buildMember, buildOrg } from "../support/factories.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
beforeAll(async () => {
  server = await serveApp({ snapshot: "migrated" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("notifications on the account page", () => {
  it("saves a person's channels per group and shows a pushed notice through the service worker", async () => {
    const org = await buildOrg(server.ctx);
    const person = await buildMember(server.ctx, org.id, { roles: ["editor"] });
    const context = await browser.newContext();
    await context.grantPermissions(["notifications"], { origin: server.baseUrl });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, person.email, person.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/account`);
    await page.getByRole("heading", { name: "Benachrichtigungen" }).waitFor();
    await expectAccessible(page, "account with notifications");

    const mentions = page.getByRole("group", { name: "Erwähnungen" });
    expect(await mentions.getByLabel("In draht (immer)").isDisabled()).toBe(true);
    await mentions.getByLabel("E-Mail").check();
    await page.getByRole("group", { name: "Drohungen und Krisen" }).getByLabel("Push in meinen Browsern").uncheck();
    await page.getByRole("button", { name: "Benachrichtigungen speichern" }).click();
    await page.getByText("Ihre Benachrichtigungen sind gespeichert.").waitFor();
    const stored = await server.ctx.db.select().from(notificationPreferences);
    const mine = stored.filter((r) => r.userId === person.userId);
    expect(mine.find((r) => r.group === "mentions")).toMatchObject({ email: true, push: false });
    expect(mine.find((r) => r.group === "threats")).toMatchObject({ email: true, push: false });

    await page.getByText("Push ist in diesem Browser aus.").waitFor();
    await page.getByRole("button", { name: "Push in diesem Browser einschalten" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Push konnte in diesem Browser nicht");
    const scopes = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    );
    // Beside the installable app's worker (scope "/", service-worker.js), push has its own.
    expect(scopes.sort()).toEqual([`${server.baseUrl}/`, `${server.baseUrl}/push/`]);

    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
    await cdp.send("ServiceWorker.enable");
    const pushRegistration = () => registrations.find((r) => r.scopeURL === `${server.baseUrl}/push/`);
    await expect.poll(pushRegistration).toBeDefined();
    const url = `${server.baseUrl}/o/${org.id}/moderation`;
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: server.baseUrl,
      registrationId: pushRegistration()?.registrationId ?? "",
      data: JSON.stringify({ title: "Drohung erkannt – bitte sofort prüfen", body: "draht öffnen", url, tag: "n1" }),
    });
    const shown = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration("/push/");
        return ((await registration?.getNotifications()) ?? []).map((n) => ({
          title: n.title,
          tag: n.tag,
          data: n.data,
        }));
      });
    await expect.poll(shown).toEqual([{ title: "Drohung erkannt – bitte sofort prüfen", tag: "n1", data: { url } }]);
    await context.close();
  });
});
