/// <reference lib="dom" />
// Connecting an X account in the browser: an administrator adds the X channel with the app's access tier, connects
// it by OAuth 2.0 on the (fake) X's consent page ("Authorize app"), sees the tier and X's rate window on the card,
// and fetches a citizen's mention into the inbox with "Jetzt abrufen". axe-core checks the channels form, the
// consent page and the connected card.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAccounts, channelCredentials, inboundMessages } from "../../src/db/schema/index.js";
import { buildMember, buildOrg } from "../support/factories.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { startXPeer, type XPeer } from "../peers/x/xPeer.js";
import { citizensOf } from "../peers/x/xState.js";
import { type ServedApp, expectAccessible, freePort, launchBrowser, serveApp, signInAs } from "./browser.js";

let server: ServedApp;
let browser: Browser;
let peer: XPeer;

beforeAll(async () => {
  peer = await startXPeer();
  const port = await freePort();
  server = await serveApp({
    port,
    env: {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...LOCAL_NETWORK_ENV,
      X_CLIENT_ID: peer.state.client.id,
      X_CLIENT_SECRET: peer.state.client.secret,
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await peer?.close();
});

describe("connecting an X account", () => {
  it(
    "connects X by OAuth on X's consent page, shows the tier and rate window, fetches a mention",
    { timeout: 180_000 },
    async () => {
      const org = await buildOrg(server.ctx, { name: "Stadt Xanten-Test" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      const page = await browser.newPage();
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);

      const form = page.getByRole("form", { name: "Neuer Kanal" });
      await form.getByLabel("Name").fill("X der Stadt");
      await form.getByLabel("Netzwerk").selectOption({ label: "X" });
      await form.getByLabel("Zugangsstufe der App bei X").selectOption("basic");
      await form.getByLabel("Adresse der X-API").fill(peer.url);
      await form.getByLabel("Adresse der Anmeldeseite von X").fill(`${peer.url}/i/oauth2/authorize`);
      await expectAccessible(page, "channels form with an X account");
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /X der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();

      await card.getByRole("button", { name: "Mit X verbinden" }).click();
      await page.getByRole("heading", { name: "Authorize app" }).waitFor();
      await expectAccessible(page, "X's consent page (fake)");
      await page.getByRole("button", { name: "Authorize app" }).click();
      await page.getByText("X der Stadt ist verbunden.").waitFor();
      await card.getByText("@musterstadt").first().waitFor();
      await card.getByText("Basic – 3.000 Beiträge im Monat je Konto, 10.000 gelesene Beiträge").waitFor();

      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      const [sealed] = await server.ctx.db
        .select()
        .from(channelCredentials)
        .where(eq(channelCredentials.channelAccountId, account?.id ?? ""));
      const token = [...peer.state.accessTokens.keys()].at(-1) ?? "";
      expect(JSON.stringify(sealed)).not.toContain(token);
      expect(await page.content()).not.toContain(token);

      citizensOf(peer.state).mention("Wann ist der Wertstoffhof geöffnet?");
      await card.getByRole("button", { name: "Jetzt abrufen" }).click();
      await page.getByText("1 neue Nachrichten abgerufen.").waitFor();
      await card.getByText(/^noch \d+ Anfragen bis/).waitFor();
      await expectAccessible(page, "channels page with a connected X account");
      const messages = await server.ctx.db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.channelAccountId, account?.id ?? ""));
      expect(messages.map((m) => [m.authorHandle, m.text])).toEqual([
        ["@erika_m", "Wann ist der Wertstoffhof geöffnet?"],
      ]);
      await page.close();
    },
  );
});
