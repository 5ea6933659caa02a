// Syncing and changing connected network accounts against the fake Mastodon server: edits of received
// messages update the inbox (and are analysed again), edits of statuses draht never received are no
// messages, and moving an account to another server disconnects it.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { updateChannelAccount } from "../src/app/channels/update-channel-account.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { channelCredentials, channelSyncStates, inboundMessages } from "../src/db/schema/index.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { createStatus } from "./peers/mastodon/statusRoutes.js";
import { buildChannelAccount, buildOrg, systemAdminOf } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

let t: TestApp;
let peer: MastodonPeer;
beforeAll(async () => {
  t = await startTestApp();
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
  const account = await buildChannelAccount(t.ctx, org.id, { network: "mastodon", settings: { serverUrl: peer.url, visibility: "public" } });
  await storeCredentials(t.ctx.db, t.ctx, { accountId: account.id, orgId: org.id, credentials: { accessToken: token }, remoteHandle: `@${username}@${peer.host}`, remoteUrl: null, userId: null, now: new Date() });
  const sync = () => syncChannelInbound(t.ctx, { connectors: createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: t.ctx.publicUrl }) }, { accountIds: [account.id] });
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
    peer.state.notifications.push({ id: peer.state.newId(), type: "update", accountId: citizen.id, forAccountId: s.remote.id, statusId: mention.id, createdAt: mention.editedAt });
    // A status the city only boosted is edited too: no message to the city.
    const boosted = createStatus(peer.state, citizen, { text: "Schöner Sonnenuntergang heute." });
    peer.state.notifications.push({ id: peer.state.newId(), type: "update", accountId: citizen.id, forAccountId: s.remote.id, statusId: boosted.id, createdAt: new Date().toISOString() });
    const [outcome] = await s.sync();
    expect(outcome?.status).toBe("ok");
    const [edited] = await t.ctx.db.select().from(inboundMessages).where(where);
    expect(edited?.text).toBe("Wann wird die kaputte Ampel endlich repariert?");
    expect(edited?.intent).toBe("question");
    expect(await t.ctx.db.select().from(inboundMessages).where(and(eq(inboundMessages.channelAccountId, s.account.id), eq(inboundMessages.externalId, boosted.id)))).toEqual([]);
  });

  it("disconnects an account moved to another server, and keeps it connected when only its visibility changes", async () => {
    const s = await connectedAccount();
    const actor = systemAdminOf(s.org.id);
    await updateChannelAccount(t.ctx, { actor, orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { visibility: "unlisted" } } });
    expect(await t.ctx.db.select().from(channelCredentials).where(eq(channelCredentials.channelAccountId, s.account.id))).toHaveLength(1);
    const moved = await updateChannelAccount(t.ctx, { actor, orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { serverUrl: "https://social.example" } } });
    expect(moved?.settings).toMatchObject({ serverUrl: "https://social.example", visibility: "unlisted" });
    expect(await t.ctx.db.select().from(channelCredentials).where(eq(channelCredentials.channelAccountId, s.account.id))).toEqual([]);
    const [state] = await t.ctx.db.select().from(channelSyncStates).where(eq(channelSyncStates.channelAccountId, s.account.id));
    expect(state?.status).toBe("disconnected");
  });
});
