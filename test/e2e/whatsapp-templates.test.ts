/// <reference lib="dom" />
// A WhatsApp conversation a day after the citizen wrote, in the browser: the reply box says the answer window has
// closed and does not send a free answer; an approved message template is chosen, its placeholders filled, previewed
// and sent (the fake Cloud API receives it). Within the window, a picture of the media library goes with the answer,
// its text as the caption, and shows with the sent answer; on a phone nothing scrolls sideways. axe-core checks the
// pages.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundMessages } from "../../src/db/schema/index.js";
import { type FakeGraphApi, startFakeGraphApi } from "../peers/whatsapp/fakeGraphApi.js";
import { buildChannelAccount, buildMedia, buildMember, buildOrg } from "../support/factories.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { signIn } from "../support/testApp.js";
import { type ServedApp, expectAccessible, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let meta: FakeGraphApi;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

beforeAll(async () => {
  server = await serveApp({ env: LOCAL_NETWORK_ENV, clock });
  meta = await startFakeGraphApi({ clock });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await meta?.close();
});

/** A connected WhatsApp number of a new organisation, and a citizen's message in its inbox. */
async function conversationOnWhatsApp(name: string, citizen: string) {
  const org = await buildOrg(server.ctx, { name });
  const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
  const account = await buildChannelAccount(server.ctx, org.id, {
    name: "WhatsApp Bürgerservice",
    network: "whatsapp",
    settings: {
      serverUrl: meta.url,
      phoneNumberId: meta.phoneNumberId,
      displayPhoneNumber: meta.displayPhoneNumber,
      businessAccountId: meta.businessAccountId,
    },
  });
  const api = await signIn(server.app, admin.email, admin.password);
  const base = `/api/orgs/${org.id}/channels/${account.id}`;
  await api.request("POST", `${base}/connection/app-password`, {
    identifier: meta.phoneNumberId,
    password: meta.token,
  });
  await api.request("PUT", `${base}/webhook`, { secret: meta.appSecret });
  const delivery = meta.customerWrites({ from: citizen, text: "Ist mein Ausweis fertig?", at: clock() });
  const posted = await server.app.inject({
    method: "POST",
    url: `/api/webhooks/whatsapp/${account.id}`,
    headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature },
    payload: delivery.body,
  });
  expect(posted.statusCode, posted.body).toBe(200);
  const [message] = await server.ctx.db
    .select({ conversationId: inboundMessages.conversationId })
    .from(inboundMessages)
    .where(eq(inboundMessages.channelAccountId, account.id));
  return { org, admin, conversationId: message?.conversationId ?? "" };
}

describe("answering on WhatsApp", () => {
  it(
    "after the 24-hour window offers only an approved message template, with its placeholders filled",
    { timeout: 120_000 },
    async () => {
      const { org, admin, conversationId } = await conversationOnWhatsApp("Stadt Vorlagenheim", "4917612345678");
      offsetMs = 25 * 3_600_000; // a day and an hour later

      const page = await browser.newPage();
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/inbox?status=all&c=${conversationId}`);
      await page.getByText(/Das Antwortfenster ist seit .* geschlossen/).waitFor();
      await page.getByLabel("Ihre Antwort (öffentlich bzw. an die Person)").fill("Ja, ab Montag.");
      expect(await page.getByRole("button", { name: "Antwort senden" }).isDisabled()).toBe(true);

      const templateForm = page.getByRole("form", { name: "Nachrichtenvorlage senden" });
      await templateForm.getByLabel("Nachrichtenvorlage").selectOption({ label: "antwort_anliegen (de)" });
      await templateForm.getByLabel("Platzhalter 1").fill("Frau Schmidt");
      await templateForm.getByLabel("Platzhalter 2").fill("Ihr Ausweis liegt ab Montag bereit.");
      await templateForm
        .getByText("Guten Tag Frau Schmidt, zu Ihrem Anliegen: Ihr Ausweis liegt ab Montag bereit.")
        .waitFor();
      await expectAccessible(page, "inbox with the message template form");
      const sentBefore = meta.sent.length;
      // Meta pauses the template meanwhile: the refusal says so in words, and nothing is sent.
      const chosen = meta.templates.find((tpl) => tpl.name === "antwort_anliegen");
      if (!chosen) throw new Error("the fake has no template antwort_anliegen");
      chosen.status = "PAUSED";
      await templateForm.getByRole("button", { name: "Vorlage senden" }).click();
      await page
        .getByText("Diese Nachrichtenvorlage ist beim Netzwerk nicht (mehr) freigegeben.", { exact: false })
        .waitFor();
      expect(meta.sent.length).toBe(sentBefore);
      chosen.status = "APPROVED";
      await templateForm.getByRole("button", { name: "Vorlage senden" }).click();
      await expect.poll(() => meta.sent.length, { timeout: 15_000 }).toBe(sentBefore + 1);
      expect(meta.sent.at(-1)).toMatchObject({ type: "template", template: "antwort_anliegen" });
      await page.close();
    },
  );

  it("sends a picture of the media library with an answer within the window", { timeout: 120_000 }, async () => {
    offsetMs = 0;
    const { org, admin, conversationId } = await conversationOnWhatsApp("Stadt Bildhausen", "4917687654321");
    await buildMedia(server.ctx, org.id, { altText: "Lageplan des Bürgeramts" });
    const page = await browser.newPage();
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/inbox?status=all&c=${conversationId}`);
    await page.getByText(/Freie Antworten sind bis .* möglich/).waitFor();
    await page.getByText("Bild oder Video aus der Mediathek anhängen").click();
    await page.getByText("Auf diesem Kanal geht höchstens eine Datei mit der Antwort.", { exact: false }).waitFor();
    await page.getByRole("checkbox", { name: /bild\.png/ }).check();
    await page.getByText("(1 gewählt)").waitFor();
    await page.getByLabel("Ihre Antwort (öffentlich bzw. an die Person)").fill("Der Eingang ist an der Rückseite.");
    await expectAccessible(page, "inbox with a picture chosen for the answer");
    const sentBefore = meta.sent.length;
    await page.getByRole("button", { name: "Antwort senden" }).click();
    await expect.poll(() => meta.sent.length, { timeout: 15_000 }).toBe(sentBefore + 1);
    expect(meta.sent.at(-1)).toMatchObject({ type: "image", to: "4917687654321" });
    expect(meta.sent.at(-1)?.media?.caption).toBe(
      "Der Eingang ist an der Rückseite.\n\nBildbeschreibung: Lageplan des Bürgeramts",
    );
    const files = page.getByRole("list", { name: "Dateien der Antwort" });
    await files.getByText("Bild bild.png – Lageplan des Bürgeramts").waitFor();
    // On a phone the conversation, the reply box and the assignment fit the screen: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText("Bild oder Video aus der Mediathek anhängen").click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "inbox on a phone");
    await page.close();
  });
});
