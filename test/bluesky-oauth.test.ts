// Connecting a Bluesky account by AT Protocol OAuth against a real local network (@atproto/dev-env: PLC,
// PDS with its OAuth provider, AppView): draht starts the authorisation (PAR, PKCE, DPoP) as a loopback
// client, the person signs in and approves on the PDS's own page, the browser comes back through
// 127.0.0.1 to the callback; then draht publishes (text, a threadgate, a video) and reads as the account, renews the session when its
// access token has expired (the rotated refresh token is sealed again), and ends the session on
// disconnecting, after which the old credentials no longer work.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials, storeCredentials } from "../src/app/channels/channelCredentials.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { uploadMedia } from "../src/app/media/upload-media.js";
import { decideModerationCase } from "../src/app/moderation/decide-moderation-case.js";
import { updateModerationSettings } from "../src/app/moderation/moderation-settings.js";
import { createPost } from "../src/app/posts/create-post.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import {
  channelCredentials,
  inboundMessages,
  moderationCases,
  moderationDecisions,
  publications,
} from "../src/db/schema/index.js";
import { ConnectorError } from "../src/domain/connector.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type LocalBluesky, startLocalBluesky } from "./peers/bluesky/localNetwork.js";
import { approveOnPds } from "./peers/bluesky/oauthConsent.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { minimalMp4 } from "./support/mp4.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";

