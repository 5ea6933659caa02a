// The webhook endpoint end to end over HTTP, on the real database: an administrator sets it up for a sandbox
// account (the sandbox speaks Meta's webhook protocol), the network's handshake is answered, a signed
// delivery lands in the inbox before the 200, and forged, malformed, replayed, stale and oversized deliveries
// are refused with nothing stored (an old event among current ones is left out alone), counted on the channels page and logged without their payload.
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetOldWebhookEvents } from "../src/app/channels/receive-webhook.js";
import { metaSignature } from "../src/channels/meta/metaWebhooks.js";
import { channelWebhooks, conversations, inboundMessages, webhookEvents } from "../src/db/schema/index.js";
import { createLogger } from "../src/logger.js";
import { buildChannelAccount, buildMember, buildOrg } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let now = new Date("2026-11-25T09:00:00Z");
const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await startTestApp({
    clock: () => now,
    env: { WEBHOOK_BODY_LIMIT_BYTES: "4096" },
    logger: createLogger({ level: "info", destination }),
  });
});
afterAll(() => t.close());

async function scene() {
  const org = await buildOrg(t.ctx);
  const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox" });
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  const setUp = await admin.request("PUT", `/api/orgs/${org.id}/channels/${account.id}/webhook`, {});
  expect(setUp.statusCode, setUp.body).toBe(200);
  const hook = setUp.json() as { callbackUrl: string; verifyToken: string; secret: string };
  return { org, account, admin, hook, path: `/api/webhooks/sandbox/${account.id}` };
}

/** A page's delivery as Meta sends it: one comment on one of the page's posts. */
function commentDelivery(args: { pageId?: string; commentId: string; text: string; at?: Date }) {
  const time = Math.floor((args.at ?? now).getTime() / 1000);
  return JSON.stringify({
    object: "page",
    entry: [
      {
        id: args.pageId ?? "1001",
        time,
        changes: [
          {
            field: "feed",
            value: {
              from: { id: "5550001", name: "Erika Mustermann" },
              item: "comment",
              comment_id: args.commentId,
              post_id: "1001_777",
              parent_id: "1001_777",
              verb: "add",
              created_time: time,
              message: args.text,
            },
          },
        ],
      },
    ],
  });
}

const deliver = (path: string, body: string, signature: string | null) =>
  t.app.inject({
    method: "POST",
    url: path,
    headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
    payload: body,
  });

async function stored(accountId: string) {
  return t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId));
}

async function counters(admin: SignedIn, orgId: string, accountId: string) {
  const list = await admin.request("GET", `/api/orgs/${orgId}/channel-connections`);
  const connections = (list.json() as { connections: { channelAccountId: string; webhook: unknown }[] }).connections;
  return connections.find((c) => c.channelAccountId === accountId)?.webhook as {
    eventsAccepted: number;
    messagesReceived: number;
    requestsRefused: number;
    lastRefusal: string | null;
    callbackUrl: string;
  } | null;
}

