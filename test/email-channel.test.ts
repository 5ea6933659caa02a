// The e-mail channel end to end on the real database, a real IMAP server (Dovecot, started by the test) and an
// SMTP server (smtp-server): a citizen's mail → the worker's sync → a conversation in the inbox → an answer from
// the inbox arrives with the headers mail programs thread by → the citizen's answer to it joins the same
// conversation. Automatic replies and bounces are not taken in (so nothing answers them), a changed UIDVALIDITY
// repeats nothing, and a refused password puts the account into "bitte erneut verbinden".
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import { connectWithAppPassword } from "../src/app/channels/connect-channel-account.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import type { AppContext } from "../src/app/context.js";
import { replyToConversation } from "../src/app/inbox/reply-to-conversation.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import type { Database } from "../src/db/client.js";
import {
  channelSyncStates,
  conversationReplies,
  conversations,
  inboundAttachments,
  inboundMessages,
  mediaAssets,
} from "../src/db/schema/index.js";
import { bounceMail, citizenMail } from "./peers/email/citizenMail.js";
import { type DovecotServer, startDovecot } from "./peers/email/dovecotServer.js";
import { type SmtpSubmissionServer, startSmtpSubmission } from "./peers/email/smtpServer.js";
import {
  buildChannelAccount,
  buildMedia,
  buildMember,
  buildOrg,
  buildTestContext,
  samplePng,
} from "./support/factories.js";
import { LOCAL_NETWORK_ENV, LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
let imap: DovecotServer;
let smtp: SmtpSubmissionServer;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { env: LOCAL_NETWORK_ENV });
  imap = await startDovecot();
  smtp = await startSmtpSubmission({ user: imap.user, password: imap.password });
}, 60_000);
afterAll(async () => {
  await smtp?.close();
  await imap?.close();
  await database?.close();
});

/** The installation's clock as the connectors get it (a mail's Date header is the installation's time). */
const installationNow = new Date(Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000);
const connectors = () =>
  createConnectorRegistry({
    db: ctx.db,
    clock: () => installationNow,
    publicUrl: ctx.publicUrl,
    networkServers: LOCAL_NETWORK_SERVERS,
  });

/** An organisation's mailbox: its own folder on the one server, so that no test reads another's mails. */
async function mailboxAccount() {
  const org = await buildOrg(ctx);
  const folder = `Test-${org.id}`;
  await imap.createFolder(folder);
  const account = await buildChannelAccount(ctx, org.id, {
    network: "email",
    settings: {
      address: imap.user,
      displayName: "Stadt Musterstadt – Bürgerservice",
      imap: { host: imap.host, port: imap.port, security: "none" },
      smtp: { host: smtp.host, port: smtp.port, security: "none" },
      mailbox: folder,
    },
  });
  await storeCredentials(ctx.db, ctx, {
    accountId: account.id,
    orgId: org.id,
    credentials: { imapUser: imap.user, imapPassword: imap.password, smtpUser: imap.user, smtpPassword: imap.password },
    remoteHandle: imap.user,
    remoteUrl: null,
    userId: null,
    now: ctx.clock(),
  });
  const member = await buildMember(ctx, org.id);
  const sync = async () =>
    (await syncChannelInbound(ctx, { connectors: connectors() }, { accountIds: [account.id] }))[0];
  const messages = () =>
    ctx.db
      .select({
        id: inboundMessages.id,
        externalId: inboundMessages.externalId,
        text: inboundMessages.text,
        conversationId: inboundMessages.conversationId,
        raw: inboundMessages.raw,
      })
      .from(inboundMessages)
      .where(eq(inboundMessages.channelAccountId, account.id));
  const deliver = (raw: string) => imap.deliver(raw, folder);
  return { org, account, member, sync, messages, deliver, folder };
}

