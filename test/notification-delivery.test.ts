// Notifications by e-mail and Web Push on the real database: e-mails to a local SMTP server (German, a link
// into the app, no citizen's data), pushes to a local push service that checks the VAPID signature and
// decrypts the payload as a browser would, each exactly once; the coverage plan deciding who is woken (the
// person on duty is reached, the one off duty held until their duty begins); retries after a push service's
// trouble; each person's choices; and "Freigabe wartet" notices for the approvers of a submitted post.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { updateCoveragePlan } from "../src/app/inbox/coverage-plan.js";
import { deliverNotifications } from "../src/app/notifications/deliver-notifications.js";
import { vapidKeyBinding } from "../src/app/notifications/vapidKey.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import {
  conversations,
  notificationDeliveries,
  pushSubscriptions,
  userNotifications,
  vapidKeys,
} from "../src/db/schema/index.js";
import type { NotificationKind } from "../src/db/schema/inboxRules.js";
import type { TWeeklyWindow } from "../src/domain/schedule.js";
import { buildChannelAccount, buildMember, buildOrg, buildTestContext, systemAdminOf } from "./support/factories.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type SmtpPeer, startSmtpPeer } from "./support/smtpPeer.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildConversation } from "./support/website.js";
import { type PushService, startPushService } from "./peers/webpush/pushService.js";

// Tuesday 8 December 2026, 22:00 in Berlin; the tests only move it forward.
let now = new Date("2026-12-08T21:00:00Z");
const clock = () => now;
const morningShift: TWeeklyWindow = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" };
const eveningShift: TWeeklyWindow = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "18:00", to: "23:30" };

// The server (which makes the VAPID key) and the worker (which opens it) share the installation's vault key.
const env = { ...LOCAL_NETWORK_ENV, CREDENTIALS_KEY: randomBytes(32).toString("base64") };
let t: TestApp;
let smtp: SmtpPeer;
let push: PushService;
let worker: AppContext;
beforeAll(async () => {
  smtp = await startSmtpPeer();
  push = await startPushService();
  t = await startTestApp({ clock, env });
  worker = buildTestContext(t.database.db, { clock, env: { ...env, SMTP_URL: smtp.url } });
  await takeOverVapidKey(worker);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await push.close();
});

/**
 * On a shared PostgreSQL database another test file's installation (with a vault key of its own) may have made the
 * installation's VAPID key first; this file's installation takes it over in one statement, as an operator would
 * with a fresh key. Nothing else ever rewrites the row, so it stays this file's.
 */
async function takeOverVapidKey(ctx: AppContext) {
  const keys = webpush.generateVAPIDKeys();
  const sealed = JSON.stringify(ctx.credentials.seal(keys.privateKey, vapidKeyBinding));
  await ctx.db
    .insert(vapidKeys)
    .values({ id: "installation", publicKey: keys.publicKey, sealedPrivateKey: sealed, createdAt: now })
    .onConflictDoUpdate({ target: vapidKeys.id, set: { publicKey: keys.publicKey, sealedPrivateKey: sealed } });
}

/** An organisation with a channel account and people on it: each with a window (null: always on duty). */
async function scene(shifts: (TWeeklyWindow | null)[]) {
  const org = await buildOrg(t.ctx);
  const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox" });
  const people = [];
  for (const _ of shifts) people.push(await buildMember(t.ctx, org.id, { roles: ["moderator"] }));
  await updateCoveragePlan(t.ctx, {
    actor: systemAdminOf(org.id),
    orgId: org.id,
    input: {
      plan: people.map((p, i) => ({
        channelAccountId: account.id,
        userId: p.userId,
        role: "responsible",
        window: shifts[i] ?? null,
      })),
    },
  });
  return { org, account, people };
}

async function notify(orgId: string, userId: string, kind: NotificationKind, extra: { conversationId?: string } = {}) {
  const [row] = await t.ctx.db
    .insert(userNotifications)
    .values({ orgId, userId, kind, actorLabel: "system", createdAt: now, ...extra })
    .returning({ id: userNotifications.id });
  return row?.id ?? "";
}

