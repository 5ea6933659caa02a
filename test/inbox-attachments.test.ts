// Files citizens send (an e-mail's attachments), through the one ingestion path and the HTTP API: stored with
// the message, named in the conversation, downloaded exactly as they arrived by those who may read the
// conversation — always as a download, never as a page the browser would run —, refused to others, and deleted
// with their message. Beyond the limits a message is refused with a clear reason and nothing of it is stored.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { attachmentDisposition } from "../src/app/inbox/get-attachment.js";
import { inboundAttachments, inboundMessages } from "../src/db/schema/index.js";
import { ATTACHMENT_LIMITS, type TInboundAttachment } from "../src/domain/inbound.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildMember,
  buildOrg,
  samplePng,
  uniqueSuffix,
} from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function scene() {
  const org = await buildOrg(t.ctx);
  const [bauamt, kita] = [await buildDepartment(t.ctx, org.id), await buildDepartment(t.ctx, org.id)];
  const account = await buildChannelAccount(t.ctx, org.id, {
    network: "sandbox",
    name: `Postfach ${uniqueSuffix()}`,
    departmentId: bauamt!.id,
  });
  const signedIn = async (departmentIds: string[] | null): Promise<SignedIn> => {
    const member = await buildMember(t.ctx, org.id, { roles: ["editor"], departmentIds });
    return signIn(t.app, member.email, member.password);
  };
  const ingest = (attachments: TInboundAttachment[], text = "Im Anhang das Foto.", author = "erika@buerger.test") =>
    t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser: t.ctx.analyser,
        now: t.ctx.clock(),
        publicUrl: t.ctx.publicUrl,
        messages: [
          {
            channelAccountId: account.id,
            externalId: `mail-${uniqueSuffix()}`,
            kind: "direct",
            authorHandle: author,
            authorName: "Erika Mustermann",
            text,
            language: "de",
            threadExternalId: null,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt: t.ctx.clock(),
            raw: {},
            attachments,
          },
        ],
      }),
    );
  return { org, bauamt: bauamt!, kita: kita!, signedIn, ingest };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("files citizens send", () => {
  it("are named in the conversation and downloaded exactly as they arrived, always as downloads", async () => {
    const { org, bauamt, signedIn, ingest } = await scene();
    const png = await samplePng();
    const page = Buffer.from("<html><script>alert(1)</script></html>");
    const [outcome] = await ingest([
      { fileName: "Schlagloch Hauptstraße.png", mimeType: "image/png", content: png },
      // Declared as a picture, but a web page: served as bytes to save, never as a page.
      { fileName: 'rechnung".html', mimeType: "image/jpeg", content: page },
    ]);
    expect(outcome?.status).toBe("stored");
    const conversationId = outcome?.status === "stored" ? outcome.conversationId : "";
    const staff = await signedIn([bauamt.id]);
    const base = `/api/orgs/${org.id}/inbox/conversations/${conversationId}`;
    const view = await staff.request("GET", base);
    expect(view.statusCode).toBe(200);
    const [message] = view.json().messages;
    expect(message.attachments).toEqual([
      { id: expect.any(String), fileName: "Schlagloch Hauptstraße.png", mimeType: "image/png", byteSize: png.length },
      {
        id: expect.any(String),
        fileName: 'rechnung".html',
        mimeType: "application/octet-stream",
        byteSize: page.length,
      },
    ]);
    expect(message.attachmentsNotKept).toBe(0);

    const picture = await staff.request("GET", `${base}/attachments/${message.attachments[0].id}`);
    expect(picture.statusCode).toBe(200);
    expect(picture.rawPayload.equals(png)).toBe(true);
    expect(picture.headers["content-type"]).toBe("image/png");
    expect(picture.headers["content-disposition"]).toBe(
      `attachment; filename="Schlagloch Hauptstrasse.png"; filename*=UTF-8''Schlagloch%20Hauptstra%C3%9Fe.png`,
    );
    expect(picture.headers.digest).toBe(`sha-256=${Buffer.from(sha256(png), "hex").toString("base64")}`);

    const html = await staff.request("GET", `${base}/attachments/${message.attachments[1].id}`);
    expect(html.rawPayload.equals(page)).toBe(true);
    expect(html.headers["content-type"]).toBe("application/octet-stream");
    expect(html.headers["content-disposition"]).toMatch(/^attachment; filename="rechnung_\.html"; filename\*=/);
    expect(html.headers["x-content-type-options"]).toBe("nosniff");
    expect(html.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
  });

  it("are refused to a person whose departments do not reach the conversation, and to other conversations", async () => {
    const { org, kita, bauamt, signedIn, ingest } = await scene();
    const [first] = await ingest([{ fileName: "foto.png", mimeType: "image/png", content: await samplePng() }]);
    const [second] = await ingest([], "Eine Frage ohne Anhang.", "max@buerger.test");
    const conversationId = first?.status === "stored" ? first.conversationId : "";
    const otherConversation = second?.status === "stored" ? second.conversationId : "";
    const [file] = await t.ctx.db
      .select({ id: inboundAttachments.id })
      .from(inboundAttachments)
      .where(eq(inboundAttachments.orgId, org.id));
    const outsider = await signedIn([kita.id]);
    const own = await signedIn([bauamt.id]);
    expect(
      (
        await outsider.request(
          "GET",
          `/api/orgs/${org.id}/inbox/conversations/${conversationId}/attachments/${file!.id}`,
        )
      ).statusCode,
    ).toBe(403);
    // The file through another conversation the person may read: not found there.
    expect(
      (await own.request("GET", `/api/orgs/${org.id}/inbox/conversations/${otherConversation}/attachments/${file!.id}`))
        .statusCode,
    ).toBe(404);
    // Through another organisation's address, where the person is no member: as if there were nothing.
    const elsewhere = await buildOrg(t.ctx);
    expect(
      (
        await own.request(
          "GET",
          `/api/orgs/${elsewhere.id}/inbox/conversations/${conversationId}/attachments/${file!.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it("beyond the limits refuse the message with the reason, storing nothing of it", async () => {
    const { org, ingest } = await scene();
    const tooMany = Array.from({ length: ATTACHMENT_LIMITS.count + 1 }, (_, i) => ({
      fileName: `seite-${i}.txt`,
      mimeType: "text/plain",
      content: Buffer.from(`Seite ${i}`),
    }));
    const [many] = await ingest(tooMany);
    expect(many).toMatchObject({ status: "rejected", reason: expect.stringMatching(/^attachments: /) });
    const [big] = await ingest([
      { fileName: "film.mp4", mimeType: "video/mp4", content: Buffer.alloc(ATTACHMENT_LIMITS.bytesEach + 1) },
    ]);
    expect(big).toMatchObject({ status: "rejected", reason: expect.stringMatching(/^attachments\.0\.content: /) });
    const stored = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.orgId, org.id));
    expect(stored).toEqual([]);
  });

  it("are deleted with their message", async () => {
    const { org, ingest } = await scene();
    const [outcome] = await ingest([{ fileName: "foto.png", mimeType: "image/png", content: await samplePng() }]);
    const messageId = outcome?.status === "stored" ? outcome.id : "";
    const files = () => t.ctx.db.select().from(inboundAttachments).where(eq(inboundAttachments.orgId, org.id));
    expect(await files()).toHaveLength(1);
    await t.ctx.db.delete(inboundMessages).where(eq(inboundMessages.id, messageId));
    expect(await files()).toEqual([]);
  });
});

describe("a download's name", () => {
  it("keeps the exact name encoded and gives an ASCII one that cannot break the header", () => {
    expect(attachmentDisposition("Bürgerantrag (2).pdf")).toBe(
      `attachment; filename="Burgerantrag (2).pdf"; filename*=UTF-8''B%C3%BCrgerantrag%20%282%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c\r\nd.txt')).toBe(
      `attachment; filename="a_b_c__d.txt"; filename*=UTF-8''a%22b%5Cc%0D%0Ad.txt`,
    );
    expect(attachmentDisposition("")).toBe(`attachment; filename="Anhang"; filename*=UTF-8''`);
  });
});
