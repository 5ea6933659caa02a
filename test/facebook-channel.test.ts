// The Facebook page channel end to end over HTTP, on the real database, against the fake Graph API
// (test/peers/facebook, with the Facebook Login peer mounted): an administrator connects the page through Facebook
// Login (dialog, code, long-lived token, the person's pages — only this page's token is kept, sealed); a post with a
// photo and its alt text and a post with a link are published; a citizen's comment arrives by Meta's signed webhook
// AND by polling and is one message; it is answered in its thread; offensive comments are hidden, deleted and their
// author banned through moderation decisions; a Messenger message is answered within 24 hours and refused after;
// a revoked login fails the connection check as auth_expired ("bitte erneut verbinden").
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "../src/app/channels/channelCredentials.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import {
  channelCredentials,
  channelOauthClients,
  conversationReplies,
  inboundMessages,
} from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type FakePageGraph, startFakePageGraph } from "./peers/facebook/fakePageGraph.js";
import { buildChannelAccount, buildMedia, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let now = new Date("2026-12-07T09:00:00Z");
let t: TestApp;
let graph: FakePageGraph;
beforeAll(async () => {
  graph = await startFakePageGraph({ clock: () => now });
  t = await startTestApp({
    clock: () => now,
    env: { ...LOCAL_NETWORK_ENV, META_APP_ID: graph.login.appId, META_APP_SECRET: graph.login.appSecret },
  });
});
afterAll(async () => {
  await t?.close();
  await graph?.close();
});

const connectors = () =>
  createConnectorRegistry({
    db: t.ctx.db,
    clock: t.ctx.clock,
    publicUrl: t.ctx.publicUrl,
    networkServers: t.ctx.networkServers,
    meta: { appId: graph.login.appId, appSecret: graph.login.appSecret },
  });

/** Facebook Login as the browser does it: draht → the dialog → "Weiter als …" → back to draht's callback. */
async function connectThroughLogin(admin: SignedIn, orgId: string, accountId: string) {
  const started = await admin.request("POST", `/api/orgs/${orgId}/channels/${accountId}/connection/oauth`);
  expect(started.statusCode, started.body).toBe(200);
  const authorise = new URL(started.json<{ authoriseUrl: string }>().authoriseUrl);
  expect(authorise.searchParams.get("client_id")).toBe(graph.login.appId);
  expect(authorise.searchParams.get("scope")).toContain("pages_manage_engagement");
  expect(await (await fetch(authorise)).text()).toContain("Weiter als Erika");
  const form = new URLSearchParams({ decision: "allow" });
  for (const name of ["redirect_uri", "state", "code_challenge"])
    form.set(name, authorise.searchParams.get(name) ?? "");
  const decided = await fetch(new URL(authorise.pathname, authorise), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const back = new URL(decided.headers.get("location") ?? "");
  const callback = await admin.request("GET", `${back.pathname}${back.search}`);
  expect(callback.statusCode).toBe(303);
  expect(callback.headers.location).toBe(`/o/${orgId}/admin/channels?connected=${accountId}`);
}

async function connected() {
  const org = await buildOrg(t.ctx);
  await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  // Facebook is off until an administrator turns it on for the organisation (Art. 26 DSGVO).
  const enabled = await admin.request("PUT", `/api/orgs/${org.id}/channel-networks/facebook`, { enabled: true });
  expect(enabled.statusCode, enabled.body).toBe(200);
  const account = await buildChannelAccount(t.ctx, org.id, {
    network: "facebook",
    name: "Facebook",
    settings: { serverUrl: graph.url, pageId: graph.state.pageId },
    approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    accountableUserId: member.userId,
  });
  await connectThroughLogin(admin, org.id, account.id);
  const hook = await admin.request("PUT", `/api/orgs/${org.id}/channels/${account.id}/webhook`, {
    secret: graph.login.appSecret,
  });
  expect(hook.statusCode, hook.body).toBe(200);
  return { org, member, account, admin, path: `/api/webhooks/facebook/${account.id}` };
}
type Scene = Awaited<ReturnType<typeof connected>>;

const deliver = (path: string, delivery: { body: string; signature: string }) =>
  t.app.inject({
    method: "POST",
    url: path,
    headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature },
    payload: delivery.body,
  });
const messagesOf = (accountId: string) =>
  t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId));