describe("the webhook endpoint", () => {
  it("answers the network's handshake with the challenge only for the verification token it showed", async () => {
    const s = await scene();
    expect(s.hook.callbackUrl).toBe(`${t.ctx.publicUrl}${s.path}`);
    expect(s.hook.secret.length).toBeGreaterThanOrEqual(40);
    const ask = (token: string) =>
      t.app.inject({
        method: "GET",
        url: `${s.path}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`,
      });
    const answered = await ask(s.hook.verifyToken);
    expect(answered.statusCode).toBe(200);
    expect(answered.headers["content-type"]).toContain("text/plain");
    expect(answered.body).toBe("1158201444");
    expect((await ask("falsch")).statusCode).toBe(403);
  });

  it("stores a signed delivery in the inbox before it answers, and takes each event once", async () => {
    const s = await scene();
    const body = commentDelivery({ commentId: "777_9001", text: "Wann öffnet das Bürgeramt am Samstag?" });
    const response = await deliver(s.path, body, metaSignature(body, s.hook.secret));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ events: 1, received: 1, replayed: 0, stale: 0 });
    // Committed when the network hears 200: another connection reads it at once.
    const [message] = await stored(s.account.id);
    expect(message).toMatchObject({
      externalId: "777_9001",
      kind: "comment",
      authorName: "Erika Mustermann",
      threadExternalId: "1001_777",
      text: "Wann öffnet das Bürgeramt am Samstag?",
    });
    const [conversation] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, message?.conversationId ?? ""));
    expect(conversation?.intent).toBe("question");

    // The same delivery again (a retry after a lost answer, or someone replaying it): 200, nothing stored.
    const again = await deliver(s.path, body, metaSignature(body, s.hook.secret));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ events: 1, received: 0, replayed: 1, stale: 0 });
    expect(await stored(s.account.id)).toHaveLength(1);
    expect(await counters(s.admin, s.org.id, s.account.id)).toMatchObject({
      eventsAccepted: 1,
      messagesReceived: 1,
      requestsRefused: 1,
      lastRefusal: "replayed",
    });
  });

  it("refuses forged, malformed, stale and oversized deliveries (counted, no payload in the log) and leaves out an old event alone", async () => {
    const s = await scene();
    const secretText = "Geheimer Hinweis 4711 an die Verwaltung";
    const body = commentDelivery({ commentId: "777_9100", text: secretText });

    const unsigned = await deliver(s.path, body, null);
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe("DRAHT_ERR_WEBHOOK_SIGNATURE_INVALID");
    const forged = await deliver(s.path, body, metaSignature(body, "ein anderes Geheimnis"));
    expect(forged.statusCode).toBe(401);
    // A valid signature over another body does not carry over (the body was changed on the way).
    const tampered = await deliver(s.path, body.replace("4711", "4712"), metaSignature(body, s.hook.secret));
    expect(tampered.statusCode).toBe(401);

    const notJson = "{ kein json";
    expect((await deliver(s.path, notJson, metaSignature(notJson, s.hook.secret))).statusCode).toBe(400);
    const wrongShape = JSON.stringify({
      object: "page",
      entry: [{ id: "1001", time: 1, changes: [{ field: "feed", value: { item: "comment" } }] }],
    });
    expect((await deliver(s.path, wrongShape, metaSignature(wrongShape, s.hook.secret))).statusCode).toBe(400);

    const old = commentDelivery({
      commentId: "777_9101",
      text: secretText,
      at: new Date(now.getTime() - 8 * 86_400_000),
    });
    const stale = await deliver(s.path, old, metaSignature(old, s.hook.secret));
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe("DRAHT_ERR_WEBHOOK_EVENT_STALE");

    // One old event among current ones (a network's batch): the old one is left out, the current one taken.
    const mixed = JSON.parse(commentDelivery({ commentId: "777_9103", text: "Ist die Brücke wieder offen?" }));
    const oldEntry = JSON.parse(old).entry[0];
    mixed.entry.push(oldEntry);
    const mixedBody = JSON.stringify(mixed);
    const taken = await deliver(s.path, mixedBody, metaSignature(mixedBody, s.hook.secret));
    expect(taken.json()).toEqual({ events: 2, received: 1, replayed: 0, stale: 1 });
    expect((await stored(s.account.id)).map((m) => m.externalId)).toEqual(["777_9103"]);

    const huge = commentDelivery({ commentId: "777_9102", text: `${secretText} ${"x".repeat(5000)}` });
    expect((await deliver(s.path, huge, metaSignature(huge, s.hook.secret))).statusCode).toBe(413);

    expect((await stored(s.account.id)).map((m) => m.externalId)).toEqual(["777_9103"]);
    expect(await counters(s.admin, s.org.id, s.account.id)).toMatchObject({
      eventsAccepted: 1,
      requestsRefused: 6,
      lastRefusal: "stale",
    });
    expect(logLines.some((line) => line.includes("webhook delivery refused"))).toBe(true);
    // The secret words, also of the tampered body (a bare "4711" could match a logged response time).
    expect(logLines.filter((line) => line.includes("Geheimer Hinweis"))).toEqual([]);
  });

  it("answers 404 for an account without a webhook, another network's address, and after removal", async () => {
    const s = await scene();
    const body = commentDelivery({ commentId: "777_9200", text: "Hallo" });
    const signature = metaSignature(body, s.hook.secret);
    const org = await buildOrg(t.ctx);
    const other = await buildChannelAccount(t.ctx, org.id, { network: "sandbox" });
    expect((await deliver(`/api/webhooks/sandbox/${other.id}`, body, signature)).statusCode).toBe(404);
    expect((await deliver(`/api/webhooks/mastodon/${s.account.id}`, body, signature)).statusCode).toBe(404);
    const removed = await s.admin.request("DELETE", `/api/orgs/${s.org.id}/channels/${s.account.id}/webhook`);
    expect(removed.json()).toEqual({ removed: true });
    expect((await deliver(s.path, body, signature)).statusCode).toBe(404);
    expect(await stored(s.account.id)).toHaveLength(0);
    expect(await counters(s.admin, s.org.id, s.account.id)).toBeNull();
  });

  it("takes the network's own app secret, and a new secret makes the old signature worthless", async () => {
    const s = await scene();
    const appSecret = "0123456789abcdef0123456789abcdef";
    const given = await s.admin.request("PUT", `/api/orgs/${s.org.id}/channels/${s.account.id}/webhook`, {
      secret: appSecret,
    });
    expect(given.json()).toMatchObject({ secret: null });
    const body = commentDelivery({ commentId: "777_9300", text: "Danke für die Info!" });
    expect((await deliver(s.path, body, metaSignature(body, s.hook.secret))).statusCode).toBe(401);
    expect((await deliver(s.path, body, metaSignature(body, appSecret))).statusCode).toBe(200);
    // Sealed at rest: the secret is not in the row.
    const [row] = await t.ctx.db
      .select()
      .from(channelWebhooks)
      .where(eq(channelWebhooks.channelAccountId, s.account.id));
    expect(JSON.stringify(row)).not.toContain(appSecret);
  });

  it("forgets event ids once a replay could no longer fall inside the window", async () => {
    const s = await scene();
    const body = commentDelivery({ commentId: "777_9400", text: "Wo finde ich den Antrag?" });
    expect((await deliver(s.path, body, metaSignature(body, s.hook.secret))).statusCode).toBe(200);
    const ids = () => t.ctx.db.select().from(webhookEvents).where(eq(webhookEvents.channelAccountId, s.account.id));
    expect(await ids()).toHaveLength(1);
    now = new Date(now.getTime() + 7 * 86_400_000);
    await forgetOldWebhookEvents(t.ctx);
    expect(await ids()).toHaveLength(1); // a replay now would still be inside the window
    now = new Date(now.getTime() + 2 * 3_600_000);
    await forgetOldWebhookEvents(t.ctx);
    expect(await ids()).toHaveLength(0);
    // And the replay itself is refused as stale, so forgetting the id lets nothing in twice.
    const replay = await deliver(s.path, body, metaSignature(body, s.hook.secret));
    expect(replay.statusCode).toBe(400);
    expect(await stored(s.account.id)).toHaveLength(1);
  });
});
