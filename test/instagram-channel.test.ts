// The Instagram channel end to end over HTTP, on the real database, against the fake Graph API (test/peers/instagram,
// written from Meta's reference): an administrator adds the account and connects it with the page's token (checked
// at Meta, kept sealed); a carousel with alt texts is published by the worker — Instagram fetching each image from
// draht's signed address —; a citizen's comment arrives by webhook and by polling and is taken once; the answer goes
// into the comment's thread; moderation hides one comment and deletes another on Instagram; a direct message arrives
// by webhook and is answered through the page.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { connectorAccountOf } from "../src/app/channels/channelCredentials.js";
import {
  channelAccounts,
  channelCredentials,
  conversationReplies,
  inboundMessages,
  moderationCases,
  publications,
} from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type FakeInstagramApi, startFakeInstagramApi } from "./peers/instagram/fakeInstagramApi.js";
import type { Delivery } from "./peers/instagram/instagramState.js";
import { buildMedia, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
let meta: FakeInstagramApi;
beforeAll(async () => {
  let listening = "";
  // Instagram fetches the images from draht's public address; here that address is the listening test server.
  meta = await startFakeInstagramApi({
    fetchImage: (url) => {
      const u = new URL(url);
      return fetch(`${listening}${u.pathname}${u.search}`);
    },
  });
  // draht's app at Meta is the fake login's.
  const app = { META_APP_ID: meta.login.appId, META_APP_SECRET: meta.login.appSecret };
  t = await startTestApp({ env: { ...LOCAL_NETWORK_ENV, ...app } });
  listening = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await meta?.close();
  await t?.close();
});

async function connected() {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  // Off until the administrator turns it on: refused first, then created.
  const before = { name: "Instagram der Stadt", network: "instagram", settings: { igUserId: meta.state.igUserId } };
  const refused = await admin.request("POST", `/api/orgs/${org.id}/channels`, before);
  expect(refused.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_NETWORK_NOT_ENABLED" } });
  await admin.request("PUT", `/api/orgs/${org.id}/channel-networks/instagram`, { enabled: true });
  const created = await admin.request("POST", `/api/orgs/${org.id}/channels`, {
    name: "Instagram der Stadt",
    network: "instagram",
    settings: { serverUrl: meta.url, igUserId: meta.state.igUserId, pageId: meta.state.pageId },
    approval: { post: "none", campaign_template: "none", campaign_free: "none" },
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = (created.json() as { id: string }).id;
  const base = `/api/orgs/${org.id}/channels/${accountId}`;
  const wrong = await admin.request("POST", `${base}/connection/app-password`, {
    identifier: meta.state.igUserId,
    password: "EAAGfalsch",
  });
  expect(wrong.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_AUTH_FAILED" } });
  const connect = await admin.request("POST", `${base}/connection/app-password`, {
    identifier: meta.state.igUserId,
    password: meta.state.token,
  });
  expect(connect.statusCode, connect.body).toBe(200);
  expect(connect.json()).toMatchObject({ handle: "@stadt_musterstadt" });
  const [stored] = await t.ctx.db
    .select()
    .from(channelCredentials)
    .where(eq(channelCredentials.channelAccountId, accountId));
  expect(JSON.stringify(stored)).not.toContain(meta.state.token);
  const hook = await admin.request("PUT", `${base}/webhook`, { secret: meta.state.appSecret });
  expect(hook.statusCode, hook.body).toBe(200);
  return { org, member, admin, accountId, base, path: `/api/webhooks/instagram/${accountId}` };
}

const deliver = (path: string, delivery: Delivery) =>
  t.app.inject({ method: "POST", url: path, headers: delivery.headers, payload: delivery.body });

const messagesOf = (accountId: string) =>
  t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId));

async function answer(admin: SignedIn, orgId: string, conversationId: string, text: string) {
  const sent = await admin.request("POST", `/api/orgs/${orgId}/inbox/conversations/${conversationId}/replies`, {
    text,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const [row] = await t.ctx.db
    .select()
    .from(conversationReplies)
    .where(eq(conversationReplies.id, (sent.json() as { id: string }).id));
  return row;
}

async function moderate(s: Awaited<ReturnType<typeof connected>>, messageId: string, action: "hide" | "delete") {
  // The moderation pipeline may have opened a case already; else a moderator reports the comment.
  const [open] = await t.ctx.db
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .where(eq(moderationCases.inboundMessageId, messageId));
  const report = open
    ? null
    : await s.admin.request("POST", `/api/orgs/${s.org.id}/moderation/reports`, { messageId, reason: "Bitte prüfen" });
  if (report) expect(report.statusCode, report.body).toBeLessThan(300);
  const caseId = open?.id ?? (report?.json() as { id: string }).id;
  const decided = await s.admin.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${caseId}/decision`, {
    action,
    clause: 1,
    reason: "Beleidigung",
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

describe("the Instagram channel over the HTTP API", () => {
  it("connects by Facebook Login, keeping only the linked page's token, and answers who it is", async () => {
    const s = await connected();
    const started = await s.admin.request("POST", `${s.base}/connection/oauth`);
    expect(started.statusCode, started.body).toBe(200);
    const authorise = new URL(started.json<{ authoriseUrl: string }>().authoriseUrl);
    expect(authorise.pathname).toBe("/v26.0/dialog/oauth");
    expect(authorise.searchParams.get("scope")).toContain("instagram_content_publish");
    const dialog = await fetch(authorise);
    expect(dialog.status).toBe(200);
    const q = authorise.searchParams;
    const allowed = await fetch(new URL("/v26.0/dialog/oauth", authorise), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        decision: "allow",
        redirect_uri: q.get("redirect_uri") ?? "",
        state: q.get("state") ?? "",
        code_challenge: q.get("code_challenge") ?? "",
      }).toString(),
    });
    const back = new URL(allowed.headers.get("location") ?? "");
    expect(back.pathname).toBe("/api/channel-authorisations/callback");
    const callback = await s.admin.request("GET", `${back.pathname}${back.search}`);
    expect(callback.headers.location).toBe(`/o/${s.org.id}/admin/channels?connected=${s.accountId}`);
    const page = meta.login.pages.find((p) => p.instagram?.id === meta.state.igUserId);
    const other = meta.login.pages.find((p) => p !== page);
    const [row] = await t.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.id, s.accountId));
    const kept = row ? JSON.stringify((await connectorAccountOf(t.ctx.db, t.ctx, row)).credentials) : "";
    expect(kept).toContain(page?.accessToken);
    expect(kept).not.toContain(other?.accessToken);
    expect(JSON.parse(kept)).toMatchObject({ userToken: null });
    const connections = await s.admin.request("GET", `/api/orgs/${s.org.id}/channel-connections`);
    expect(JSON.stringify(connections.json())).toContain("@stadt_musterstadt");
  });

  it("publishes a carousel, takes a comment once by webhook and polling, answers it, hides and deletes comments", async () => {
    const s = await connected();
    // A text alone is blocked when it is submitted (Instagram publishes nothing without a picture), not at sending.
    const textAlone = await createPost(t.ctx, {
      actor: s.member.actor,
      orgId: s.org.id,
      input: { body: "Nur Text", mediaIds: [], channels: [{ channelAccountId: s.accountId, textOverride: null }] },
    });
    await expect(
      submitPost(t.ctx, { actor: s.member.actor, orgId: s.org.id, postId: textAlone.id, revision: 1 }),
    ).rejects.toMatchObject({
      code: "GUIDELINE_VIOLATION",
      details: { findings: [{ rule: "channel_media_required" }] },
    });
    const images = [
      await buildMedia(t.ctx, s.org.id, { altText: "Die Bühne am Marktplatz" }),
      await buildMedia(t.ctx, s.org.id, { altText: "Der Festumzug in der Altstadt" }),
    ];
    const post = await createPost(t.ctx, {
      actor: s.member.actor,
      orgId: s.org.id,
      input: {
        body: "Das Stadtfest war wunderbar!",
        mediaIds: images.map((m) => m.id),
        channels: [{ channelAccountId: s.accountId, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: s.member.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const connectors = createConnectorRegistry({
      db: t.ctx.db,
      clock: t.ctx.clock,
      publicUrl: t.ctx.publicUrl,
      networkServers: t.ctx.networkServers,
    });
    while ((await runPublishRound(t.ctx, { connectors, random: () => 0.5 })).length > 0);
    const [published] = await t.ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(published?.status, published?.lastError ?? "").toBe("published");
    const medium = meta.state.media.get(published?.externalId ?? "");
    expect(medium).toMatchObject({
      caption: "Das Stadtfest war wunderbar!",
      altTexts: ["Die Bühne am Marktplatz", "Der Festumzug in der Altstadt"],
    });

    const { comment, delivery } = meta.state.citizenComments({
      mediaId: medium?.id ?? "",
      text: "Wann ist das nächste?",
    });
    expect((await deliver(s.path, delivery)).json()).toMatchObject({ events: 1, received: 1 });
    const sync = await s.admin.request("POST", `${s.base}/connection/sync`);
    expect(sync.statusCode, sync.body).toBe(200);
    const taken = (await messagesOf(s.accountId)).filter((m) => m.externalId === comment.id);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ kind: "reply", text: "Wann ist das nächste?", threadExternalId: medium?.id });

    const reply = await answer(s.admin, s.org.id, taken[0]?.conversationId ?? "", "Im nächsten Sommer!");
    expect(reply).toMatchObject({ status: "sent", error: null });
    expect(meta.state.comments.get(reply?.externalId ?? "")).toMatchObject({
      text: "Im nächsten Sommer!",
      parentId: comment.id,
    });

    await publishNetiquette(t.ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, input: DEFAULT_NETIQUETTE });
    const rude = meta.state.citizenComments({ mediaId: medium?.id ?? "", text: "Alles Mist hier", username: "troll" });
    const spam = meta.state.citizenComments({ mediaId: medium?.id ?? "", text: "Billig kaufen!", username: "spam" });
    for (const d of [rude.delivery, spam.delivery]) expect((await deliver(s.path, d)).statusCode).toBe(200);
    const idOf = async (externalId: string) =>
      (
        await t.ctx.db
          .select({ id: inboundMessages.id })
          .from(inboundMessages)
          .where(and(eq(inboundMessages.channelAccountId, s.accountId), eq(inboundMessages.externalId, externalId)))
      )[0]?.id ?? "";
    await moderate(s, await idOf(rude.comment.id), "hide");
    expect(meta.state.comments.get(rude.comment.id)?.hidden).toBe(true);
    await moderate(s, await idOf(spam.comment.id), "delete");
    expect(meta.state.comments.has(spam.comment.id)).toBe(false);
  });

  it("takes a direct message by webhook and answers it through the page", async () => {
    const s = await connected();
    const { mid, delivery } = meta.state.citizenWritesDirect({ senderId: "7654321098765432", text: "Wo parke ich?" });
    expect((await deliver(s.path, delivery)).json()).toMatchObject({ events: 1, received: 1 });
    const [dm] = (await messagesOf(s.accountId)).filter((m) => m.externalId === mid);
    expect(dm).toMatchObject({ kind: "direct", text: "Wo parke ich?", threadExternalId: "direct:7654321098765432" });
    const reply = await answer(s.admin, s.org.id, dm?.conversationId ?? "", "Im Parkhaus am Markt.");
    expect(reply).toMatchObject({ status: "sent", error: null });
    expect(meta.state.sentMessages.at(-1)).toEqual({
      id: reply?.externalId,
      recipient: "7654321098765432",
      text: "Im Parkhaus am Markt.",
    });
  });
});