let t: TestApp;
let bluesky: LocalBluesky;
beforeAll(async () => {
  bluesky = await startLocalBluesky();
  t = await startTestApp({ env: { ATPROTO_PLC_URL: bluesky.plcUrl, ...LOCAL_NETWORK_ENV } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await bluesky?.close();
});

const connectors = () =>
  createConnectorRegistry({
    db: t.ctx.db,
    clock: t.ctx.clock,
    publicUrl: t.ctx.publicUrl,
    atproto: { plcDirectoryUrl: bluesky.plcUrl },
    networkServers: t.ctx.networkServers,
  });

interface StoredSession {
  kind: "oauth";
  did: string;
  session: { tokenSet: { refresh_token?: string; access_token: string; expires_at?: string } };
}

describe("Bluesky by AT Protocol OAuth", () => {
  it("connects on the PDS's own page, publishes and reads as the account, renews an expired session, and ends it on disconnecting", async () => {
    const org = await buildOrg(t.ctx);
    const adminMember = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const admin = await signIn(t.app, adminMember.email, adminMember.password);
    const handle = `rathaus-${randomBytes(3).toString("hex")}.test`;
    const city = await bluesky.createUser(handle);
    const approval = { post: "none" as const, campaign_template: "none" as const, campaign_free: "none" as const };
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "bluesky",
      name: "Bluesky",
      settings: { serviceUrl: bluesky.pdsUrl },
      approval,
    });

    const listed = (await admin.request("GET", `/api/orgs/${org.id}/channel-connections`)).json<{
      connections: { channelAccountId: string; connectMethods: string[]; connected: boolean }[];
    }>();
    expect(listed.connections.find((c) => c.channelAccountId === account.id)).toMatchObject({
      connectMethods: ["oauth", "app_password"],
      connected: false,
    });

    // draht pushes the request to the PDS and sends the person to its authorisation page.
    const started = await admin.request("POST", `/api/orgs/${org.id}/channels/${account.id}/connection/oauth`);
    expect(started.statusCode, started.body).toBe(200);
    const authorise = new URL(started.json<{ authoriseUrl: string }>().authoriseUrl);
    expect(`${authorise.origin}${authorise.pathname}`).toBe(`${new URL(bluesky.pdsUrl).origin}/oauth/authorize`);
    expect(authorise.searchParams.get("client_id")).toMatch(/^http:\/\/localhost\?redirect_uri=/);
    expect(authorise.searchParams.get("request_uri")).toMatch(/^urn:ietf:params:oauth:request_uri:/);

    // The person signs in there and approves; the PDS sends the browser to 127.0.0.1, which forwards to the callback.
    const back = await approveOnPds(authorise.href, handle, city.password);
    expect(`${back.origin}${back.pathname}`).toBe("http://127.0.0.1:3000/api/channel-authorisations/return");
    expect(back.searchParams.get("iss")).toBe(new URL(bluesky.pdsUrl).origin);
    const forwarded = await t.app.inject({ method: "GET", url: `${back.pathname}${back.search}` });
    expect(forwarded.statusCode).toBe(303);
    const callback = new URL(String(forwarded.headers.location));
    expect(`${callback.origin}${callback.pathname}`).toBe(`${t.ctx.publicUrl}/api/channel-authorisations/callback`);
    const done = await admin.request("GET", `${callback.pathname}${callback.search}`);
    expect(done.headers.location).toBe(`/o/${org.id}/admin/channels?connected=${account.id}`);
    // The state is single-use.
    const replay = await admin.request("GET", `${callback.pathname}${callback.search}`);
    expect(replay.headers.location).toContain("connectionError=CHANNEL_AUTH_FAILED");

    const health = (await admin.request("GET", `/api/orgs/${org.id}/channel-connections`)).json<{
      connections: { channelAccountId: string; connected: boolean; remoteHandle: string | null }[];
    }>();
    expect(health.connections.find((c) => c.channelAccountId === account.id)).toMatchObject({
      connected: true,
      remoteHandle: `@${handle}`,
    });
    const sealed = (await openCredentials(t.ctx.db, t.ctx, account.id)) as StoredSession;
    expect(sealed).toMatchObject({ kind: "oauth", did: city.did });
    expect(JSON.stringify(health)).not.toContain(sealed.session.tokenSet.access_token);
    // At rest the session (tokens and the DPoP key) is sealed, not readable.
    const [row] = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, account.id));
    expect(JSON.stringify(row)).not.toContain(sealed.session.tokenSet.access_token);

    // Publishing as the account.
    const post = await createPost(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      input: {
        body: "Das Bürgerbüro hat am Samstag geöffnet.",
        channels: [{ channelAccountId: account.id, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: adminMember.actor, orgId: org.id, postId: post.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
    const [published] = await t.ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(published?.status, published?.lastError ?? "").toBe("published");
    const records = (
      await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: "app.bsky.feed.post" })
    ).data.records;
    expect(records.map((r) => (r.value as { text: string }).text)).toContain("Das Bürgerbüro hat am Samstag geöffnet.");

    // A post only mentioned accounts may answer: its threadgate says so.
    const gated = await createPost(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      input: {
        body: "Unwetterwarnung: Bitte bleiben Sie zu Hause.",
        replyPolicy: "mentioned",
        channels: [{ channelAccountId: account.id, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: adminMember.actor, orgId: org.id, postId: gated.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
    const [gatedOut] = await t.ctx.db.select().from(publications).where(eq(publications.postId, gated.id));
    const gate = await city.agent.com.atproto.repo.getRecord({
      repo: city.did,
      collection: "app.bsky.feed.threadgate",
      rkey: (gatedOut?.externalId ?? "").split("/").pop() ?? "",
    });
    expect(gate.data.value).toMatchObject({
      post: gatedOut?.externalId,
      allow: [{ $type: "app.bsky.feed.threadgate#mentionRule" }],
    });

    // A video (one, alone): uploaded to the PDS as a blob, embedded with its description.
    const video = await uploadMedia(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      bytes: Buffer.from(minimalMp4(12)),
      maxBytes: 10_000_000,
      meta: { fileName: "gruss.mp4", altText: "Die Bürgermeisterin grüßt vom Marktplatz", hasCaptions: true },
    });
    const withVideo = await createPost(t.ctx, {
      actor: adminMember.actor,
      orgId: org.id,
      input: {
        body: "Ein Gruß vom Marktplatz.",
        mediaIds: [video.id],
        channels: [{ channelAccountId: account.id, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: adminMember.actor, orgId: org.id, postId: withVideo.id, revision: 1 });
    while ((await runPublishRound(t.ctx, { connectors: connectors(), random: () => 0.5 })).length > 0);
    const [videoOut] = await t.ctx.db.select().from(publications).where(eq(publications.postId, withVideo.id));
    expect(videoOut?.status, videoOut?.lastError ?? "").toBe("published");
    const videoRecord = await city.agent.com.atproto.repo.getRecord({
      repo: city.did,
      collection: "app.bsky.feed.post",
      rkey: (videoOut?.externalId ?? "").split("/").pop() ?? "",
    });
    expect(videoRecord.data.value).toMatchObject({
      embed: {
        $type: "app.bsky.embed.video",
        alt: "Die Bürgermeisterin grüßt vom Marktplatz",
        video: { mimeType: "video/mp4" },
      },
    });

    // The access token expires: the next call renews the session, and the rotated refresh token is sealed again.
    const expired = {
      ...sealed,
      session: {
        ...sealed.session,
        tokenSet: { ...sealed.session.tokenSet, expires_at: new Date(Date.now() - 60_000).toISOString() },
      },
    };
    await storeCredentials(t.ctx.db, t.ctx, {
      accountId: account.id,
      orgId: org.id,
      credentials: expired,
      remoteHandle: `@${handle}`,
      remoteUrl: null,
      userId: null,
      now: new Date(),
    });
    const citizen = await bluesky.createUser(`buerger-${randomBytes(3).toString("hex")}.test`);
    await bluesky.untilIndexed(citizen.agent, published?.externalId ?? "");
    const parent = await bluesky.refOf(citizen.agent, published?.externalId ?? "");
    const question = await citizen.agent.post({
      text: "Auch für Anträge auf Wohngeld?",
      reply: { root: parent.root, parent: parent.ref },
      createdAt: new Date().toISOString(),
    });
    await bluesky.untilNotified(city.agent, question.uri);
    const [synced] = await syncChannelInbound(t.ctx, { connectors: connectors() }, { accountIds: [account.id] });
    expect(synced, synced?.error).toMatchObject({ status: "ok", received: 1 });
    const renewed = (await openCredentials(t.ctx.db, t.ctx, account.id)) as StoredSession;
    expect(renewed.session.tokenSet.refresh_token).not.toBe(sealed.session.tokenSet.refresh_token);
    expect(Date.parse(renewed.session.tokenSet.expires_at ?? "")).toBeGreaterThan(Date.now());
    const [message] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, question.uri));
    expect(message?.text).toBe("Auch für Anträge auf Wohngeld?");

    // The organisation has the filter's hiding carried out on the network: an insult is hidden under the
    // post on Bluesky too (threadgate), provisionally; a moderator who approves shows it again there.
    await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
    await updateModerationSettings(t.ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { hideOnNetwork: true, wordRules: [{ pattern: "Schwachkopf", action: "hide", clause: 3 }] },
    });
    const insult = await citizen.agent.post({
      text: "Ihr Schwachkopf im Rathaus!",
      reply: { root: parent.root, parent: parent.ref },
      createdAt: new Date().toISOString(),
    });
    await bluesky.untilNotified(city.agent, insult.uri);
    const [insultSync] = await syncChannelInbound(t.ctx, { connectors: connectors() }, { accountIds: [account.id] });
    expect(insultSync, insultSync?.error).toMatchObject({ status: "ok", received: 1 });
    const [hidden] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, insult.uri));
    expect(hidden?.visibility).toBe("hidden");
    const [insultCase] = await t.ctx.db
      .select()
      .from(moderationCases)
      .where(eq(moderationCases.inboundMessageId, hidden?.id ?? ""));
    expect(insultCase?.status).toBe("open");
    const filtered = await t.ctx.db
      .select()
      .from(moderationDecisions)
      .where(eq(moderationDecisions.caseId, insultCase?.id ?? ""));
    expect(filtered.map((d) => [d.kind, d.action, d.channelOutcome])).toEqual([["filter", "hide", "done"]]);
    const gateOf = async () =>
      (
        await city.agent.com.atproto.repo.getRecord({
          repo: city.did,
          collection: "app.bsky.feed.threadgate",
          rkey: (published?.externalId ?? "").split("/").pop() ?? "",
        })
      ).data.value as { hiddenReplies?: string[] };
    expect((await gateOf()).hiddenReplies).toEqual([insult.uri]);
    // A second sync does not hide it again.
    await syncChannelInbound(t.ctx, { connectors: connectors() }, { accountIds: [account.id] });
    expect(
      await t.ctx.db
        .select()
        .from(moderationDecisions)
        .where(eq(moderationDecisions.caseId, insultCase?.id ?? "")),
    ).toHaveLength(1);
    const moderator = await buildMember(t.ctx, org.id, { roles: ["moderator"] });
    await decideModerationCase(
      t.ctx,
      { connectors: connectors() },
      {
        actor: moderator.actor,
        orgId: org.id,
        caseId: insultCase?.id ?? "",
        input: { action: "approve", clause: 3, reason: "Scharfe Kritik, keine Beleidigung einer Person" },
      },
    );
    expect((await gateOf()).hiddenReplies).toEqual([]);

    // Disconnecting ends the session at the PDS: the credentials draht held no longer work anywhere.
    const disconnected = await admin.request("DELETE", `/api/orgs/${org.id}/channels/${account.id}/connection`);
    expect(disconnected.json()).toEqual({ revoked: true });
    expect(await openCredentials(t.ctx.db, t.ctx, account.id)).toBeNull();
    const connector = createConnectorRegistry({
      db: t.ctx.db,
      clock: t.ctx.clock,
      publicUrl: t.ctx.publicUrl,
      atproto: { plcDirectoryUrl: bluesky.plcUrl },
      networkServers: t.ctx.networkServers,
    }).get("bluesky");
    const refused = await connector
      ?.whoAmI?.({ id: account.id, orgId: org.id, settings: account.settings, credentials: renewed })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectorError);
    expect((refused as ConnectorError).kind).toBe("auth_expired");
  });

  it("refuses a callback for a denied authorisation, and keeps no credentials", async () => {
    const org = await buildOrg(t.ctx);
    const adminMember = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const admin = await signIn(t.app, adminMember.email, adminMember.password);
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "bluesky",
      name: "Bluesky",
      settings: { serviceUrl: bluesky.pdsUrl },
    });
    const started = await admin.request("POST", `/api/orgs/${org.id}/channels/${account.id}/connection/oauth`);
    const state = await t.ctx.db.query.channelOauthStates.findFirst({
      where: (s, { eq: is }) => is(s.channelAccountId, account.id),
    });
    expect(started.statusCode).toBe(200);
    const denied = await admin.request(
      "GET",
      `/api/channel-authorisations/callback?state=${encodeURIComponent(state?.state ?? "")}&error=access_denied&iss=${encodeURIComponent(new URL(bluesky.pdsUrl).origin)}`,
    );
    expect(denied.headers.location).toContain("connectionError=CHANNEL_AUTH_FAILED");
    expect(await openCredentials(t.ctx.db, t.ctx, account.id)).toBeNull();
  });
});