const sync = (s: Scene) => syncChannelInbound(t.ctx, { connectors: connectors() }, { accountIds: [s.account.id] });

async function publish(s: Scene, body: string, mediaIds: string[] = []) {
  const post = await createPost(t.ctx, {
    actor: s.member.actor,
    orgId: s.org.id,
    input: { body, mediaIds, channels: [{ channelAccountId: s.account.id, textOverride: null }] },
  });
  await submitPost(t.ctx, { actor: s.member.actor, orgId: s.org.id, postId: post.id, revision: 1 });
  while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
  const published = [...graph.state.posts.values()].find((p) => p.message === body);
  if (!published) throw new Error("the post did not reach the page");
  return published;
}

async function answer(s: Scene, conversationId: string, text: string) {
  const sent = await s.admin.request("POST", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}/replies`, {
    text,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const [row] = await t.ctx.db
    .select()
    .from(conversationReplies)
    .where(eq(conversationReplies.id, (sent.json() as { id: string }).id));
  return row;
}

describe("the Facebook page channel", () => {
  it("connects through Facebook Login, keeping only the page's token, sealed", async () => {
    const s = await connected();
    const health = (await s.admin.request("GET", `/api/orgs/${s.org.id}/channel-connections`)).json<{
      connections: { channelAccountId: string; connected: boolean; remoteHandle: string | null }[];
    }>();
    expect(health.connections.find((c) => c.channelAccountId === s.account.id)).toMatchObject({
      connected: true,
      remoteHandle: "Stadt Musterstadt",
    });
    const [stored] = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, s.account.id));
    expect(JSON.stringify(stored)).not.toContain(graph.state.pageToken);
    expect(await openCredentials(t.ctx.db, t.ctx, s.account.id)).toMatchObject({
      userToken: null,
      pages: [{ id: graph.state.pageId }],
    });
    // draht's app secret at Meta stays in the configuration: no OAuth client is stored for Facebook.
    const clients = await t.ctx.db
      .select()
      .from(channelOauthClients)
      .where(eq(channelOauthClients.network, "facebook"));
    expect(clients).toEqual([]);
  });

  it("publishes a photo with its alt text and a link, takes a comment once by webhook and polling, and answers it in its thread", async () => {
    const s = await connected();
    const media = await buildMedia(t.ctx, s.org.id, { altText: "Der Marktplatz mit dem neuen Brunnen" });
    const photoPost = await publish(s, "Der Brunnen läuft wieder.", [media.id]);
    expect(photoPost.photoIds.map((id) => graph.state.photos.get(id)?.altText)).toEqual([
      "Der Marktplatz mit dem neuen Brunnen",
    ]);
    const linkPost = await publish(s, "Alles zur Wahl: https://www.musterstadt.de/wahl");
    expect(linkPost.link).toBe("https://www.musterstadt.de/wahl");

    const { comment, delivery } = graph.state.comment(photoPost.id, "Wird das Wasser im Winter abgestellt?");
    const taken = await deliver(s.path, delivery);
    expect(taken.json()).toMatchObject({ events: 1, received: 1 });
    expect((await sync(s)).map((o) => o.status)).toEqual(["ok"]);
    const messages = await messagesOf(s.account.id);
    expect(messages.map((m) => [m.externalId, m.kind, m.threadExternalId])).toEqual([
      [comment.id, "reply", photoPost.id],
    ]);

    const reply = await answer(s, messages[0]?.conversationId ?? "", "Ja, von November bis März.");
    expect(reply).toMatchObject({ status: "sent", error: null });
    expect(graph.state.threadOf(photoPost.id).map((c) => [c.message, c.parentId])).toEqual([
      ["Wird das Wasser im Winter abgestellt?", null],
      ["Ja, von November bis März.", comment.id],
    ]);
    // The page's own answer comes back by polling, but is not a citizen's message.
    await sync(s);
    expect(await messagesOf(s.account.id)).toHaveLength(1);
  });

  it("hides and deletes offensive comments and bans their author through moderation decisions", async () => {
    const s = await connected();
    const moderator = await buildMember(t.ctx, s.org.id, { roles: ["moderator"] });
    const mod = await signIn(t.app, moderator.email, moderator.password);
    const post = await publish(s, `Baustelle Hauptstraße ${Date.now()}`);
    const troll = graph.state.citizen("Troll");
    const insults = ["Du bist so ein dummes Arschloch", "Ihr Vollidioten im Rathaus", "Halt die Klappe, du Idiot"];
    for (const text of insults)
      expect((await deliver(s.path, graph.state.comment(post.id, text, troll).delivery)).statusCode).toBe(200);
    const cases = (await mod.request("GET", `/api/orgs/${s.org.id}/moderation/cases`)).json<{
      cases: { id: string; message: { text: string } }[];
    }>().cases;
    const caseOf = (text: string) => cases.find((c) => c.message.text === text)?.id ?? "";
    const commentOf = (text: string) => [...graph.state.comments.values()].find((c) => c.message === text);
    const decide = (text: string, action: string) =>
      mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${caseOf(text)}/decision`, {
        action,
        clause: 3,
        reason: "Beleidigung",
      });
    expect((await decide(insults[0] ?? "", "hide")).statusCode).toBe(200);
    expect(commentOf(insults[0] ?? "")?.hidden).toBe(true);
    expect((await decide(insults[1] ?? "", "delete")).statusCode).toBe(200);
    expect(commentOf(insults[1] ?? "")?.deleted).toBe(true);
    expect((await decide(insults[2] ?? "", "block")).statusCode).toBe(200);
    expect(graph.state.blocked.has(troll.id)).toBe(true);
  });

  it("answers a Messenger message within 24 hours of it, and refuses a free answer after that without calling Meta", async () => {
    const s = await connected();
    const { message, delivery } = graph.state.writeToPage("Ist mein Ausweis fertig?");
    expect((await deliver(s.path, delivery)).json()).toMatchObject({ received: 1 });
    expect((await sync(s)).map((o) => o.status)).toEqual(["ok"]);
    const [stored] = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, message.id)));
    const conversationId = stored?.conversationId ?? "";
    // (Polling also brings the page's comments from the tests before: one page at the fake serves them all.)
    expect((await messagesOf(s.account.id)).filter((m) => m.kind === "direct")).toHaveLength(1);

    const reply = await answer(s, conversationId, "Ja, Sie können ihn ab Montag abholen.");
    expect(reply).toMatchObject({ status: "sent", error: null });
    expect(graph.state.conversations.get(message.from.id)?.messages.at(-1)).toMatchObject({
      id: reply?.externalId,
      message: "Ja, Sie können ihn ab Montag abholen.",
    });

    const requests = graph.state.requests;
    now = new Date(now.getTime() + 25 * 3_600_000);
    s.admin = await signIn(t.app, s.member.email, s.member.password); // yesterday's session has ended
    // The server refuses a free answer after the window (nothing stored), before the connector would.
    const late = await s.admin.request("POST", `/api/orgs/${s.org.id}/inbox/conversations/${conversationId}/replies`, {
      text: "Noch ein Hinweis.",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "DRAHT_ERR_ANSWER_WINDOW_CLOSED" });
    expect(graph.state.requests).toBe(requests);
  });

  it("asks for a new connection when the person removed draht's app at Facebook", async () => {
    const s = await connected();
    graph.revoke(); // lifted by the next login (the tests before this one each connected anew)
    const synced = await s.admin.request("POST", `/api/orgs/${s.org.id}/channels/${s.account.id}/connection/sync`);
    expect(synced.json()).toMatchObject({
      outcome: { status: "needs_reconnect", error: "auth_expired: HTTP 400 Graph error 190" },
    });
  });
});
