// The WhatsApp Business channel end to end over HTTP, on the real database, against the fake Cloud API
// (test/peers/whatsapp, written from Meta's reference): an administrator connects the number with a system user's
// token (checked at the Graph API) and sets up the webhook with the app secret; Meta's handshake is answered; a
// citizen's signed message becomes a conversation before the 200 (forged and replayed deliveries are refused or
// left out); the answer goes out as a reply to the citizen's message within the 24-hour window, and is refused
// in draht's words outside it without calling Meta — there only an approved message template goes out, listed from
// the business account and filled in; an expired token fails the answer and asks for a reconnect.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  channelCredentials,
  conversationReplies,
  conversations,
  inboundAttachments,
  inboundMessages,
  mediaAssets,
} from "../src/db/schema/index.js";
import { metaSignature } from "../src/channels/meta/metaWebhooks.js";
import { createWhatsAppConnector } from "../src/channels/whatsapp/whatsappConnector.js";
import { type FakeGraphApi, startFakeGraphApi } from "./peers/whatsapp/fakeGraphApi.js";
import sharp from "sharp";
import { uploadMedia } from "../src/app/media/upload-media.js";
import {
  buildChannelAccount,
  buildMedia,
  buildMember,
  buildOrg,
  samplePng,
  systemAdminOf,
} from "./support/factories.js";
import { minimalMp4 } from "./support/mp4.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let now = new Date("2026-12-07T09:00:00Z");
let t: TestApp;
let meta: FakeGraphApi;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now, env: LOCAL_NETWORK_ENV });
  meta = await startFakeGraphApi({ clock: () => now });
});
afterAll(async () => {
  await meta?.close();
  await t?.close();
});

async function scene() {
  const org = await buildOrg(t.ctx);
  const account = await buildChannelAccount(t.ctx, org.id, {
    network: "whatsapp",
    settings: {
      serverUrl: meta.url,
      phoneNumberId: meta.phoneNumberId,
      displayPhoneNumber: meta.displayPhoneNumber,
      businessAccountId: meta.businessAccountId,
    },
  });
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  const path = `/api/webhooks/whatsapp/${account.id}`;
  return { org, account, member, admin, path };
}

async function connected() {
  const s = await scene();
  const connect = await s.admin.request(
    "POST",
    `/api/orgs/${s.org.id}/channels/${s.account.id}/connection/app-password`,
    { identifier: meta.phoneNumberId, password: meta.token },
  );
  expect(connect.statusCode, connect.body).toBe(200);
  const hook = await s.admin.request("PUT", `/api/orgs/${s.org.id}/channels/${s.account.id}/webhook`, {
    secret: meta.appSecret,
  });
  expect(hook.statusCode, hook.body).toBe(200);
  return { ...s, hook: hook.json() as { callbackUrl: string; verifyToken: string } };
}

const post = (path: string, body: string, signature: string | null) =>
  t.app.inject({
    method: "POST",
    url: path,
    headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
    payload: body,
  });

const messagesOf = (accountId: string) =>
  t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId));

