/// <reference lib="dom" />
// Connecting a Facebook page in the browser: an administrator adds the page (its id, the fake Graph API's address),
// connects it with "Mit Facebook verbinden" on the fake's Facebook Login consent page, sees it connected as the page,
// and sets up its webhook with the app's secret; a citizen's Messenger message then shows in the inbox with the
// 24-hour answer window (the inbox's, domain/answerWindow.ts). axe-core checks the channels page and the conversation.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAccounts } from "../../src/db/schema/index.js";
import { type FakePageGraph, startFakePageGraph } from "../peers/facebook/fakePageGraph.js";
import { buildMember, buildOrg } from "../support/factories.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { type ServedApp, expectAccessible, freePort, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let graph: FakePageGraph;

beforeAll(async () => {
  graph = await startFakePageGraph();
  const port = await freePort();
  server = await serveApp({
    port,
    env: {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...LOCAL_NETWORK_ENV,
      META_APP_ID: graph.login.appId,
      META_APP_SECRET: graph.login.appSecret,
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

describe("connecting a Facebook page", () => {
  it(
    "connects the page through Facebook Login on the consent page, sets up its webhook and shows Messenger's window",
    { timeout: 180_000 },
    async () => {
      const org = await buildOrg(server.ctx, { name: "Stadt Seitenheim" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      const page = await browser.newPage();
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
      // Facebook is off until an administrator turns it on for the organisation (Art. 26 DSGVO).
      const jointControl = page.getByRole("region", {
        name: "Facebook und Instagram (gemeinsame Verantwortung mit Meta)",
      });
      await jointControl.getByRole("button", { name: "Facebook für die Organisation freischalten" }).click();
      await page.getByText("Facebook ist für die Organisation freigeschaltet.").waitFor();

      const form = page.getByRole("form", { name: "Neuer Kanal" });
      await form.getByLabel("Name").fill("Facebook-Seite der Stadt");
      await form.getByLabel("Netzwerk").selectOption({ label: "Facebook" });
      await form.getByLabel("Seiten-ID").fill(graph.state.pageId);
      await form.getByLabel("Adresse der Graph API").fill(graph.url);
      await expectAccessible(page, "channels form with a Facebook page");
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /Facebook-Seite der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();

      await card.getByRole("button", { name: "Mit Facebook verbinden" }).click();
      await page.getByRole("heading", { name: "draht möchte mit deinem Facebook-Konto verbunden werden" }).waitFor();
      await page.getByRole("button", { name: "Weiter als Erika" }).click();
      await page.getByText("Facebook-Seite der Stadt ist verbunden.").waitFor();
      await card.getByText("Stadt Musterstadt").first().waitFor();
      await expectAccessible(page, "channels page with a connected Facebook page");

      await card.getByLabel("App-Geheimnis des Netzwerks (optional)").fill(graph.login.appSecret);
      await card.getByRole("button", { name: "Webhook einrichten" }).click();
      await card.getByRole("status").getByText("Tragen Sie diese Angaben beim Netzwerk ein").waitFor();
      expect(await page.content()).not.toContain(graph.state.pageToken);

      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      const { delivery } = graph.state.writeToPage("Wann hat das Bürgerbüro am Samstag offen?");
      const sent = await fetch(`${server.baseUrl}/api/webhooks/facebook/${account?.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature },
        body: delivery.body,
      });
      expect(sent.status).toBe(200);

      await page.goto(`${server.baseUrl}/o/${org.id}/inbox`);
      await page.getByText("Wann hat das Bürgerbüro am Samstag offen?").first().click();
      await page.getByText(/Freie Antworten sind bis .* möglich/).waitFor();
      await expectAccessible(page, "a Messenger conversation with its 24-hour window");
      await page.close();
    },
  );
});
