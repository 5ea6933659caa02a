// Mastodon's counters from a server before 4.3, which cannot answer several statuses at once: the connector asks
// for one status a request instead, and leaves out the ones the server no longer has (the fake server in
// test/peers/mastodon, as a 4.2 instance).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMastodonConnector } from "../src/channels/mastodon/mastodonConnector.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";

let peer: MastodonPeer;
beforeAll(async () => {
  peer = await startMastodonPeer({ version: "4.2" });
});
afterAll(() => peer?.close());

describe("Mastodon counters on a server before 4.3", () => {
  it("reads favourites, boosts and replies one status a request, leaving out a deleted one", async () => {
    const { token } = peer.createAccount("stadt", "Stadt Musterstadt");
    const connector = createMastodonConnector({ networkServers: LOCAL_NETWORK_SERVERS });
    const account = {
      id: randomUUID(),
      orgId: randomUUID(),
      settings: { serverUrl: peer.url },
      credentials: { accessToken: token },
    };
    const post = (text: string) =>
      connector.publish(account, {
        idempotencyKey: randomUUID(),
        attempt: 1,
        orgId: account.orgId,
        postId: randomUUID(),
        text,
        media: [],
        poll: null,
      });
    const liked = await post("Stadtfest am Samstag");
    const gone = await post("Versehentlich");
    const hook = (path: string, body: unknown) =>
      fetch(`${peer.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await hook(`/_peer/statuses/${liked.externalId}/react`, { as: "anna@andere.example", kind: "favourite" });
    await hook(`/_peer/statuses/${liked.externalId}/react`, { as: "ben@andere.example", kind: "reblog" });
    await connector.deleteOwn?.(account, gone.externalId);
    const answer = await fetch(`${peer.url}/api/v1/statuses?id[]=${liked.externalId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(404);
    expect(await connector.fetchCounters?.(account, [liked.externalId, gone.externalId])).toEqual([
      { externalId: liked.externalId, likes: 1, reposts: 1, replies: 0 },
    ]);
  });
});