async function deliveriesOf(notificationId: string) {
  return t.ctx.db
    .select({
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      outcome: notificationDeliveries.outcome,
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
}

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const pushesTo = (endpoint: string) => push.received.filter((p) => endpoint.endsWith(`/push/${p.subscriptionId}`));

/**
 * Worker rounds until one finds nothing to do: on a shared PostgreSQL database the other test files'
 * notifications queue in the same tables, and a round takes a batch at a time.
 */
async function drain(ctx: AppContext) {
  for (let round = 0; round < 50; round++) {
    const run = await deliverNotifications(ctx);
    if (run.planned + run.sent + run.held + run.failed + run.skipped === 0) return;
  }
  throw new Error("the delivery rounds did not come to rest");
}

function advance(ms: number) {
  now = new Date(now.getTime() + ms);
}

describe("e-mail", () => {
  it("e-mails a threat to the person on duty once, in German, with a link and no citizen's data", async () => {
    const { org, people } = await scene([null]);
    const [person] = people;
    if (!person) throw new Error("no person");
    const conversationId = await buildConversation(t.ctx, t.app, org.id);
    await t.ctx.db
      .update(conversations)
      .set({ citizenName: "Erika Mustermann" })
      .where(eq(conversations.id, conversationId));
    const id = await notify(org.id, person.userId, "threat", { conversationId });
    await drain(worker);
    await drain(worker);
    await drain(buildTestContext(t.database.db, { clock, env: { SMTP_URL: smtp.url } }));
    const mails = mailsTo(person.email);
    expect(mails).toHaveLength(1);
    const mail = await simpleParser(mails[0]?.raw ?? "");
    expect(mail.subject).toBe(`${org.name}: Drohung erkannt – bitte sofort prüfen`);
    expect(mail.text).toContain(`Guten Tag Person ${person.email},`);
    expect(mail.text).toContain("Die Beweise sind gesichert");
    expect(mail.text).toContain(`Öffnen in draht: ${t.ctx.publicUrl}/o/${org.id}/inbox?c=${conversationId}`);
    expect(mail.text).not.toContain("Erika");
    expect(mail.text).not.toContain("Mustermann");
    expect(await deliveriesOf(id)).toEqual([{ channel: "email", status: "sent", outcome: null }]);
  });

  it("reaches the person on duty, holds the one off duty and sends theirs when their duty begins", async () => {
    const { org, people } = await scene([eveningShift, morningShift, morningShift]);
    const [evening, morning, readsFirst] = people;
    if (!evening || !morning || !readsFirst) throw new Error("no people");
    await notify(org.id, evening.userId, "threat");
    const held = await notify(org.id, morning.userId, "threat");
    const read = await notify(org.id, readsFirst.userId, "threat");
    await drain(worker);
    expect(mailsTo(evening.email)).toHaveLength(1);
    expect(mailsTo(morning.email)).toHaveLength(0);
    expect(await deliveriesOf(held)).toEqual([{ channel: "email", status: "held", outcome: null }]);
    // Read in the app during the night: no e-mail in the morning.
    await t.ctx.db.update(userNotifications).set({ readAt: now }).where(eq(userNotifications.id, read));
    advance(30 * 60_000);
    await drain(worker);
    expect(mailsTo(morning.email)).toHaveLength(0);
    // Wednesday 08:05 in Berlin: the morning shift begins.
    now = new Date("2026-12-09T07:05:00Z");
    await drain(worker);
    expect(mailsTo(morning.email)).toHaveLength(1);
    expect(mailsTo(evening.email)).toHaveLength(1);
    expect(mailsTo(readsFirst.email)).toHaveLength(0);
    expect(await deliveriesOf(read)).toEqual([{ channel: "email", status: "skipped", outcome: "read" }]);
  });

  it("never sends again what a worker stopped sending midway", async () => {
    const { org, people } = await scene([null]);
    const [person] = people;
    if (!person) throw new Error("no person");
    const id = await notify(org.id, person.userId, "threat");
    // A worker claimed it, marked it "sending" and died: whether the e-mail left is unknown.
    await t.ctx.db.update(userNotifications).set({ deliveriesPlannedAt: now }).where(eq(userNotifications.id, id));
    await t.ctx.db.insert(notificationDeliveries).values({
      notificationId: id,
      channel: "email",
      status: "sending",
      attempts: 1,
      nextAttemptAt: now,
      leaseUntil: new Date(now.getTime() - 1),
      createdAt: now,
    });
    await drain(worker);
    expect(mailsTo(person.email)).toHaveLength(0);
    expect(await deliveriesOf(id)).toEqual([{ channel: "email", status: "failed", outcome: "interrupted" }]);
  });

  it("follows each person's choices and sends nothing by e-mail without SMTP", async () => {
    const { org, people } = await scene([null, null]);
    const [chooses, keepsDefaults] = people;
    if (!chooses || !keepsDefaults) throw new Error("no people");
    const session = await signIn(t.app, chooses.email, chooses.password);
    const before = await session.request("GET", "/api/account/notifications");
    expect(before.json()).toMatchObject({
      preferences: { threats: { email: true, push: true }, mentions: { email: false, push: false } },
      emailConfigured: false,
      pushBrowsers: 0,
    });
    const preferences = {
      threats: { email: false, push: true },
      overdue_questions: { email: false, push: false },
      approvals: { email: false, push: false },
      mentions: { email: true, push: false },
      channel_trouble: { email: false, push: false },
    };
    const saved = await session.request("PUT", "/api/account/notifications", { preferences });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ preferences });
    await notify(org.id, chooses.userId, "threat");
    await notify(org.id, chooses.userId, "mention");
    const defaultMention = await notify(org.id, keepsDefaults.userId, "mention");
    const weekly = await notify(org.id, keepsDefaults.userId, "weekly_report");
    await drain(worker);
    const mails = await Promise.all(mailsTo(chooses.email).map((m) => simpleParser(m.raw)));
    expect(mails.map((m) => m.subject)).toEqual([`${org.name}: Sie wurden in einem Vorgang erwähnt`]);
    expect(mailsTo(keepsDefaults.email)).toHaveLength(0);
    expect(await deliveriesOf(defaultMention)).toEqual([]);
    expect(await deliveriesOf(weekly)).toEqual([]);
    // An installation without SMTP_URL: the choice is recorded as not sent, and nothing connects anywhere.
    const threat = await notify(org.id, keepsDefaults.userId, "threat");
    const before2 = smtp.received.length;
    await drain(t.ctx);
    expect(smtp.received.length).toBe(before2);
    expect(await deliveriesOf(threat)).toEqual([{ channel: "email", status: "skipped", outcome: "not_configured" }]);
  });
});

