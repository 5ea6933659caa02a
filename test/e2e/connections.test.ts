/// <reference lib="dom" />
// Connecting a network account in the browser: an administrator adds a Mastodon account, connects it by
// OAuth on the (fake) instance's consent page, sees its health, fetches a citizen's mention into the inbox
// with "Jetzt abrufen", and disconnects it (credentials wiped); and connects a Bluesky account by AT Protocol
// OAuth on a real local PDS's own sign-in and consent pages; and sets up the webhook of a network that pushes
// (the sandbox, in Meta's protocol) and sees what arrived; and connects a shared mailbox (a real Dovecot and an
// SMTP server started by the test) with its servers and sign-in, fetches a citizen's mail with its file; and
// connects a Telegram bot with its token (the fake Bot API), and a WhatsApp number with its token and webhook (the
// fake Cloud API). axe-core checks the channels page.
import { eq } from "drizzle-orm";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAccounts, channelCredentials, inboundMessages } from "../../src/db/schema/index.js";
import { type LocalBluesky, startLocalBluesky } from "../peers/bluesky/localNetwork.js";
import { type MastodonPeer, startMastodonPeer } from "../peers/mastodon/mastodonPeer.js";
import { createStatus } from "../peers/mastodon/statusRoutes.js";
import { buildChannelAccount, buildMember, buildOrg } from "../support/factories.js";
import { metaSignature } from "../../src/channels/meta/metaWebhooks.js";
import { type ServedApp, expectAccessible, freePort, launchBrowser, serveApp, signInAs } from "./browser.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { startDovecot } from "../peers/email/dovecotServer.js";
import { startSmtpSubmission } from "../peers/email/smtpServer.js";
import { citizensOf, startBotApiPeer } from "../peers/telegram/botApiPeer.js";
import { startFakeGraphApi } from "../peers/whatsapp/fakeGraphApi.js";

let server: ServedApp;
let browser: Browser;
let mastodon: MastodonPeer;
let bluesky: LocalBluesky;

beforeAll(async () => {
  const port = await freePort();
  bluesky = await startLocalBluesky();
  server = await serveApp({
    port,
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ATPROTO_PLC_URL: bluesky.plcUrl, ...LOCAL_NETWORK_ENV },
  });
  mastodon = await startMastodonPeer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mastodon?.close();
  await bluesky?.close();
});

