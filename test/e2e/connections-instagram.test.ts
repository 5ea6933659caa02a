/// <reference lib="dom" />
// Connecting an Instagram professional account in the browser: an administrator adds the account (its Instagram id,
// the linked Facebook page, the Graph API's address — the fake's), connects it by Facebook Login on the fake's
// consent page (test/peers/meta/facebookLoginPeer.ts, mounted on the fake Instagram Graph API), and sees it connected
// under its Instagram name; saying no on the consent page brings the person back with the reason. axe-core checks
// the channels page with the form, the unconnected and the connected account.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAccounts, channelCredentials } from "../../src/db/schema/index.js";
import { type FakeInstagramApi, startFakeInstagramApi } from "../peers/instagram/fakeInstagramApi.js";
import { buildMember, buildOrg } from "../support/factories.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { type ServedApp, expectAccessible, freePort, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let meta: FakeInstagramApi;

beforeAll(async () => {
  const port = await freePort();
  meta = await startFakeInstagramApi();
  server = await serveApp({
    port,
    env: {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      META_APP_ID: meta.login.appId,
      META_APP_SECRET: meta.login.appSecret,
      ...LOCAL_NETWORK_ENV,
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await meta?.close();
});

describe("connecting an Instagram account", () => {
  it(
    "connects by Facebook Login on the consent page and shows the account connected",
    { timeout: 180_000 },
    async () => {
      const org = await buildOrg(server.ctx, { name: "Stadt Bilderbach" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      const page = await browser.newPage();
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
      // Instagram is offered only once an administrator turned it on (joint controllership with Meta).
      const form = page.getByRole("form", { name: "Neuer Kanal" });
      expect(await form.getByLabel("Netzwerk").locator("option", { hasText: "Instagram" }).count()).toBe(0);
      await page.getByRole("button", { name: "Instagram für die Organisation freischalten" }).click();
      await page.getByText("Instagram ist für die Organisation freigeschaltet.").waitFor();

      await form.getByLabel("Name").fill("Instagram der Stadt");
      await form.getByLabel("Netzwerk").selectOption({ label: "Instagram" });
      await form.getByLabel("Instagram-Konto-ID").fill(meta.state.igUserId);
      await form.getByLabel("ID der verknüpften Facebook-Seite").fill(meta.state.pageId);
      await form.getByLabel("Adresse der Graph API").fill(meta.url);
      await expectAccessible(page, "channels form with an Instagram account");
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /Instagram der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();
      await expectAccessible(page, "channels page with an unconnected Instagram account");

      // Saying no on Facebook's page brings the person back to the channels page with the reason.
      await card.getByRole("button", { name: "Mit Instagram verbinden" }).click();
      await page.getByRole("button", { name: "Abbrechen" }).click();
      await page.getByRole("alert").getByText("Die Verbindung mit dem Netzwerk ist fehlgeschlagen").waitFor();
      await card.getByText("Nicht verbunden").waitFor();

      await card.getByRole("button", { name: "Mit Instagram verbinden" }).click();
      await page.getByRole("button", { name: "Weiter als Erika" }).click();
      await page.getByText("Instagram der Stadt ist verbunden.").waitFor();
      await card.getByText("@stadt_musterstadt").first().waitFor();
      await expectAccessible(page, "channels page with a connected Instagram account");

      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      const [sealed] = await server.ctx.db
        .select()
        .from(channelCredentials)
        .where(eq(channelCredentials.channelAccountId, account?.id ?? ""));
      const pageToken = meta.login.pages.find((p) => p.id === meta.state.pageId)?.accessToken ?? "";
      expect(sealed).toBeDefined();
      expect(JSON.stringify(sealed)).not.toContain(pageToken);
      expect(await page.content()).not.toContain(pageToken);
      await page.close();
    },
  );
});
