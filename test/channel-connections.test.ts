// Syncing and changing connected network accounts against the fake Mastodon server: edits of received
// messages update the inbox (analysed and moderated again, earlier versions kept for the inbox and for
// evidence), edits of statuses draht never received are no messages, and moving an account to another
// server disconnects it.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { createChannelStreams } from "../src/app/channels/channelStreams.js";
import {
  beginChannelAuthorisation,
  completeChannelAuthorisation,
} from "../src/app/channels/connect-channel-account.js";
import { updateChannelAccount } from "../src/app/channels/update-channel-account.js";
import { checkPostDraft } from "../src/app/posts/check-post.js";
import { getConversation } from "../src/app/inbox/get-conversation.js";
import { decideModerationCase } from "../src/app/moderation/decide-moderation-case.js";
import { getModerationCase } from "../src/app/moderation/get-moderation-case.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import {
  channelAccounts,
  channelCredentials,
  channelSyncStates,
  evidencePackages,
  inboundMessages,
  moderationCases,
} from "../src/db/schema/index.js";
import { evidenceHash } from "../src/domain/moderation/evidence.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { createStatus } from "./peers/mastodon/statusRoutes.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { until } from "./support/until.js";

let t: TestApp;
let peer: MastodonPeer;
beforeAll(async () => {
  t = await startTestApp({ env: LOCAL_NETWORK_ENV });
  peer = await startMastodonPeer();
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});

async function connectedAccount() {
  const org = await buildOrg(t.ctx);
  const username = `stadt${randomUUID().slice(0, 6)}`;
  const { account: remote, token } = peer.createAccount(username, "Stadt");
  const account = await buildChannelAccount(t.ctx, org.id, {
    network: "mastodon",
    settings: { serverUrl: peer.url, visibility: "public" },
  });
  await storeCredentials(t.ctx.db, t.ctx, {
    accountId: account.id,
    orgId: org.id,
    credentials: { accessToken: token },
    remoteHandle: `@${username}@${peer.host}`,
    remoteUrl: null,
    userId: null,
    now: new Date(),
  });
  const sync = () =>
    syncChannelInbound(
      t.ctx,
      {
        connectors: createConnectorRegistry({
          db: t.ctx.db,
          clock: t.ctx.clock,
          publicUrl: t.ctx.publicUrl,
          networkServers: t.ctx.networkServers,
        }),
      },
      { accountIds: [account.id] },
    );
  return { org, account, remote, username, sync };
}