describe("connecting a network account", () => {
  it(
    "connects a WhatsApp number with its token, sets up its webhook with Meta's app secret and receives a message",
    { timeout: 180_000 },
    async () => {
      const meta = await startFakeGraphApi();
      try {
        const org = await buildOrg(server.ctx, { name: "Stadt Nummernau" });
        const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
        const page = await browser.newPage();
        await signInAs(page, server.baseUrl, admin.email, admin.password);
        await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
        const form = page.getByRole("form", { name: "Neuer Kanal" });
        await form.getByLabel("Name").fill("WhatsApp Bürgerservice");
        await form.getByLabel("Netzwerk").selectOption({ label: "WhatsApp Business" });
        await form.getByLabel("Telefonnummern-ID").fill(meta.phoneNumberId);
        await form.getByLabel("Rufnummer, an die Bürgerinnen und Bürger schreiben").fill(meta.displayPhoneNumber);
        await form.getByLabel("Adresse der Graph API").fill(meta.url);
        await expectAccessible(page, "channels form with a WhatsApp number");
        await form.getByRole("button", { name: "Kanal anlegen" }).click();
        const card = page.getByRole("article", { name: /WhatsApp Bürgerservice/ });
        await card.getByText("Nicht verbunden").waitFor();

        const access = card.getByRole("form", { name: "Zugang der WhatsApp-Nummer WhatsApp Bürgerservice" });
        await access.getByLabel("Telefonnummern-ID").fill(meta.phoneNumberId);
        await access.getByLabel("Zugriffstoken des Systembenutzers").fill(meta.token);
        await access.getByRole("button", { name: "Verbinden" }).click();
        await card
          .getByText(/^Verbunden/)
          .first()
          .waitFor();
        await card.getByLabel("App-Geheimnis des Netzwerks (optional)").fill(meta.appSecret);
        await card.getByRole("button", { name: "Webhook einrichten" }).click();
        await card.getByRole("status").getByText("Tragen Sie diese Angaben beim Netzwerk ein").waitFor();
        expect(await page.content()).not.toContain(meta.token);
        await expectAccessible(page, "channels page with a connected WhatsApp number and its webhook");

        const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
        const delivery = meta.customerWrites({
          from: "491701234567",
          name: "Erika",
          text: "Ist das Bürgeramt heute offen?",
          at: new Date(),
        });
        const sent = await fetch(`${server.baseUrl}/api/webhooks/whatsapp/${account?.id}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature },
          body: delivery.body,
        });
        expect(sent.status).toBe(200);
        await page.reload();
        await card.getByText("Ereignisse: 1, neue Nachrichten: 1").waitFor();
        const messages = await server.ctx.db
          .select()
          .from(inboundMessages)
          .where(eq(inboundMessages.channelAccountId, account?.id ?? ""));
        expect(messages.map((m) => [m.kind, m.text])).toEqual([["direct", "Ist das Bürgeramt heute offen?"]]);
        await page.close();
      } finally {
        await meta.close();
      }
    },
  );

  it("connects a Telegram bot with its token and fetches a citizen's message to it", { timeout: 180_000 }, async () => {
    const peer = await startBotApiPeer();
    try {
      const org = await buildOrg(server.ctx, { name: "Stadt Botheim" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      const page = await browser.newPage();
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
      const form = page.getByRole("form", { name: "Neuer Kanal" });
      await form.getByLabel("Name").fill("Telegram der Stadt");
      await form.getByLabel("Netzwerk").selectOption({ label: "Telegram" });
      await form.getByLabel("Kanal", { exact: true }).fill("@musterstadt");
      await form.getByLabel("Bot-API-Server").fill(peer.url);
      await expectAccessible(page, "channels form with a Telegram channel");
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /Telegram der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();

      const bot = card.getByRole("form", { name: "Bot-Token für Telegram der Stadt" });
      await bot.getByLabel("Benutzername des Bots").fill("musterstadt_bot");
      await bot.getByLabel("Token des Bots").fill(peer.token);
      await bot.getByRole("button", { name: "Verbinden" }).click();
      await card.getByText("Verbunden, noch nicht abgerufen").waitFor();
      expect(await page.content()).not.toContain(peer.token);
      await expectAccessible(page, "channels page with a connected Telegram bot");

      citizensOf(peer.state).writeToBot("Wo melde ich einen kaputten Spielplatz?");
      await card.getByRole("button", { name: "Jetzt abrufen" }).click();
      await page.getByText("1 neue Nachrichten abgerufen.").waitFor();
      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      const messages = await server.ctx.db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.channelAccountId, account?.id ?? ""));
      expect(messages.map((m) => [m.kind, m.text])).toEqual([["direct", "Wo melde ich einen kaputten Spielplatz?"]]);
      await page.close();
    } finally {
      await peer.close();
    }
  });

  it(
    "connects a shared mailbox with its servers and sign-in, fetches a citizen's mail and shows its file",
    { timeout: 180_000 },
    async () => {
      const imap = await startDovecot();
      const smtp = await startSmtpSubmission({ user: imap.user, password: imap.password });
      try {
        const org = await buildOrg(server.ctx, { name: "Stadt Postfachhausen" });
        const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
        const page = await browser.newPage();
        await signInAs(page, server.baseUrl, admin.email, admin.password);
        await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);

        const form = page.getByRole("form", { name: "Neuer Kanal" });
        await form.getByLabel("Name").fill("Bürgerservice");
        await form.getByLabel("Netzwerk").selectOption({ label: "E-Mail" });
        for (const [legend, peer] of [
          ["Posteingang (IMAP-Server)", imap],
          ["Postausgang (SMTP-Server)", smtp],
        ] as const) {
          const servers = form.getByRole("group", { name: legend });
          await servers.getByLabel("Server").fill(peer.host);
          await servers.getByLabel("Port", { exact: true }).fill(String(peer.port));
          await servers.getByLabel("Verschlüsselung").selectOption("none");
        }
        await form.getByLabel("E-Mail-Adresse des Postfachs").fill(imap.user);
        await form.getByLabel("Absendername").fill("Stadt Postfachhausen – Bürgerservice");
        await expectAccessible(page, "channels form with a mailbox's servers");
        await form.getByRole("button", { name: "Kanal anlegen" }).click();
        const card = page.getByRole("article", { name: /Bürgerservice/ });
        await card.getByText("Nicht verbunden").waitFor();

        const signIn = card.getByRole("form", { name: "Anmeldung am Postfach Bürgerservice" });
        await signIn.getByLabel("Benutzername des Postfachs").fill(imap.user);
        await signIn.getByLabel("Passwort des Postfachs").fill(imap.password);
        await signIn.getByRole("button", { name: "Verbinden" }).click();
        await card.getByText("Verbunden, noch nicht abgerufen").waitFor();
        expect(await page.content()).not.toContain(imap.password);
        await expectAccessible(page, "channels page with a connected mailbox");
        await card.screenshot({ path: "/tmp/email-channel-card.png" });

        const raw = await new MailComposer({
          from: "Erika Mustermann <erika@buerger.test>",
          to: imap.user,
          subject: "Sperrmüll",
          text: "Wann wird der Sperrmüll abgeholt? Das Formular hängt an.",
          attachments: [
            { filename: "formular.pdf", content: Buffer.from("%PDF-1.4\n"), contentType: "application/pdf" },
          ],
        })
          .compile()
          .build();
        await imap.deliver(raw.toString());
        await card.getByRole("button", { name: "Jetzt abrufen" }).click();
        await page.getByText("1 neue Nachrichten abgerufen.").waitFor();
        const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
        const [message] = await server.ctx.db
          .select()
          .from(inboundMessages)
          .where(eq(inboundMessages.channelAccountId, account?.id ?? ""));
        expect([message?.authorHandle, message?.text]).toEqual([
          "erika@buerger.test",
          "Wann wird der Sperrmüll abgeholt? Das Formular hängt an.",
        ]);
        await page.goto(`${server.baseUrl}/o/${org.id}/inbox?c=${message?.conversationId}`);
        await page.getByRole("region", { name: "Anhänge" }).getByRole("link", { name: "formular.pdf" }).waitFor();
        await page.close();
      } finally {
        await smtp.close();
        await imap.close();
      }
    },
  );

  it(
    "connects Mastodon by OAuth, shows its health, fetches a mention and disconnects",
    { timeout: 180_000 },
    async () => {
      const org = await buildOrg(server.ctx, { name: "Stadt Verbindungsheim" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      mastodon.createAccount("verbindungsheim", "Stadt Verbindungsheim");
      const page = await browser.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);

      const form = page.getByRole("form", { name: "Neuer Kanal" });
      await form.getByLabel("Name").fill("Mastodon der Stadt");
      await form.getByLabel("Netzwerk").selectOption("mastodon");
      await form.getByLabel("Server (Adresse der Mastodon-Instanz)").fill(mastodon.url);
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /Mastodon der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();
      await expectAccessible(page, "channels page with an unconnected account");

      // Saying no on the instance's page brings the person back to the channels page with the reason.
      await card.getByRole("button", { name: "Mit Mastodon verbinden" }).click();
      await page.getByRole("heading", { name: "Authorization required" }).waitFor();
      await page.getByRole("button", { name: "Deny" }).click();
      await page.getByRole("alert").getByText("Die Verbindung mit dem Netzwerk ist fehlgeschlagen").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/o/${org.id}/admin/channels`);
      expect(new URL(page.url()).search).toBe("");
      await card.getByText("Nicht verbunden").waitFor();

      await card.getByRole("button", { name: "Mit Mastodon verbinden" }).click();
      await page.getByRole("heading", { name: "Authorization required" }).waitFor();
      await page.getByLabel("Username").fill("verbindungsheim");
      await page.getByRole("button", { name: "Authorize" }).click();
      await page.getByText("Mastodon der Stadt ist verbunden.").waitFor();
      expect(new URL(page.url()).search).toBe("");
      await card.getByText(`@verbindungsheim@${mastodon.host}`).waitFor();
      await card.getByText("Verbunden, noch nicht abgerufen").waitFor();
      await expectAccessible(page, "channels page with a connected account");

      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      const [sealed] = await server.ctx.db
        .select()
        .from(channelCredentials)
        .where(eq(channelCredentials.channelAccountId, account?.id ?? ""));
      const token = [...mastodon.state.tokens.keys()].at(-1) ?? "";
      expect(JSON.stringify(sealed)).not.toContain(token);
      expect(await page.content()).not.toContain(token);

      const citizen = mastodon.state.addAccount("klara", "Klara Beispiel", false, "social.example");
      createStatus(mastodon.state, citizen, { text: `@verbindungsheim Wann ist der Wertstoffhof geöffnet?` });
      await card.getByRole("button", { name: "Jetzt abrufen" }).click();
      await page.getByText("1 neue Nachrichten abgerufen.").waitFor();
      await card.getByText("Verbunden, Abruf läuft").waitFor();
      const messages = await server.ctx.db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.channelAccountId, account?.id ?? ""));
      expect(messages.map((m) => [m.authorHandle, m.text])).toEqual([
        ["@klara@social.example", "Wann ist der Wertstoffhof geöffnet?"],
      ]);

      await card.getByRole("button", { name: "Trennen" }).click();
      await page.getByText("Mastodon der Stadt ist getrennt, die Zugangsdaten sind gelöscht.").waitFor();
      await card.getByText("Nicht verbunden").waitFor();
      expect(
        await server.ctx.db
          .select()
          .from(channelCredentials)
          .where(eq(channelCredentials.channelAccountId, account?.id ?? "")),
      ).toEqual([]);
      expect(mastodon.state.tokens.get(token)?.revoked).toBe(true);
    },
  );

  it(
    "connects Bluesky by AT Protocol OAuth on the PDS's own pages and disconnects it",
    { timeout: 120_000 },
    async () => {
      const org = await buildOrg(server.ctx, { name: "Stadt Himmelsheim" });
      const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
      const city = await bluesky.createUser("himmelsheim.test");
      const page = await browser.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      await signInAs(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);

      const form = page.getByRole("form", { name: "Neuer Kanal" });
      await form.getByLabel("Name").fill("Bluesky der Stadt");
      await form.getByLabel("Netzwerk").selectOption("bluesky");
      await form.getByLabel("PDS-Server").fill(bluesky.pdsUrl);
      await form.getByRole("button", { name: "Kanal anlegen" }).click();
      const card = page.getByRole("article", { name: /Bluesky der Stadt/ });
      await card.getByText("Nicht verbunden").waitFor();
      // OAuth first; an app password stays possible.
      await card.getByText("Stattdessen mit einem App-Passwort verbinden").waitFor();
      await expectAccessible(page, "channels page with an unconnected Bluesky account");

      await card.getByRole("button", { name: "Mit Bluesky verbinden" }).click();
      // The PDS's own pages: sign in, then grant access.
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByPlaceholder("Username or email address").fill("himmelsheim.test");
      await page.getByPlaceholder("Password").fill(city.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Grant access to your himmelsheim.test account").waitFor();
      await page.getByRole("button", { name: "Authorize" }).click();
      await page.getByText("Bluesky der Stadt ist verbunden.").waitFor();
      await card.getByText("@himmelsheim.test").waitFor();
      await expectAccessible(page, "channels page with a connected Bluesky account");

      const [account] = await server.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.orgId, org.id));
      await card.getByRole("button", { name: "Jetzt abrufen" }).click();
      await page.getByText("0 neue Nachrichten abgerufen.").waitFor();
      await card.getByRole("button", { name: "Trennen" }).click();
      await page.getByText("Bluesky der Stadt ist getrennt, die Zugangsdaten sind gelöscht.").waitFor();
      expect(
        await server.ctx.db
          .select()
          .from(channelCredentials)
          .where(eq(channelCredentials.channelAccountId, account?.id ?? "")),
      ).toEqual([]);
    },
  );

  it("sets up the webhook of a network that pushes, shows the secret once and counts what arrives", async () => {
    const org = await buildOrg(server.ctx, { name: "Stadt Hakenfeld" });
    const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
    const account = await buildChannelAccount(server.ctx, org.id, { network: "sandbox", name: "Seite der Stadt" });
    const page = await browser.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
    const card = page.getByRole("article", { name: /Seite der Stadt/ });
    await card.getByText("Kein Webhook eingerichtet").waitFor();
    await card.getByRole("button", { name: "Webhook einrichten" }).click();
    const shown = card.getByRole("status");
    await shown.getByText("Tragen Sie diese Angaben beim Netzwerk ein").waitFor();
    const values = await shown.locator("dd code").allTextContents();
    const path = `/api/webhooks/sandbox/${account.id}`;
    expect(values[0]).toBe(`${server.baseUrl}${path}`);
    const secret = values[2] ?? "";
    expect(secret.length).toBeGreaterThan(30);
    await expectAccessible(page, "channels page with the webhook's secret shown once");

    const time = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      object: "page",
      entry: [
        {
          id: "1001",
          time,
          changes: [
            {
              field: "feed",
              value: {
                from: { id: "5550001", name: "Erika Mustermann" },
                item: "comment",
                comment_id: "777_1",
                post_id: "1001_777",
                verb: "add",
                created_time: time,
                message: "Wann wird die Laterne in der Birkenallee repariert?",
              },
            },
          ],
        },
      ],
    });
    const post = (signature: string) =>
      fetch(`${server.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
        body,
      });
    expect((await post(metaSignature(body, "falsches Geheimnis"))).status).toBe(401);
    expect((await post(metaSignature(body, secret))).status).toBe(200);

    await page.reload();
    await card.getByText("Ereignisse: 1, neue Nachrichten: 1").waitFor();
    await card.getByText(/Signatur ungültig/).waitFor();
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, "channels page with a webhook's counters");
    await page.screenshot({ path: "/tmp/webhook-channels.png", fullPage: true });
    // As on a phone: the address and the counters wrap, nothing leaves the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    // The page does not scroll sideways (the channels table scrolls within its own region).
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "channels page with a webhook's counters at 390 px");
    await page.screenshot({ path: "/tmp/webhook-channels-390.png", fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    await card.getByRole("button", { name: "Webhook entfernen" }).click();
    await page.getByText("Webhook von Seite der Stadt entfernt.").waitFor();
    await card.getByText("Kein Webhook eingerichtet").waitFor();
    expect((await post(metaSignature(body, secret))).status).toBe(404);
    await page.close();
  });

  it("keeps Facebook and Instagram off until an administrator turns them on, then says what the organisation must do", async () => {
    const org = await buildOrg(server.ctx, { name: "Stadt Seitenhausen" });
    const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
    const page = await browser.newPage();
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
    const section = page.getByRole("region", { name: "Facebook und Instagram (gemeinsame Verantwortung mit Meta)" });
    const facebook = section.getByRole("listitem").filter({ hasText: "Facebook" });
    await facebook.getByText("ausgeschaltet").waitFor();
    expect(await section.getByRole("note").count()).toBe(0);

    await section.getByRole("button", { name: "Facebook für die Organisation freischalten" }).click();
    await page.getByText("Facebook ist für die Organisation freigeschaltet.").waitFor();
    await facebook.getByText(/freigeschaltet seit .* von /).waitFor();
    const duties = section.getByRole("note", { name: "Was die Organisation tun muss" });
    await duties
      .getByText(/Art\. 26 DSGVO/)
      .first()
      .waitFor();
    expect(await duties.getByRole("listitem").count()).toBe(3);
    await expect(section.getByRole("listitem").filter({ hasText: "Instagram" }).innerText()).resolves.toContain(
      "ausgeschaltet",
    );
    await expectAccessible(page, "channels page with Facebook turned on");

    await section.getByRole("button", { name: "Facebook für die Organisation abschalten" }).click();
    await page.getByText("Facebook ist für die Organisation abgeschaltet.").waitFor();
    // The notice comes before the list is read again: wait for the list to show the change.
    await facebook.getByText("ausgeschaltet").waitFor();
    await expect.poll(() => section.getByRole("note").count()).toBe(0);
    await page.close();
  });
});
