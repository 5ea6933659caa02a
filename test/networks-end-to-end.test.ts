// End to end with real protocol peers: an administrator connects a Mastodon account (OAuth with PKCE
// against the fake Mastodon server) and a Bluesky account (app password on a local AT Protocol network),
// publishes one post with an image and its alt text to both, citizens reply on each network, the worker's
// sync brings the replies into the inbox, the answer is written in draht and appears in each thread.
import { randomBytes } from "node:crypto";
import { AtUri } from "@atproto/api";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundMessages, userNotifications } from "../src/db/schema/index.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type LocalBluesky, startLocalBluesky } from "./peers/bluesky/localNetwork.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { createStatus } from "./peers/mastodon/statusRoutes.js";
import { buildChannelAccount, buildMedia, buildMember, buildOrg } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";

let t: TestApp;
let mastodon: MastodonPeer;
let bluesky: LocalBluesky;
beforeAll(async () => {
  t = await startTestApp({ env: LOCAL_NETWORK_ENV });
  [mastodon, bluesky] = await Promise.all([startMastodonPeer({ mediaProcessingPolls: 1 }), startLocalBluesky()]);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await mastodon?.close();
  await bluesky?.close();
});

const connectors = () =>
  createConnectorRegistry({
    db: t.ctx.db,
    clock: t.ctx.clock,
    publicUrl: t.ctx.publicUrl,
    networkServers: t.ctx.networkServers,
  });

