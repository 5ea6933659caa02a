// The worker's live streams: a connected Mastodon account's mention reaches the inbox within moments
// through the streaming API (no waiting for the minute's poll); disconnecting closes the stream.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials, wipeCredentials } from "../src/app/channels/channelCredentials.js";
import { createChannelStreams } from "../src/app/channels/channelStreams.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { inboundMessages } from "../src/db/schema/index.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { createStatus } from "./peers/mastodon/statusRoutes.js";
import { buildChannelAccount, buildOrg } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { untilValue as until } from "./support/until.js";

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

describe("live streams of network accounts", () => {
  it("bring a mention into the inbox at once, and close when the account is disconnected", async () => {
    const org = await buildOrg(t.ctx);
    const username = `stadt${randomUUID().slice(0, 6)}`;
    const { token } = peer.createAccount(username, "Stadt");
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "mastodon",
      settings: { serverUrl: peer.url },
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
    const streams = createChannelStreams(t.ctx, {
      connectors: createConnectorRegistry({
        db: t.ctx.db,
        clock: t.ctx.clock,
        publicUrl: t.ctx.publicUrl,
        networkServers: t.ctx.networkServers,
      }),
      debounceMs: 50,
      orgId: org.id,
    });
    try {
      expect(await streams.reconcile()).toBe(1);
      const me = [...peer.state.accounts.values()].find((a) => a.username === username);
      await until(
        async () => ((peer.state.streams.get(me?.id ?? "")?.size ?? 0) > 0 ? true : undefined),
        "the stream opening",
      );
      const citizen = peer.state.addAccount("jonas", "Jonas", false, "social.example");
      createStatus(peer.state, citizen, { text: `@${username} Ist die Eisbahn schon offen?` });
      const stored = await until(
        async () =>
          (await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, account.id)))[0],
        "the mention reaching the inbox",
      );
      expect(stored.text).toBe("Ist die Eisbahn schon offen?");

      await wipeCredentials(t.ctx.db, account.id);
      expect(await streams.reconcile()).toBe(0);
      await until(
        async () => ((peer.state.streams.get(me?.id ?? "")?.size ?? 0) === 0 ? true : undefined),
        "the stream closing",
      );
    } finally {
      streams.stop();
    }
  });
});