describe("Web Push", () => {
  it("pushes a notice signed with the installation's key, encrypted for the browser, once", async () => {
    const { org, people } = await scene([null]);
    const [person] = people;
    if (!person) throw new Error("no person");
    const session = await signIn(t.app, person.email, person.password);
    const key = (await session.request("GET", "/api/account/push/key")).json() as { publicKey: string };
    expect((await session.request("GET", "/api/account/push/key")).json()).toEqual(key);
    const browser = push.subscribe();
    const subscribed = await session.request("POST", "/api/account/push/subscriptions", browser);
    expect(subscribed.statusCode, subscribed.body).toBe(200);
    const id = await notify(org.id, person.userId, "threat");
    await drain(worker);
    await drain(worker);
    const received = pushesTo(browser.endpoint);
    expect(push.refused).toEqual([]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      vapidPublicKey: key.publicKey,
      claims: { aud: new URL(browser.endpoint).origin, sub: "mailto:draht@localhost" },
      ttl: "86400",
      urgency: "high",
      payload: {
        title: "Drohung erkannt – bitte sofort prüfen",
        body: `${org.name} – in draht öffnen`,
        url: `${t.ctx.publicUrl}/o/${org.id}`,
        tag: id,
      },
    });
    expect((await deliveriesOf(id)).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: "email", status: "sent", outcome: null },
      { channel: "push", status: "sent", outcome: null },
    ]);
  });

  it("tries again after the push service's trouble, and forgets a browser whose subscription ended", async () => {
    const { org, people } = await scene([null]);
    const [person] = people;
    if (!person) throw new Error("no person");
    const session = await signIn(t.app, person.email, person.password);
    const browser = push.subscribe();
    await session.request("POST", "/api/account/push/subscriptions", browser);
    push.failNext(503, 1);
    const id = await notify(org.id, person.userId, "threat");
    await drain(worker);
    expect(pushesTo(browser.endpoint)).toHaveLength(0);
    expect(await deliveriesOf(id)).toContainEqual({ channel: "push", status: "pending", outcome: "retry" });
    await drain(worker); // not yet due again
    expect(pushesTo(browser.endpoint)).toHaveLength(0);
    advance(61_000);
    await drain(worker);
    await drain(worker);
    expect(pushesTo(browser.endpoint)).toHaveLength(1);
    expect(await deliveriesOf(id)).toContainEqual({ channel: "push", status: "sent", outcome: null });

    push.expire(browser.endpoint);
    const after = await notify(org.id, person.userId, "threat");
    await drain(worker);
    expect(await deliveriesOf(after)).toContainEqual({ channel: "push", status: "failed", outcome: "gone" });
    const left = await t.ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, person.userId));
    expect(left).toEqual([]);
  });

  it("lets only the browser's own person remove it, and refuses a push service at a private address", async () => {
    const { people } = await scene([null, null]);
    const [owner, other] = people;
    if (!owner || !other) throw new Error("no people");
    const browser = push.subscribe();
    const ownerSession = await signIn(t.app, owner.email, owner.password);
    const otherSession = await signIn(t.app, other.email, other.password);
    await ownerSession.request("POST", "/api/account/push/subscriptions", browser);
    const removed = await otherSession.request("POST", "/api/account/push/subscriptions/remove", {
      endpoint: browser.endpoint,
    });
    expect(removed.statusCode).toBe(200);
    const mine = () => t.ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, owner.userId));
    expect(await mine()).toHaveLength(1);
    await ownerSession.request("POST", "/api/account/push/subscriptions/remove", { endpoint: browser.endpoint });
    expect(await mine()).toHaveLength(0);
    const refused = await ownerSession.request("POST", "/api/account/push/subscriptions", {
      ...browser,
      endpoint: "http://10.0.0.7/push/abc",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { details: { field: "endpoint", problem: "push_service_not_allowed" } },
    });
    // Keys Web Push cannot encrypt for are refused when registered, not found out when a threat is to be sent.
    for (const keys of [
      { p256dh: "A".repeat(87), auth: browser.keys.auth },
      { p256dh: `B${"A".repeat(86)}`, auth: browser.keys.auth },
      { p256dh: browser.keys.p256dh, auth: "A".repeat(32) },
    ]) {
      const unusable = await ownerSession.request("POST", "/api/account/push/subscriptions", { ...browser, keys });
      expect(unusable.statusCode, JSON.stringify(keys)).toBe(400);
      expect(unusable.json()).toMatchObject({ error: { details: { field: "keys", problem: "push_keys_unusable" } } });
    }
    expect(await mine()).toHaveLength(0);

    // A browser another person registers afterwards is theirs alone, registered anew.
    await ownerSession.request("POST", "/api/account/push/subscriptions", browser);
    const [before] = await mine();
    await otherSession.request("POST", "/api/account/push/subscriptions", browser);
    expect(await mine()).toHaveLength(0);
    const [taken] = await t.ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, other.userId));
    expect(taken?.id).not.toBe(before?.id);
  });
});