async function answer(s: Awaited<ReturnType<typeof connected>>, conversationId: string, text: string) {
  const sent = await s.admin.request("POST", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}/replies`, {
    text,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const { id } = sent.json() as { id: string };
  const [row] = await t.ctx.db.select().from(conversationReplies).where(eq(conversationReplies.id, id));
  return row;
}

describe("the WhatsApp Business channel", () => {
  it("connects a number only with a token the Graph API accepts, and keeps the token sealed", async () => {
    const s = await scene();
    const refused = await s.admin.request(
      "POST",
      `/api/orgs/${s.org.id}/channels/${s.account.id}/connection/app-password`,
      { identifier: meta.phoneNumberId, password: "EAAGfalsch" },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_AUTH_FAILED" } });
    // The right token, given for another number than the account's.
    const otherNumber = await s.admin.request(
      "POST",
      `/api/orgs/${s.org.id}/channels/${s.account.id}/connection/app-password`,
      { identifier: "999999999", password: meta.token },
    );
    expect(otherNumber.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_AUTH_FAILED" } });
    const connect = await s.admin.request(
      "POST",
      `/api/orgs/${s.org.id}/channels/${s.account.id}/connection/app-password`,
      { identifier: meta.phoneNumberId, password: meta.token },
    );
    expect(connect.statusCode, connect.body).toBe(200);
    expect(connect.json()).toMatchObject({ handle: meta.displayPhoneNumber });
    const [stored] = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, s.account.id));
    expect(JSON.stringify(stored)).not.toContain(meta.token);
  });

  it("answers Meta's handshake, takes a signed message into the inbox once, and refuses a forged one", async () => {
    const s = await connected();
    const handshake = await t.app.inject({
      method: "GET",
      url: `${s.path}?hub.mode=subscribe&hub.verify_token=${s.hook.verifyToken}&hub.challenge=1158201444`,
    });
    expect(handshake.body).toBe("1158201444");

    const delivery = meta.customerWrites({
      from: "4915112345678",
      name: "Erika Mustermann",
      text: "Wann hat das Bürgeramt am Samstag geöffnet?",
      at: now,
    });
    const forged = await post(s.path, delivery.body, `sha256=${"0".repeat(64)}`);
    expect(forged.statusCode).toBe(401);
    expect(await messagesOf(s.account.id)).toHaveLength(0);

    const taken = await post(s.path, delivery.body, delivery.signature);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toEqual({ events: 1, received: 1, replayed: 0, stale: 0 });
    const [message] = await messagesOf(s.account.id);
    expect(message).toMatchObject({
      externalId: delivery.messageId,
      kind: "direct",
      authorHandle: "4915112345678",
      authorName: "Erika Mustermann",
      text: "Wann hat das Bürgeramt am Samstag geöffnet?",
    });
    const [conversation] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, message?.conversationId ?? ""));
    expect(conversation).toMatchObject({ threadKey: "4915112345678", citizenHandle: "4915112345678" });

    const replayed = await post(s.path, delivery.body, delivery.signature);
    expect(replayed.json()).toEqual({ events: 1, received: 0, replayed: 1, stale: 0 });
    expect(await messagesOf(s.account.id)).toHaveLength(1);

    // The same Meta app's delivery for another of its numbers: signed alright, but not this account's inbox.
    const other = meta
      .customerWrites({ from: "4915112345678", text: "An die andere Nummer", at: now })
      .body.replaceAll(meta.phoneNumberId, "106540352249999");
    expect((await post(s.path, other, metaSignature(other, meta.appSecret))).json()).toMatchObject({
      events: 1,
      received: 0,
    });
    expect(await messagesOf(s.account.id)).toHaveLength(1);
  });

  it("answers in the chat within 24 hours of the citizen's message, and refuses a free answer after that", async () => {
    const s = await connected();
    const citizen = "4917698765432";
    const delivery = meta.customerWrites({ from: citizen, text: "Ist mein Ausweis fertig?", at: now });
    expect((await post(s.path, delivery.body, delivery.signature)).statusCode).toBe(200);
    const [message] = await messagesOf(s.account.id);
    const conversationId = message?.conversationId ?? "";

    const reply = await answer(s, conversationId, "Ja, Sie können ihn ab Montag abholen.");
    expect(reply).toMatchObject({ status: "sent", error: null });
    const out = meta.sent.find((m) => m.id === reply?.externalId);
    expect(out).toEqual({
      id: reply?.externalId,
      to: citizen,
      type: "text",
      text: "Ja, Sie können ihn ab Montag abholen.",
      contextId: delivery.messageId,
      template: null,
      templateLanguage: null,
      templateParameters: [],
      media: null,
    });

    // Meta reports it read, then (late, out of order) delivered: it stays read, shown with the reply.
    const externalId = reply?.externalId ?? "";
    for (const status of ["read", "delivered"] as const) {
      const report = meta.statusOf({ messageId: externalId, status, at: now });
      expect((await post(s.path, report.body, report.signature)).json()).toMatchObject({ events: 1, received: 0 });
    }
    const detail = await s.admin.request("GET", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}`);
    expect((detail.json() as { replies: unknown[] }).replies).toEqual([
      expect.objectContaining({ id: reply?.id, deliveryStatus: "read", deliveryStatusAt: now.toISOString() }),
    ]);

    const sentBefore = meta.sent.length;
    const requestsBefore = meta.requests;
    now = new Date(now.getTime() + 25 * 3_600_000);
    s.admin = await signIn(t.app, s.member.email, s.member.password); // the session of yesterday has ended
    // The inbox says the window closed, and a free answer is refused before anything is stored or sent.
    const closed = await s.admin.request("GET", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}`);
    expect(closed.json().conversation.answerWindow).toEqual({
      closesAt: new Date(now.getTime() - 3_600_000).toISOString(),
      open: false,
    });
    const late = await s.admin.request("POST", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}/replies`, {
      text: "Noch ein Hinweis: Bringen Sie das alte Dokument mit.",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: "DRAHT_ERR_ANSWER_WINDOW_CLOSED",
      details: { closedAt: new Date(now.getTime() - 3_600_000).toISOString() },
    });
    const stored = await t.ctx.db
      .select()
      .from(conversationReplies)
      .where(eq(conversationReplies.conversationId, conversationId));
    expect(stored).toHaveLength(1);
    // A reply that reaches the connector late (approved after the window closed) is refused there too, Meta not asked.
    const connector = createWhatsAppConnector({ networkServers: t.ctx.networkServers, clock: () => now });
    await expect(
      connector.reply?.(
        { id: s.account.id, orgId: s.org.id, settings: s.account.settings, credentials: { accessToken: meta.token } },
        {
          idempotencyKey: "late",
          orgId: s.org.id,
          threadExternalId: citizen,
          inReplyToExternalId: delivery.messageId,
          text: "Spät freigegeben",
          citizenLastWroteAt: new Date(now.getTime() - 25 * 3_600_000),
        },
      ),
    ).rejects.toMatchObject({ kind: "permanent", message: expect.stringContaining("Nachrichtenvorlage") });
    expect(meta.sent).toHaveLength(sentBefore);
    expect(meta.requests).toBe(requestsBefore); // refused by draht, Meta was not asked

    // The citizen writes again: the window opens anew.
    const again = meta.customerWrites({ from: citizen, text: "Danke! Und wo genau?", at: now });
    expect((await post(s.path, again.body, again.signature)).statusCode).toBe(200);
    const where = await answer(s, conversationId, "Im Bürgeramt Mitte, Zimmer 12.");
    expect(where?.status).toBe("sent");
  });

  it("offers the approved message templates outside the window and sends one filled in, never a free answer", async () => {
    const s = await connected();
    const citizen = "4917611112222";
    const delivery = meta.customerWrites({ from: citizen, text: "Wann ist der Sperrmüll?", at: now });
    expect((await post(s.path, delivery.body, delivery.signature)).statusCode).toBe(200);
    const conversationId = (await messagesOf(s.account.id))[0]?.conversationId ?? "";
    now = new Date(now.getTime() + 30 * 3_600_000);
    s.admin = await signIn(t.app, s.member.email, s.member.password);
    const base = `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}`;

    const listed = await s.admin.request("GET", `${base}/message-templates`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().templates).toEqual([
      {
        name: "antwort_anliegen",
        language: "de",
        category: "UTILITY",
        body: "Guten Tag {{1}}, zu Ihrem Anliegen: {{2}}",
        parameters: 2,
      },
      {
        name: "rueckruf",
        language: "de",
        category: "UTILITY",
        body: "Wir melden uns in Kürze bei Ihnen.",
        parameters: 0,
      },
    ]); // the rejected template is not offered

    // A free answer stays refused; a template with too few texts or one Meta does not offer is refused too.
    const free = await s.admin.request("POST", `${base}/replies`, { text: "Am Dienstag." });
    expect(free.json().error).toMatchObject({ code: "DRAHT_ERR_ANSWER_WINDOW_CLOSED" });
    for (const template of [
      { name: "antwort_anliegen", language: "de", parameters: ["Frau Schmidt"] },
      { name: "werbung_sommerfest", language: "de", parameters: [] },
    ]) {
      const refused = await s.admin.request("POST", `${base}/replies`, { text: "Vorlage", template });
      expect(refused.statusCode, refused.body).toBe(400);
    }
    const sentBefore = meta.sent.length;

    const sent = await s.admin.request("POST", `${base}/replies`, {
      text: "Vorschau",
      template: { name: "antwort_anliegen", language: "de", parameters: ["Frau Schmidt", "Sperrmüll am Dienstag"] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [row] = await t.ctx.db
      .select()
      .from(conversationReplies)
      .where(eq(conversationReplies.id, (sent.json() as { id: string }).id));
    expect(row).toMatchObject({
      status: "sent",
      text: "Guten Tag Frau Schmidt, zu Ihrem Anliegen: Sperrmüll am Dienstag",
      networkTemplate: {
        name: "antwort_anliegen",
        language: "de",
        parameters: ["Frau Schmidt", "Sperrmüll am Dienstag"],
      },
    });
    expect(meta.sent).toHaveLength(sentBefore + 1);
    expect(meta.sent.at(-1)).toEqual({
      id: row?.externalId,
      to: citizen,
      type: "template",
      text: null,
      contextId: delivery.messageId,
      template: "antwort_anliegen",
      templateLanguage: "de",
      templateParameters: ["Frau Schmidt", "Sperrmüll am Dienstag"],
      media: null,
    });
  });

  it("sends a picture or a video of the media library with the answer, its text as the caption, within WhatsApp's limits", async () => {
    const s = await connected();
    const citizen = "4917633334444";
    const delivery = meta.customerWrites({ from: citizen, text: "Wo ist der Eingang zum Bürgeramt?", at: now });
    expect((await post(s.path, delivery.body, delivery.signature)).statusCode).toBe(200);
    const conversationId = (await messagesOf(s.account.id))[0]?.conversationId ?? "";
    const base = `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}`;
    const png = await samplePng(80, 60);
    const plan = await buildMedia(t.ctx, s.org.id, { bytes: png, altText: "Lageplan des Bürgeramts" });
    const noAlt = await buildMedia(t.ctx, s.org.id, { altText: null });
    const other = await buildMedia(t.ctx, s.org.id);

    // The inbox says what an answer here may carry: one file, a caption of at most 1,024 characters.
    const detail = await s.admin.request("GET", base);
    expect(detail.json().conversation.replyMedia).toEqual({
      maxMedia: 1,
      maxTotalBytes: null,
      videos: "alone",
      maxLengthWithMedia: 1024,
    });

    // Refused before anything is stored or sent: two files, a picture without alternative text, a caption too long,
    // a file of another organisation, and a file beside a message template.
    const sentBefore = meta.sent.length;
    const uploadsBefore = meta.uploads;
    const foreign = await buildMedia(t.ctx, (await buildOrg(t.ctx)).id);
    const refusals: [Record<string, unknown>, number, string, unknown?][] = [
      [{ text: "Hier der Plan.", mediaIds: [plan.id, other.id] }, 422, "GUIDELINE_VIOLATION", "channel_media"],
      [{ text: "Hier der Plan.", mediaIds: [noAlt.id] }, 422, "GUIDELINE_VIOLATION", "alt_text"],
      [{ text: "x".repeat(1025), mediaIds: [plan.id] }, 422, "GUIDELINE_VIOLATION", "channel_caption_length"],
      [{ text: "Hier der Plan.", mediaIds: [foreign.id] }, 400, "VALIDATION_FAILED"],
    ];
    for (const [body, status, code, rule] of refusals) {
      const refused = await s.admin.request("POST", `${base}/replies`, body);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json().error.code).toBe(`DRAHT_ERR_${code}`);
      if (rule) expect(refused.json().error.details.findings.map((f: { rule: string }) => f.rule)).toContain(rule);
    }
    expect(
      await t.ctx.db.select().from(conversationReplies).where(eq(conversationReplies.conversationId, conversationId)),
    ).toHaveLength(0);
    expect(meta.sent).toHaveLength(sentBefore);
    expect(meta.uploads).toBe(uploadsBefore);

    const sent = await s.admin.request("POST", `${base}/replies`, {
      text: "Der Eingang liegt an der Rückseite, siehe Plan.",
      mediaIds: [plan.id],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [row] = await t.ctx.db
      .select()
      .from(conversationReplies)
      .where(eq(conversationReplies.id, (sent.json() as { id: string }).id));
    expect(row?.status).toBe("sent");
    expect(meta.uploads).toBe(uploadsBefore + 1);
    const out = meta.sent.at(-1);
    expect(out).toMatchObject({ id: row?.externalId, to: citizen, type: "image", contextId: delivery.messageId });
    expect(out?.media).toMatchObject({
      type: "image",
      mimeType: "image/png",
      // WhatsApp has no alternative text: the picture's description follows the text in the caption.
      caption: "Der Eingang liegt an der Rückseite, siehe Plan.\n\nBildbeschreibung: Lageplan des Bürgeramts",
    });
    expect(out?.media?.content.equals(png)).toBe(true);
    // The conversation shows the file with the answer.
    const after = await s.admin.request("GET", base);
    expect(after.json().replies.at(-1).media).toEqual([
      { id: plan.id, kind: "image", fileName: "bild.png", altText: "Lageplan des Bürgeramts" },
    ]);

    // A video goes as a video; a WebP picture, which WhatsApp does not show as a picture, as a document.
    const video = await uploadMedia(t.ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      bytes: Buffer.from(minimalMp4(12)),
      maxBytes: 10_000_000,
      meta: { fileName: "anfahrt.mp4", altText: null, departmentId: null },
    });
    await t.ctx.db.update(mediaAssets).set({ hasCaptions: true }).where(eq(mediaAssets.id, video.id));
    const webp = await buildMedia(t.ctx, s.org.id, { bytes: await sharp(png).webp().toBuffer() });
    for (const [medium, type, caption] of [
      [video, "video", "Zur Anfahrt."],
      [webp, "document", "Zur Anfahrt.\n\nBildbeschreibung: Ein blaues Quadrat"],
    ] as const) {
      const answer = await s.admin.request("POST", `${base}/replies`, { text: "Zur Anfahrt.", mediaIds: [medium.id] });
      expect(answer.statusCode, answer.body).toBe(201);
      expect(meta.sent.at(-1)?.media).toMatchObject({ type, caption });
    }
    expect(meta.sent.at(-1)?.media?.fileName).toBe("bild.png");

    // Outside the window not even a file goes out freely, and a template carries none.
    now = new Date(now.getTime() + 25 * 3_600_000);
    s.admin = await signIn(t.app, s.member.email, s.member.password);
    const late = await s.admin.request("POST", `${base}/replies`, { text: "Noch der Plan.", mediaIds: [plan.id] });
    expect(late.json().error.code).toBe("DRAHT_ERR_ANSWER_WINDOW_CLOSED");
    const withTemplate = await s.admin.request("POST", `${base}/replies`, {
      text: "Vorlage",
      mediaIds: [plan.id],
      template: { name: "rueckruf", language: "de", parameters: [] },
    });
    expect(withTemplate.statusCode, withTemplate.body).toBe(409);
    expect(withTemplate.json().error).toMatchObject({
      code: "DRAHT_ERR_CHANNEL_UNSUPPORTED",
      details: { action: "template_media" },
    });
  });

  it("holds a picture answer and a template answer for Freigabe, and sends each as written once someone approves", async () => {
    const s = await connected();
    const rules = await s.admin.request("PUT", `/api/orgs/${s.org.id}/inbox/rules`, {
      routing: [],
      targets: [{ intent: null, firstResponseMinutes: 60 }],
      settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14, replyApproval: "all" },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const approverMember = await buildMember(t.ctx, s.org.id, { roles: ["press_office"] });
    const citizen = "4917655556666";
    const delivery = meta.customerWrites({ from: citizen, text: "Wo parke ich am Rathaus?", at: now });
    expect((await post(s.path, delivery.body, delivery.signature)).statusCode).toBe(200);
    const conversationId = (await messagesOf(s.account.id))[0]?.conversationId ?? "";
    const base = `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}`;
    const plan = await buildMedia(t.ctx, s.org.id, { altText: "Parkplätze hinter dem Rathaus" });
    const approve = async (replyId: string) => {
      const approver = await signIn(t.app, approverMember.email, approverMember.password);
      const decided = await approver.request("POST", `${base}/replies/${replyId}/decision`, { decision: "approved" });
      expect(decided.statusCode, decided.body).toBe(200);
      return decided.json() as { status: string };
    };

    const sentBefore = meta.sent.length;
    const picture = await s.admin.request("POST", `${base}/replies`, {
      text: "Hinter dem Rathaus, siehe Plan.",
      mediaIds: [plan.id],
    });
    expect(picture.json()).toMatchObject({ status: "in_review" });
    expect(meta.sent).toHaveLength(sentBefore);
    expect(await approve((picture.json() as { id: string }).id)).toMatchObject({ status: "sent" });
    expect(meta.sent.at(-1)).toMatchObject({
      type: "image",
      media: { caption: expect.stringMatching(/^Hinter dem Rathaus, siehe Plan\./) },
    });

    now = new Date(now.getTime() + 26 * 3_600_000);
    s.admin = await signIn(t.app, s.member.email, s.member.password);
    const template = await s.admin.request("POST", `${base}/replies`, {
      text: "Vorschau",
      template: { name: "antwort_anliegen", language: "de", parameters: ["Herr Weber", "Parken am Rathaus"] },
    });
    expect(template.json()).toMatchObject({ status: "in_review" });
    expect(await approve((template.json() as { id: string }).id)).toMatchObject({ status: "sent" });
    expect(meta.sent.at(-1)).toMatchObject({
      type: "template",
      template: "antwort_anliegen",
      templateParameters: ["Herr Weber", "Parken am Rathaus"],
    });
  });

  it("keeps a citizen's picture as the message's attachment, and names a file beyond the limits as left at Meta", async () => {
    const s = await connected();
    const png = await samplePng();
    const picture = meta.customerSendsFile({
      from: "4915200000002",
      type: "image",
      content: png,
      mimeType: "image/png",
      caption: "Das Schlagloch vor Hausnummer 12",
      at: now,
    });
    expect((await post(s.path, picture.body, picture.signature)).json()).toMatchObject({ received: 1 });
    const tooLarge = meta.customerSendsFile({
      from: "4915200000002",
      type: "document",
      content: Buffer.alloc(10 * 1024 * 1024 + 1, 1),
      mimeType: "application/pdf",
      fileName: "Bauplan.pdf",
      at: now,
    });
    expect((await post(s.path, tooLarge.body, tooLarge.signature)).json()).toMatchObject({ received: 1 });
    const messages = await messagesOf(s.account.id);
    const withPicture = messages.find((m) => m.externalId === picture.messageId);
    expect(withPicture?.text).toBe("(Bild) Das Schlagloch vor Hausnummer 12");
    const files = await t.ctx.db
      .select()
      .from(inboundAttachments)
      .where(eq(inboundAttachments.inboundMessageId, withPicture?.id ?? ""));
    expect(files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, byteSize: f.byteSize }))).toEqual([
      { fileName: "image.png", mimeType: "image/png", byteSize: png.byteLength },
    ]);
    expect(Buffer.from(files[0]?.content ?? []).equals(png)).toBe(true);
    const detail = await s.admin.request(
      "GET",
      `/api/orgs/${s.org.id}/inbox/conversations/${withPicture?.conversationId ?? ""}`,
    );
    const shown = (detail.json() as { messages: { externalId: string; text: string; attachmentsNotKept: number }[] })
      .messages;
    expect(shown.find((m) => m.externalId === tooLarge.messageId)).toMatchObject({
      text: "(Dokument: Bauplan.pdf)",
      attachmentsNotKept: 1,
    });
  });

  it("fails an answer whose token expired at Meta as auth_expired", async () => {
    const s = await connected();
    const delivery = meta.customerWrites({ from: "4915700000001", text: "Hallo?", at: now });
    expect((await post(s.path, delivery.body, delivery.signature)).statusCode).toBe(200);
    const [message] = await messagesOf(s.account.id);
    meta.expireToken();
    const reply = await answer(s, message?.conversationId ?? "", "Guten Tag, wie können wir helfen?");
    expect(reply?.status).toBe("failed");
    expect(reply?.error).toBe("auth_expired: HTTP 401 Graph error 190");
  });
});