describe("draht as a confidential AT Protocol client", () => {
  it("publishes its client metadata and public key on a public HTTPS address, the same key every time, never the private part", async () => {
    const onHttps = await startTestApp({ env: { PUBLIC_URL: "https://draht.musterstadt.example" } });
    try {
      const metadata = (await onHttps.app.inject({ method: "GET", url: "/oauth/bluesky/client-metadata.json" })).json<
        Record<string, unknown>
      >();
      expect(metadata).toMatchObject({
        client_id: "https://draht.musterstadt.example/oauth/bluesky/client-metadata.json",
        redirect_uris: ["https://draht.musterstadt.example/api/channel-authorisations/callback"],
        jwks_uri: "https://draht.musterstadt.example/oauth/bluesky/jwks.json",
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "ES256",
        dpop_bound_access_tokens: true,
        scope: "atproto transition:generic",
      });
      const jwks = async () =>
        (await onHttps.app.inject({ method: "GET", url: "/oauth/bluesky/jwks.json" })).json<{
          keys: Record<string, unknown>[];
        }>();
      const first = await jwks();
      expect(first.keys).toHaveLength(1);
      expect(first.keys[0]).toMatchObject({ kty: "EC", crv: "P-256" });
      expect(first.keys[0]).not.toHaveProperty("d");
      expect(await jwks()).toEqual(first);
    } finally {
      await onHttps.close();
    }
    // Without a public HTTPS address draht is a loopback client: there is nothing to publish.
    expect((await t.app.inject({ method: "GET", url: "/oauth/bluesky/jwks.json" })).statusCode).toBe(404);
  });
});