describe("Freigabe wartet", () => {
  it("tells the members who may approve a submitted post, not its author", async () => {
    const org = await buildOrg(t.ctx);
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "sandbox",
      approval: { post: "single", campaign_template: "none", campaign_free: "single" },
    });
    const author = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const approver = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
    const analyst = await buildMember(t.ctx, org.id, { roles: ["analyst"] });
    const post = await createPost(t.ctx, {
      actor: author.actor,
      orgId: org.id,
      input: { body: "Hallo Musterstadt", channels: [{ channelAccountId: account.id, textOverride: null }] },
    });
    await submitPost(t.ctx, { actor: author.actor, orgId: org.id, postId: post.id, revision: 1 });
    const notices = await t.ctx.db
      .select({ userId: userNotifications.userId, postId: userNotifications.postId })
      .from(userNotifications)
      .where(and(eq(userNotifications.orgId, org.id), eq(userNotifications.kind, "approval_waiting")));
    const recipients = notices.map((n) => n.userId);
    expect(recipients).toContain(approver.userId);
    expect(recipients).not.toContain(author.userId);
    expect(recipients).not.toContain(analyst.userId);
    expect(notices.every((n) => n.postId === post.id)).toBe(true);
    const session = await signIn(t.app, approver.email, approver.password);
    const list = await session.request("GET", `/api/orgs/${org.id}/inbox/notifications`);
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { notifications: { kind: string }[] }).notifications.map((n) => n.kind)).toContain(
      "approval_waiting",
    );
  });
});