describe("the e-mail channel", () => {
  it("brings a citizen's mail into the inbox, sends the answer as a threaded reply, and threads the citizen's answer to it into the same conversation", async () => {
    const { org, member, sync, messages, deliver } = await mailboxAccount();
    const question = citizenMail({
      subject: "Öffnungszeiten Wertstoffhof",
      text: "Guten Tag,\nwann hat der Wertstoffhof samstags geöffnet?\n\nViele Grüße\nErika Mustermann\n-- \nErika Mustermann\nMusterweg 1",
    });
    await deliver(question.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    const [stored] = await messages();
    expect(stored?.externalId).toBe(question.messageId);
    expect(stored?.text).toBe(
      "Guten Tag,\nwann hat der Wertstoffhof samstags geöffnet?\n\nViele Grüße\nErika Mustermann",
    );
    expect(stored?.raw).toMatchObject({ subject: "Öffnungszeiten Wertstoffhof" });
    const [conversation] = await ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, stored?.conversationId ?? ""));
    expect(conversation).toMatchObject({ threadKey: question.messageId, citizenHandle: "erika@buerger.test" });

    const before = smtp.received.length;
    const answered = await replyToConversation(
      ctx,
      { connectors: connectors() },
      {
        actor: member.actor,
        orgId: org.id,
        conversationId: conversation?.id ?? "",
        input: { text: "Samstags von 9 bis 14 Uhr." },
      },
    );
    expect(answered.status).toBe("sent");
    const sent = smtp.received.slice(before);
    expect(sent).toHaveLength(1);
    const mail = sent[0]?.parsed;
    expect(sent[0]?.to).toEqual(["erika@buerger.test"]);
    expect(mail?.from?.value[0]).toMatchObject({ address: imap.user, name: "Stadt Musterstadt – Bürgerservice" });
    expect(mail?.subject).toBe("Re: Öffnungszeiten Wertstoffhof");
    expect(mail?.inReplyTo).toBe(question.messageId);
    expect([mail?.references ?? []].flat()).toEqual([question.messageId]);
    expect(mail?.text?.trim()).toBe("Samstags von 9 bis 14 Uhr.");
    expect(mail?.date).toEqual(installationNow);

    // The citizen answers the answer; their program quotes it below.
    const followUp = citizenMail({
      subject: "Re: Öffnungszeiten Wertstoffhof",
      text: `Danke! Und sonntags?\n\nAm ${new Date().toUTCString()} schrieb Bürgerservice <${imap.user}>:\n> Samstags von 9 bis 14 Uhr.`,
      inReplyTo: mail?.messageId ?? "",
      references: [question.messageId, mail?.messageId ?? ""],
    });
    await deliver(followUp.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    const second = (await messages()).find((m) => m.externalId === followUp.messageId);
    expect(second?.text).toBe("Danke! Und sonntags?");
    expect(second?.conversationId).toBe(conversation?.id);
    expect(second?.raw).toMatchObject({ fullText: expect.stringContaining("> Samstags von 9 bis 14 Uhr.") });
  });

  it("sends files of the media library as attachments with their descriptions in the text, and refuses more than 20 MB", async () => {
    const { org, member, sync, messages, deliver } = await mailboxAccount();
    const question = citizenMail({ subject: "Parken am Rathaus", text: "Wo kann ich am Rathaus parken?" });
    await deliver(question.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    const conversationId = (await messages())[0]?.conversationId ?? "";
    const png = await samplePng(90, 50);
    const plan = await buildMedia(ctx, org.id, { bytes: png, altText: "Parkplätze hinter dem Rathaus" });
    const big = await buildMedia(ctx, org.id);
    const answer = (mediaIds: string[]) =>
      replyToConversation(
        ctx,
        { connectors: connectors() },
        { actor: member.actor, orgId: org.id, conversationId, input: { text: "Hinter dem Rathaus.", mediaIds } },
      );
    // A file of 11 MB (as the library recorded it) and a small one go out together; two of 11 MB are refused
    // before anything is stored or sent.
    await ctx.db
      .update(mediaAssets)
      .set({ byteSize: 11 * 1024 * 1024 })
      .where(eq(mediaAssets.id, big.id));
    const before = smtp.received.length;
    await expect(answer([big.id, plan.id])).resolves.toMatchObject({ status: "sent" });
    const sentOnce = smtp.received.length;
    expect(sentOnce).toBe(before + 1);
    const bigToo = await buildMedia(ctx, org.id);
    await ctx.db
      .update(mediaAssets)
      .set({ byteSize: 11 * 1024 * 1024 })
      .where(eq(mediaAssets.id, bigToo.id));
    await expect(answer([big.id, bigToo.id])).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      details: { reason: "reply_media_too_large", limitMb: 20 },
    });
    expect(smtp.received.length).toBe(sentOnce);
    const replies = await ctx.db
      .select()
      .from(conversationReplies)
      .where(eq(conversationReplies.conversationId, conversationId));
    expect(replies).toHaveLength(1);

    const sent = smtp.received.at(-1)?.parsed;
    expect(sent?.attachments.map((a) => a.filename)).toEqual(["bild.png", "bild.png"]);
    expect(sent?.attachments.some((a) => a.content.equals(png))).toBe(true);
    expect(sent?.text).toContain("Hinter dem Rathaus.");
    expect(sent?.text).toContain("Bildbeschreibung 2: Parkplätze hinter dem Rathaus");
  });

  it("keeps a mail's attachments with the message, exactly as they were sent", async () => {
    const { sync, messages, deliver } = await mailboxAccount();
    const messageId = `<${randomUUID()}@buerger.test>`;
    const raw = await new MailComposer({
      from: "Erika Mustermann <erika@buerger.test>",
      to: imap.user,
      subject: "Schlagloch Hauptstraße",
      messageId,
      text: "Im Anhang ein Foto und die Skizze.",
      attachments: [
        { filename: "schlagloch.png", content: await samplePng(), contentType: "image/png" },
        { filename: "skizze.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" },
      ],
    })
      .compile()
      .build();
    await deliver(raw.toString());
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    const [stored] = await messages();
    expect(stored?.text).toBe("Im Anhang ein Foto und die Skizze.");
    const png = await samplePng();
    expect((stored?.raw as { attachments?: unknown }).attachments).toEqual([
      { fileName: "schlagloch.png", mimeType: "image/png", size: png.length, stored: true },
      { fileName: "skizze.pdf", mimeType: "application/pdf", size: 15, stored: true },
    ]);
    const files = await ctx.db
      .select()
      .from(inboundAttachments)
      .where(eq(inboundAttachments.inboundMessageId, stored!.id))
      .orderBy(inboundAttachments.position);
    expect(files.map((f) => [f.fileName, f.mimeType, f.declaredMimeType])).toEqual([
      ["schlagloch.png", "image/png", "image/png"],
      ["skizze.pdf", "application/pdf", "application/pdf"],
    ]);
    expect(files[0]?.content.equals(png)).toBe(true);
    expect(files[1]?.content.toString()).toBe("%PDF-1.4\n%%EOF\n");
  });

  it("takes no automatic reply or bounce in, so nothing answers them", async () => {
    const { sync, messages, deliver } = await mailboxAccount();
    await deliver(
      citizenMail({
        subject: "Automatische Antwort: Ihre Anfrage",
        text: "Ich bin bis zum 3. Januar nicht im Büro.",
        headers: { "Auto-Submitted": "auto-replied" },
      }).raw,
    );
    await deliver(citizenMail({ subject: "Out of Office", text: "Bin weg.", headers: { "X-Autoreply": "yes" } }).raw);
    await deliver(citizenMail({ subject: "Newsletter", text: "Neues", headers: { Precedence: "bulk" } }).raw);
    await deliver(bounceMail({ failedRecipient: "niemand@buerger.test" }).raw);
    const question = citizenMail({ text: "Wo bekomme ich einen Anwohnerparkausweis?" });
    await deliver(question.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    expect((await messages()).map((m) => m.externalId)).toEqual([question.messageId]);
  });

  it("repeats nothing and misses nothing after the server rebuilt the mailbox with a new UIDVALIDITY and new UIDs", async () => {
    const { sync, messages, deliver, folder } = await mailboxAccount();
    const earlier = [1, 2, 3].map((n) => citizenMail({ text: `Frage ${n} zum Bürgerbüro` }));
    for (const mail of earlier) await deliver(mail.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 3 });
    // Two mails were moved away, then the server rebuilt its index: the one left is UID 1 now, the next UID 2,
    // both below the last UID draht saw under the old UIDVALIDITY.
    await imap.expunge(folder, [earlier[0]?.messageId ?? "", earlier[1]?.messageId ?? ""]);
    imap.rebuildIndex(folder);
    const next = citizenMail({ text: "Und am Dienstag?" });
    await deliver(next.raw);
    expect(await sync()).toMatchObject({ status: "ok", received: 1 });
    const after = await messages();
    expect(after).toHaveLength(4);
    expect(after.filter((m) => m.externalId === earlier[2]?.messageId)).toHaveLength(1);
    expect(after.some((m) => m.externalId === next.messageId)).toBe(true);
  });

  it("asks to connect again when the mailbox refuses the stored password", async () => {
    const { account, sync } = await mailboxAccount();
    const password = imap.password;
    await imap.setPassword("ein-neues-passwort");
    try {
      expect(await sync()).toMatchObject({ status: "needs_reconnect" });
      const [state] = await ctx.db
        .select({ status: channelSyncStates.status })
        .from(channelSyncStates)
        .where(and(eq(channelSyncStates.channelAccountId, account.id)));
      expect(state?.status).toBe("needs_reconnect");
    } finally {
      await imap.setPassword(password);
    }
  });

  it("connects a mailbox with its sign-in, checked at the IMAP server and stored sealed", async () => {
    const org = await buildOrg(ctx);
    const folder = `Test-${org.id}`;
    await imap.createFolder(folder);
    const account = await buildChannelAccount(ctx, org.id, {
      network: "email",
      settings: {
        address: imap.user,
        imap: { host: imap.host, port: imap.port, security: "none" },
        smtp: { host: smtp.host, port: smtp.port, security: "none" },
        mailbox: folder,
      },
    });
    const admin = await buildMember(ctx, org.id);
    const connect = (password: string) =>
      connectWithAppPassword(
        ctx,
        { connectors: connectors() },
        { actor: admin.actor, orgId: org.id, accountId: account.id, identifier: imap.user, password },
      );
    await expect(connect("falsch")).rejects.toThrow();
    expect(await connect(imap.password)).toEqual({ handle: imap.user });
    const question = citizenMail({ text: "Kann ich meinen Ausweis online beantragen?" });
    await imap.deliver(question.raw, folder);
    const [outcome] = await syncChannelInbound(ctx, { connectors: connectors() }, { accountIds: [account.id] });
    expect(outcome).toMatchObject({ status: "ok", received: 1 });
  });

  it("refuses a mailbox on a private address, or unencrypted, where the installation does not trust the host", async () => {
    const strict = buildTestContext(database.db);
    const org = await buildOrg(strict);
    const settings = (imapHost: string, security: string) => ({
      address: "buergerservice@stadt.example",
      imap: { host: imapHost, port: 993, security },
      smtp: { host: "203.0.113.25", port: 465, security: "tls" },
    });
    await expect(
      buildChannelAccount(strict, org.id, { network: "email", settings: settings("127.0.0.1", "tls") }),
    ).rejects.toMatchObject({ code: "CHANNEL_SERVER_NOT_ALLOWED", details: { field: "settings.imap.host" } });
    await expect(
      buildChannelAccount(strict, org.id, { network: "email", settings: settings("203.0.113.24", "none") }),
    ).rejects.toMatchObject({ code: "CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "not_https" } });
  });
});
