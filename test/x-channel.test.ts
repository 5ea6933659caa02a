// The X channel end to end over draht's HTTP API, on the real database, against the fake X API v2 (test/peers/x/):
// an administrator creates the account and connects it by OAuth 2.0 through the fake's consent page (PKCE, the
// installation's app from X_CLIENT_ID/X_CLIENT_SECRET, tokens stored sealed); a thread with an image and its alt text
// goes out by the publish worker; a citizen's answer arrives by the sync in the inbox, threaded to the post; the
// answer from the inbox lands under it on X; a moderator hides the insult on X; the access token is refreshed
// across its expiry and the rotated pair kept; revoked access asks to connect again. Without the app, connecting
// is refused in German words.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "../src/app/channels/channelCredentials.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import type { TXCredentials } from "../src/channels/x/xOAuth.js";
import {
  channelCredentials,
  channelOauthClients,
  channelSyncStates,
  inboundMessages,
  moderationCases,
  publications,
} from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { startXPeer, type XPeer } from "./peers/x/xPeer.js";
import { citizensOf } from "./peers/x/xState.js";
import { buildMedia, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { untilValue } from "./support/until.js";

const APP = { clientId: "ZHJhaHQtZTJlLWNsaWVudA", clientSecret: "draht-e2e-client-secret-0123456789" };

let t: TestApp;
let peer: XPeer;
beforeAll(async () => {
  peer = await startXPeer(APP);
  t = await startTestApp({
    env: { ...LOCAL_NETWORK_ENV, X_CLIENT_ID: APP.clientId, X_CLIENT_SECRET: APP.clientSecret },
  });
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});

const settings = () => ({ serverUrl: peer.url, authoriseUrl: `${peer.url}/i/oauth2/authorize`, tier: "basic" });

async function xChannel(app: TestApp) {
  const org = await buildOrg(app.ctx);
  const member = await buildMember(app.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(app.app, member.email, member.password);
  const created = await admin.request("POST", `/api/orgs/${org.id}/channels`, {
    name: "X der Stadt",
    network: "x",
    settings: settings(),
    approval: { post: "none", campaign_template: "none", campaign_free: "none" },
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = (created.json() as { id: string }).id;
  return { org, member, admin, accountId, base: `/api/orgs/${org.id}/channels/${accountId}` };
}

/** The OAuth dance as the browser does it: draht → X's consent page → "Authorize app" → draht's callback. */
async function connect(admin: SignedIn, orgId: string, accountId: string, base: string) {
  const started = await admin.request("POST", `${base}/connection/oauth`);
  expect(started.statusCode, started.body).toBe(200);
  const authorise = new URL(started.json<{ authoriseUrl: string }>().authoriseUrl);
  expect(authorise.origin + authorise.pathname).toBe(`${peer.url}/i/oauth2/authorize`);
  expect(authorise.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorise.searchParams.get("scope")?.split(" ")).toContain("tweet.moderate.write");
  const consent = await fetch(authorise);
  expect(await consent.text()).toContain("Authorize app");
  const form = new URLSearchParams([...authorise.searchParams].filter(([k]) => k !== "response_type"));
  form.set("decision", "allow");
  const approved = await fetch(`${peer.url}/i/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
  const back = new URL(approved.headers.get("location") ?? "");
  const callback = await admin.request("GET", `${back.pathname}${back.search}`);
  expect(callback.statusCode).toBe(303);
  expect(callback.headers.location).toBe(`/o/${orgId}/admin/channels?connected=${accountId}`);
}

const credentialsOf = async (accountId: string) => (await openCredentials(t.ctx.db, t.ctx, accountId)) as TXCredentials;

async function sync(admin: SignedIn, base: string) {
  const answer = await admin.request("POST", `${base}/connection/sync`);
  expect(answer.statusCode, answer.body).toBe(200);
}

const connectors = () =>
  createConnectorRegistry({
    db: t.ctx.db,
    clock: t.ctx.clock,
    publicUrl: t.ctx.publicUrl,
    networkServers: t.ctx.networkServers,
    x: APP,
  });

describe("the X channel over the HTTP API", () => {
  it("connects by OAuth, publishes a thread with an image, takes an answer in, answers it and hides an insult", async () => {
    const { org, member, admin, accountId, base } = await xChannel(t);
    await connect(admin, org.id, accountId, base);
    const [sealed] = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, accountId));
    expect(sealed?.remoteHandle).toBe("@musterstadt");
    const credentials = await credentialsOf(accountId);
    expect(JSON.stringify(sealed)).not.toContain(credentials.accessToken);
    // The app's id and secret come from the configuration each time: none is kept in the database.
    expect(await t.ctx.db.select().from(channelOauthClients).where(eq(channelOauthClients.network, "x"))).toEqual([]);
    await sync(admin, base);

    const media = await buildMedia(t.ctx, org.id, { altText: "Der Marktplatz mit dem neuen Brunnen" });
    const post = await createPost(t.ctx, {
      actor: member.actor,
      orgId: org.id,
      input: {
        body: "Der Brunnen auf dem Marktplatz läuft wieder.",
        threadParts: ["Die Wasserspiele laufen täglich von 10 bis 18 Uhr."],
        mediaIds: [media.id],
        channels: [{ channelAccountId: accountId, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: member.actor, orgId: org.id, postId: post.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
    const [published] = await t.ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(published?.status, published?.lastError ?? "").toBe("published");
    const first = peer.state.tweets.get(published?.externalId ?? "");
    expect(first?.text).toBe("Der Brunnen auf dem Marktplatz läuft wieder.");
    expect(first?.mediaIds.map((id) => peer.state.media.get(id)?.altText)).toEqual([
      "Der Marktplatz mit dem neuen Brunnen",
    ]);
    expect(peer.state.below(first?.id ?? "").map((x) => x.text)).toEqual([
      "Die Wasserspiele laufen täglich von 10 bis 18 Uhr.",
    ]);

    const citizens = citizensOf(peer.state);
    citizens.reply(first?.id ?? "", "Wird das Wasser im Winter abgestellt?");
    const troll = peer.state.user("troll_42", "Troll");
    const insult = citizens.reply(first?.id ?? "", "Ihr seid alle unfähige Idioten und Versager!", troll);
    await sync(admin, base);
    const messages = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.channelAccountId, accountId));
    const question = messages.find((m) => m.text === "Wird das Wasser im Winter abgestellt?");
    expect(question).toMatchObject({ kind: "reply", authorHandle: "@erika_m", threadExternalId: first?.id });
    await sync(admin, base);
    expect(
      await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId)),
    ).toHaveLength(messages.length);

    const answer = await admin.request(
      "POST",
      `/api/orgs/${org.id}/inbox/conversations/${question?.conversationId}/replies`,
      { text: "Ja, von November bis März." },
    );
    expect(answer.statusCode, answer.body).toBe(201);
    const sent = await untilValue(
      async () => [...peer.state.tweets.values()].find((x) => x.text === "Ja, von November bis März."),
      "the answer on X",
    );
    expect(sent.referenced_tweets?.[0]?.id).toBe(question?.externalId);
    expect(sent.conversation_id).toBe(first?.id);

    const stored = messages.find((m) => m.externalId === insult.id);
    const [opened] = await t.ctx.db
      .select()
      .from(moderationCases)
      .where(eq(moderationCases.inboundMessageId, stored?.id ?? ""));
    // A decision cites a clause of the organisation's Netiquette.
    await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
    const moderator = await buildMember(t.ctx, org.id, { roles: ["moderator"] });
    const mod = await signIn(t.app, moderator.email, moderator.password);
    const decided = await mod.request("POST", `/api/orgs/${org.id}/moderation/cases/${opened?.id}/decision`, {
      action: "hide",
      clause: 3,
      reason: "Beleidigung",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(peer.state.tweets.get(insult.id)?.hidden).toBe(true);
  });

  it("refreshes the access token across its expiry, keeps the rotated pair, and asks to connect again once revoked", async () => {
    const { org, admin, accountId, base } = await xChannel(t);
    await connect(admin, org.id, accountId, base);
    const before = await credentialsOf(accountId);
    peer.state.expireAccessTokens();
    citizensOf(peer.state).mention("Ist das Bürgerbüro heute offen?");
    await sync(admin, base);
    const after = await credentialsOf(accountId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const messages = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.channelAccountId, accountId));
    expect(messages.map((m) => m.text)).toContain("Ist das Bürgerbüro heute offen?");

    peer.state.revokeAll();
    await sync(admin, base);
    const [state] = await t.ctx.db
      .select()
      .from(channelSyncStates)
      .where(eq(channelSyncStates.channelAccountId, accountId));
    expect(state?.status).toBe("needs_reconnect");
  });

  it("refuses to connect X while the installation has no app at X, in German words", async () => {
    const bare = await startTestApp({ env: LOCAL_NETWORK_ENV });
    try {
      const { admin, base } = await xChannel(bare);
      const started = await admin.request("POST", `${base}/connection/oauth`);
      expect(started.statusCode).toBe(501);
      expect(started.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_APP_NOT_CONFIGURED" } });
    } finally {
      await bare.close();
    }
  });
});