describe("syncing a connected Mastodon account", () => {
  it("updates an edited message and analyses it again, and ignores edits of statuses it never received", async () => {
    const s = await connectedAccount();
    const citizen = peer.state.addAccount("lena", "Lena", false, "social.example");
    const mention = createStatus(peer.state, citizen, { text: `@${s.username} Danke für die schnelle Hilfe!` });
    await s.sync();
    const where = and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, mention.id));
    expect((await t.ctx.db.select().from(inboundMessages).where(where))[0]?.text).toBe("Danke für die schnelle Hilfe!");

    // Lena edits her status; Mastodon notifies an "update".
    mention.text = `@${s.username} Wann wird die kaputte Ampel endlich repariert?`;
    mention.editedAt = new Date().toISOString();
    peer.state.notifications.push({
      id: peer.state.newId(),
      type: "update",
      accountId: citizen.id,
      forAccountId: s.remote.id,
      statusId: mention.id,
      createdAt: mention.editedAt,
    });
    // A status the city only boosted is edited too: no message to the city.
    const boosted = createStatus(peer.state, citizen, { text: "Schöner Sonnenuntergang heute." });
    peer.state.notifications.push({
      id: peer.state.newId(),
      type: "update",
      accountId: citizen.id,
      forAccountId: s.remote.id,
      statusId: boosted.id,
      createdAt: new Date().toISOString(),
    });
    const [outcome] = await s.sync();
    expect(outcome?.status).toBe("ok");
    const [edited] = await t.ctx.db.select().from(inboundMessages).where(where);
    expect(edited?.text).toBe("Wann wird die kaputte Ampel endlich repariert?");
    expect(edited?.intent).toBe("question");
    expect(
      await t.ctx.db
        .select()
        .from(inboundMessages)
        .where(and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, boosted.id))),
    ).toEqual([]);
  });

  it("moderates an edited message again: a harmless question edited into an insult is held back with a case, and a decided case reopens when the text changes into a threat", async () => {
    const s = await connectedAccount();
    await publishNetiquette(t.ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, input: DEFAULT_NETIQUETTE });
    const moderator = await buildMember(t.ctx, s.org.id, { roles: ["moderator"] });
    const citizen = peer.state.addAccount(`tom${randomUUID().slice(0, 6)}`, "Tom", false, "social.example");
    const status = createStatus(peer.state, citizen, {
      text: `@${s.username} Wann wird die Ampel am Markt repariert?`,
    });
    const edit = async (text: string) => {
      status.text = `@${s.username} ${text}`;
      status.editedAt = new Date().toISOString();
      peer.state.notifications.push({
        id: peer.state.newId(),
        type: "update",
        accountId: citizen.id,
        forAccountId: s.remote.id,
        statusId: status.id,
        createdAt: status.editedAt,
      });
      const [outcome] = await s.sync();
      expect(outcome?.status).toBe("ok");
    };
    const message = async () =>
      (
        await t.ctx.db
          .select()
          .from(inboundMessages)
          .where(and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, status.id)))
      )[0];
    const caseOf = async (messageId: string) =>
      (await t.ctx.db.select().from(moderationCases).where(eq(moderationCases.inboundMessageId, messageId)))[0];

    await s.sync();
    const original = await message();
    expect(original?.visibility).toBe("visible");
    expect(await caseOf(original?.id ?? "")).toBeUndefined();

    await edit("Ihr seid alle unfähige Idioten und Versager!");
    const insulting = await message();
    expect(insulting?.text).toBe("Ihr seid alle unfähige Idioten und Versager!");
    expect(insulting?.visibility).not.toBe("visible");
    expect(insulting?.editedAt).toBeInstanceOf(Date);
    const opened = await caseOf(original?.id ?? "");
    expect(opened).toMatchObject({ status: "open", threat: false });
    expect(opened?.pipelineStatus).not.toBe("visible");
    // The inbox shows the edit and what the message said before.
    const detail = await getConversation(
      t.ctx,
      { connectors: createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: t.ctx.publicUrl }) },
      {
        actor: systemAdminOf(s.org.id),
        orgId: s.org.id,
        conversationId: original?.conversationId ?? "",
      },
    );
    const shown = detail.messages.find((m) => m.id === original?.id);
    expect(shown?.editedAt).not.toBeNull();
    expect(shown?.earlierVersions.map((v) => v.text)).toEqual(["Wann wird die Ampel am Markt repariert?"]);

    // A moderator lets it stand; then the author turns it into a threat: the case reopens, escalated.
    const connectors = createConnectorRegistry({
      db: t.ctx.db,
      clock: t.ctx.clock,
      publicUrl: t.ctx.publicUrl,
      networkServers: t.ctx.networkServers,
    });
    await decideModerationCase(
      t.ctx,
      { connectors },
      {
        actor: moderator.actor,
        orgId: s.org.id,
        caseId: opened?.id ?? "",
        input: { action: "approve", clause: 3, reason: "Zugespitzt, aber noch Kritik" },
      },
    );
    expect((await message())?.visibility).toBe("visible");
    await edit("Den Bürgermeister sollte man aufhängen.");
    const threatening = await message();
    expect(threatening?.visibility).not.toBe("visible");
    const reopened = await caseOf(original?.id ?? "");
    expect(reopened).toMatchObject({ id: opened?.id, status: "reopened", threat: true, priority: 4 });
    const view = await getModerationCase(t.ctx, { actor: moderator.actor, orgId: s.org.id, caseId: opened?.id ?? "" });
    expect(view.decisions.map((d) => d.kind)).toEqual(["decision", "edit"]);
    expect(view.decisions[1]?.reason).toBe("Ihr seid alle unfähige Idioten und Versager!");
    // Evidence of the threat, with every earlier version of the text; its hash holds.
    const [evidence] = await t.ctx.db
      .select()
      .from(evidencePackages)
      .where(eq(evidencePackages.caseId, opened?.id ?? ""));
    expect(evidence?.content.message.text).toBe("Den Bürgermeister sollte man aufhängen.");
    expect(evidence?.content.message.earlierVersions?.map((v) => v.text)).toEqual([
      "Wann wird die Ampel am Markt repariert?",
      "Ihr seid alle unfähige Idioten und Versager!",
    ]);
    expect(evidence && evidenceHash(evidence.content)).toBe(evidence?.sha256);

    // An "update" that leaves the text as it was (a changed poll, say) changes nothing.
    await edit("Den Bürgermeister sollte man aufhängen.");
    const view2 = await getModerationCase(t.ctx, { actor: moderator.actor, orgId: s.org.id, caseId: opened?.id ?? "" });
    expect(view2.decisions).toHaveLength(2);
  });

  it("learns the instance's own limits and streaming address when connecting: posts are measured by them, the stream goes there", async () => {
    const org = await buildOrg(t.ctx);
    const admin = systemAdminOf(org.id);
    const username = `stadt${randomUUID().slice(0, 6)}`;
    peer.createAccount(username, "Stadt");
    const streamingHost = peer.url.replace("127.0.0.1", "localhost");
    peer.state.instance = { ...peer.state.instance, maxCharacters: 1000, streamingUrl: streamingHost };
    try {
      const account = await buildChannelAccount(t.ctx, org.id, {
        network: "mastodon",
        settings: { serverUrl: peer.url, visibility: "public" },
      });
      const connectors = createConnectorRegistry({
        db: t.ctx.db,
        clock: t.ctx.clock,
        publicUrl: t.ctx.publicUrl,
        networkServers: t.ctx.networkServers,
      });
      const redirectUri = `${t.ctx.publicUrl}/api/channel-authorisations/callback`;
      const { authoriseUrl } = await beginChannelAuthorisation(
        t.ctx,
        { connectors },
        { actor: admin, orgId: org.id, accountId: account.id, redirectUri },
      );
      const authorise = new URL(authoriseUrl);
      const form = new URLSearchParams([...authorise.searchParams].filter(([k]) => k !== "response_type"));
      form.set("username", username);
      const back = new URL(
        (await fetch(`${peer.url}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" })).headers.get(
          "location",
        ) ?? "",
      );
      await completeChannelAuthorisation(
        t.ctx,
        { connectors },
        {
          userId: admin.userId,
          actorLabel: admin.label,
          actorIn: async () => admin,
          state: back.searchParams.get("state") ?? "",
          code: back.searchParams.get("code"),
          error: null,
        },
      );

      const [stored] = await t.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.id, account.id));
      expect(stored?.settings.server).toMatchObject({
        maxLength: 1000,
        maxMedia: 4,
        linkLength: 23,
        maxPollOptions: 4,
        streamingUrl: streamingHost,
      });
      // A long text that the network's usual 500 characters would refuse fits this instance.
      const check = await checkPostDraft(t.ctx, {
        actor: admin,
        orgId: org.id,
        input: { body: "Baustelle. ".repeat(70), channels: [{ channelAccountId: account.id, textOverride: null }] },
      });
      expect(check.counts[account.id]).toEqual({ used: 770, limit: 1000 });
      expect(check.findings.map((f) => f.rule)).not.toContain("channel_length");
      // The stream is opened on the instance's streaming address.
      const streams = createChannelStreams(t.ctx, { connectors });
      await streams.reconcile();
      await until(() => peer.state.streamHosts.includes(new URL(streamingHost).host));
      streams.stop();
      // People cannot set what draht learns from the instance.
      const edited = await updateChannelAccount(t.ctx, {
        actor: admin,
        orgId: org.id,
        channelAccountId: account.id,
        input: { settings: { server: { maxLength: 100_000, checkedAt: new Date().toISOString() } } },
      });
      expect((edited?.settings.server as { maxLength: number }).maxLength).toBe(1000);
    } finally {
      peer.state.instance = { ...peer.state.instance, maxCharacters: 500, streamingUrl: null };
    }
  });

  it("looks for deletions among new items at once and among older ones in turn, up to two weeks back", async () => {
    const s = await connectedAccount();
    const citizen = peer.state.addAccount(`ida${randomUUID().slice(0, 6)}`, "Ida", false, "social.example");
    const statuses = Array.from({ length: 12 }, (_, i) =>
      createStatus(peer.state, citizen, { text: `@${s.username} Frage ${i + 1}` }),
    );
    await s.sync();
    const rows = async () =>
      t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, s.account.id));
    // Ten a round (Mastodon: one request each): two are still due.
    expect((await rows()).filter((r) => r.remoteCheckedAt === null)).toHaveLength(2);
    // The first question arrived ten days ago (older than the three days looked at before); its author deletes it.
    const first = statuses[0];
    await t.ctx.db
      .update(inboundMessages)
      .set({ receivedAt: new Date(Date.now() - 10 * 24 * 3_600_000) })
      .where(and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, first?.id ?? "")));
    if (first) first.deleted = true;
    // Within two more rounds every item has been asked about again, the oldest too.
    await s.sync();
    expect((await rows()).every((r) => r.remoteCheckedAt !== null)).toBe(true);
    await s.sync();
    const after = await rows();
    expect(after.find((r) => r.externalId === first?.id)?.visibility).toBe("deleted");
    expect(after.filter((r) => r.visibility === "deleted")).toHaveLength(1);
  });

  it("disconnects an account moved to another server, and keeps it connected when only its visibility changes", async () => {
    const s = await connectedAccount();
    const actor = systemAdminOf(s.org.id);
    await updateChannelAccount(t.ctx, {
      actor,
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { visibility: "unlisted" } },
    });
    expect(
      await t.ctx.db.select().from(channelCredentials).where(eq(channelCredentials.channelAccountId, s.account.id)),
    ).toHaveLength(1);
    const moved = await updateChannelAccount(t.ctx, {
      actor,
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { serverUrl: "https://social.example" } },
    });
    expect(moved?.settings).toMatchObject({ serverUrl: "https://social.example", visibility: "unlisted" });
    expect(
      await t.ctx.db.select().from(channelCredentials).where(eq(channelCredentials.channelAccountId, s.account.id)),
    ).toEqual([]);
    const [state] = await t.ctx.db
      .select()
      .from(channelSyncStates)
      .where(eq(channelSyncStates.channelAccountId, s.account.id));
    expect(state?.status).toBe("disconnected");
  });
});