/** The OAuth dance as the browser does it: draht → the instance's consent page → back to draht's callback. */
async function connectMastodon(admin: SignedIn, orgId: string, accountId: string, username: string) {
  const started = await admin.request("POST", `/api/orgs/${orgId}/channels/${accountId}/connection/oauth`);
  expect(started.statusCode, started.body).toBe(200);
  const authorise = new URL(started.json<{ authoriseUrl: string }>().authoriseUrl);
  expect(authorise.searchParams.get("code_challenge_method")).toBe("S256");
  const consent = await fetch(authorise);
  expect(await consent.text()).toContain("Authorize");
  const form = new URLSearchParams([...authorise.searchParams].filter(([k]) => k !== "response_type"));
  form.set("username", username);
  const approved = await fetch(`${mastodon.url}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  const back = new URL(approved.headers.get("location") ?? "");
  expect(back.pathname).toBe("/api/channel-authorisations/callback");
  const callback = await admin.request("GET", `${back.pathname}${back.search}`);
  expect(callback.statusCode).toBe(303);
  expect(callback.headers.location).toBe(`/o/${orgId}/admin/channels?connected=${accountId}`);
  // The state is single-use: replaying the callback is refused.
  const replay = await admin.request("GET", `${back.pathname}${back.search}`);
  expect(replay.headers.location).toContain("connectionError=CHANNEL_AUTH_FAILED");
}

describe("publishing to and answering on real networks", () => {
  it("publishes an image with alt text to Mastodon and Bluesky, takes the replies into the inbox and answers them in their threads", async () => {
    const org = await buildOrg(t.ctx);
    const adminMember = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const admin = await signIn(t.app, adminMember.email, adminMember.password);
    const approval = { post: "none" as const, campaign_template: "none" as const, campaign_free: "none" as const };

    const stadt = `stadt${randomBytes(3).toString("hex")}`;
    mastodon.createAccount(stadt, "Stadt Musterstadt");
    const mastodonAccount = await buildChannelAccount(t.ctx, org.id, {
      network: "mastodon",
      name: "Mastodon",
      settings: { serverUrl: mastodon.url },
      approval,
      accountableUserId: adminMember.userId,
    });
    await connectMastodon(admin, org.id, mastodonAccount.id, stadt);

    const city = await bluesky.createUser(`stadt-${randomBytes(3).toString("hex")}.test`);
    const appPassword = await city.agent.com.atproto.server.createAppPassword({ name: "draht" });
    const blueskyAccount = await buildChannelAccount(t.ctx, org.id, {
      network: "bluesky",
      name: "Bluesky",
      settings: { serviceUrl: bluesky.pdsUrl },
      approval,
    });
    const wrong = await admin.request(
      "POST",
      `/api/orgs/${org.id}/channels/${blueskyAccount.id}/connection/app-password`,
      { identifier: city.agent.session?.handle, password: "falsch-falsch-falsch" },
    );
    expect(wrong.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_AUTH_FAILED" } });
    const connected = await admin.request(
      "POST",
      `/api/orgs/${org.id}/channels/${blueskyAccount.id}/connection/app-password`,
      { identifier: city.agent.session?.handle, password: appPassword.data.password },
    );
    expect(connected.json()).toEqual({ handle: `@${city.agent.session?.handle}` });

    const health = (await admin.request("GET", `/api/orgs/${org.id}/channel-connections`)).json<{
      connections: { channelAccountId: string; connected: boolean; remoteHandle: string | null }[];
    }>();
    expect(health.connections.find((c) => c.channelAccountId === mastodonAccount.id)).toMatchObject({
      connected: true,
      remoteHandle: `@${stadt}@${mastodon.host}`,
    });
    expect(JSON.stringify(health)).not.toContain(appPassword.data.password);

    // One post, both networks, with an image and its alt text.
    const media = await buildMedia(t.ctx, org.id, { altText: "Der Marktplatz mit dem neuen Brunnen" });
    const post = await createPost(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      input: {
        body: "Der Brunnen auf dem Marktplatz läuft wieder. Was meinen Sie? #Musterstadt",
        threadParts: ["Die Wasserspiele laufen täglich von 10 bis 18 Uhr."],
        contentWarning: "Wasserspiele",
        mediaIds: [media.id],
        channels: [
          { channelAccountId: mastodonAccount.id, textOverride: null },
          { channelAccountId: blueskyAccount.id, textOverride: null },
        ],
      },
    });
    await submitPost(t.ctx, { actor: adminMember.actor, orgId: org.id, postId: post.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);

    const status = [...mastodon.state.statuses.values()].find((s) => s.text.startsWith("Der Brunnen"));
    expect(status?.mediaIds.map((id) => mastodon.state.media.get(id)?.description)).toEqual([
      "Der Marktplatz mit dem neuen Brunnen",
    ]);
    expect(status?.spoilerText).toBe("Wasserspiele");
    const records = (
      await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: "app.bsky.feed.post" })
    ).data.records;
    const skeet = records.find((r) => (r.value as { text: string }).text.startsWith("Der Brunnen"));
    expect((skeet?.value as { embed: { images: { alt: string }[] } }).embed.images.map((i) => i.alt)).toEqual([
      "Der Marktplatz mit dem neuen Brunnen",
    ]);
    expect(
      (skeet?.value as { facets: { features: { $type: string; tag?: string }[] }[] }).facets.flatMap((f) =>
        f.features.map((x) => x.tag),
      ),
    ).toEqual(["Musterstadt"]);
    // The post was a thread of two: the second answers the first on each network.
    const followUp = [...mastodon.state.statuses.values()].find((s) => s.text.startsWith("Die Wasserspiele"));
    expect(followUp).toMatchObject({ inReplyToId: status?.id, spoilerText: "Wasserspiele", mediaIds: [] });
    const secondSkeet = records.find((r) => (r.value as { text: string }).text.startsWith("Die Wasserspiele"));
    expect((secondSkeet?.value as { reply: { root: { uri: string }; parent: { uri: string } } }).reply).toMatchObject({
      root: { uri: skeet?.uri },
      parent: { uri: skeet?.uri },
    });

    // Citizens answer on each network.
    if (!status || !skeet) throw new Error("the post did not reach both networks");
    const citizenOnMastodon = mastodon.state.addAccount("anna", "Anna Beispiel", false, "social.example");
    createStatus(mastodon.state, citizenOnMastodon, {
      text: `@${stadt} Wird das Wasser im Winter abgestellt?`,
      inReplyToId: status.id,
    });
    const citizen = await bluesky.createUser(`ben-${randomBytes(3).toString("hex")}.test`);
    await bluesky.untilIndexed(citizen.agent, skeet.uri);
    const parent = await bluesky.refOf(citizen.agent, skeet.uri);
    const benReply = await citizen.agent.post({
      text: "Wann wird der Brunnen wieder beleuchtet?",
      reply: { root: parent.root, parent: parent.ref },
      createdAt: new Date().toISOString(),
    });
    await bluesky.untilNotified(city.agent, benReply.uri);

    const outcomes = await syncChannelInbound(
      t.ctx,
      { connectors: connectors() },
      { accountIds: [mastodonAccount.id, blueskyAccount.id] },
    );
    // (On a shared test database another worker may have synced first: what counts is what the inbox holds.)
    expect(outcomes.map((o) => o.status)).toEqual(["ok", "ok"]);
    const inbox = (await admin.request("GET", `/api/orgs/${org.id}/inbox/conversations`)).json<{
      conversations: { id: string; channelAccountId: string; citizenHandle: string; lastMessageText?: string }[];
    }>().conversations;
    const fromMastodon = inbox.find((c) => c.channelAccountId === mastodonAccount.id);
    const fromBluesky = inbox.find((c) => c.channelAccountId === blueskyAccount.id);
    expect(fromMastodon?.citizenHandle).toBe("@anna@social.example");
    expect(fromBluesky?.citizenHandle).toBe(`@${citizen.agent.session?.handle}`);
    // Each message can be opened on its network (Bluesky: its web address, not the at:// URI).
    const detailOf = async (id: string | undefined) =>
      (await admin.request("GET", `/api/orgs/${org.id}/inbox/conversations/${id}`)).json<{
        messages: { text: string; url: string | null }[];
      }>().messages;
    expect((await detailOf(fromMastodon?.id))[0]?.url).toMatch(new RegExp(`^${mastodon.url}/@anna`));
    expect((await detailOf(fromBluesky?.id))[0]?.url).toBe(
      `https://bsky.app/profile/${citizen.agent.session?.handle}/post/${benReply.uri.split("/").pop()}`,
    );
    // A second sync finds nothing new (the cursor was stored with the messages).
    expect(
      (
        await syncChannelInbound(
          t.ctx,
          { connectors: connectors() },
          { accountIds: [mastodonAccount.id, blueskyAccount.id] },
        )
      ).map((o) => o.received),
    ).toEqual([0, 0]);

    // Answered from draht; the answers appear in the networks' threads.
    for (const [conversation, text] of [
      [fromMastodon, "Ja, von November bis März."],
      [fromBluesky, "Ab Freitag wieder, jeden Abend bis 22 Uhr."],
    ] as const) {
      const sent = await admin.request("POST", `/api/orgs/${org.id}/inbox/conversations/${conversation?.id}/replies`, {
        text,
      });
      expect(sent.json(), sent.body).toMatchObject({ status: "sent" });
    }
    const answer = [...mastodon.state.statuses.values()].find((s) => s.text.includes("Ja, von November bis März."));
    expect(answer?.text).toBe("@anna@social.example Ja, von November bis März.");
    expect(mastodon.state.statuses.get(answer?.inReplyToId ?? "")?.accountId).toBe(citizenOnMastodon.id);
    await bluesky.settle();
    const thread = await city.agent.app.bsky.feed.getPostThread({ uri: skeet.uri, depth: 5 });
    const below = JSON.stringify(thread.data.thread);
    expect(below).toContain("Wann wird der Brunnen wieder beleuchtet?");
    expect(below).toContain("Ab Freitag wieder, jeden Abend bis 22 Uhr.");
    const ours = (
      await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: "app.bsky.feed.post" })
    ).data.records.find((r) => (r.value as { text: string }).text.startsWith("Ab Freitag"));
    expect((ours?.value as { reply: { root: { uri: string }; parent: { uri: string } } }).reply).toMatchObject({
      root: { uri: skeet.uri },
      parent: { uri: benReply.uri },
    });
    expect(new AtUri(ours?.uri ?? "").host).toBe(city.did);

    // The citizen deletes the question on Mastodon: the next sync hides it in the inbox (evidence would stay).
    const question = [...mastodon.state.statuses.values()].find((s) => s.accountId === citizenOnMastodon.id);
    if (question) question.deleted = true;
    await syncChannelInbound(t.ctx, { connectors: connectors() }, { accountIds: [mastodonAccount.id] });
    const [stored] = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(
        and(
          eq(inboundMessages.channelAccountId, mastodonAccount.id),
          eq(inboundMessages.externalId, question?.id ?? ""),
        ),
      );
    expect(stored?.visibility).toBe("deleted");

    // The post is deleted from both networks again (a wrong date): the thread's posts are gone there.
    const retracted = await admin.request("POST", `/api/orgs/${org.id}/posts/${post.id}/retract`, {
      reason: "Falsche Uhrzeit genannt",
    });
    expect(retracted.json(), retracted.body).toMatchObject({ outcomes: [{ outcome: "done" }, { outcome: "done" }] });
    expect(status.deleted).toBe(true);
    expect(followUp?.deleted).toBe(true);
    const left = (
      await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: "app.bsky.feed.post" })
    ).data.records.map((r) => (r.value as { text: string }).text);
    expect(left.filter((text) => text.startsWith("Der Brunnen") || text.startsWith("Die Wasserspiele"))).toEqual([]);

    // The instance revokes draht's token: the next publication fails, and the account says so at once.
    for (const entry of mastodon.state.tokens.values()) entry.revoked = true;
    const next = await createPost(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      input: {
        body: "Der Adventsmarkt öffnet am Freitag.",
        channels: [{ channelAccountId: mastodonAccount.id, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: adminMember.actor, orgId: org.id, postId: next.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
    const after = (await admin.request("GET", `/api/orgs/${org.id}/channel-connections`)).json<{
      connections: { channelAccountId: string; sync: { status: string; lastErrorKind: string } | null }[];
    }>();
    expect(after.connections.find((c) => c.channelAccountId === mastodonAccount.id)?.sync).toMatchObject({
      status: "needs_reconnect",
      lastErrorKind: "auth_expired",
    });
    const notified = await t.ctx.db
      .select()
      .from(userNotifications)
      .where(and(eq(userNotifications.userId, adminMember.userId), eq(userNotifications.kind, "channel_health")));
    expect(notified.map((n) => n.channelAccountId)).toEqual([mastodonAccount.id]);
  }, 120_000);
});
