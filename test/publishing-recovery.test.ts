// Recovering a publication long after its answer was lost: Mastodon remembers an Idempotency-Key for only
// an hour, so a retry that trusts the key alone posts a second status. The worker must find the status
// the lost attempt made and record it instead. Real database, the protocol-faithful Mastodon peer with
// its clock moved on, and a connection that loses the first answer on the way back.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import type { AppContext } from "../src/app/context.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createMastodonConnector } from "../src/channels/mastodon/mastodonConnector.js";
import type { Database } from "../src/db/client.js";
import { publications } from "../src/db/schema/index.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { buildChannelAccount, buildMember, buildOrg, buildTestContext } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { ownDatabase } from "./support/ownDatabase.js";

let database: Database;
let ctx: AppContext;
let peer: MastodonPeer;
let clockOffsetMs = 0;
// The publish round claims every due publication in the database and the test moves the clock by hours: on
// the PostgreSQL server, whose database the test files share, it gets a database of its own so that it
// neither sends other files' posts nor counts their outcomes (a PGlite test database is private already).
const serverUrl = inject("databaseUrl");
const own = serverUrl ? ownDatabase(serverUrl, "recovery") : null;
beforeAll(async () => {
  if (own) {
    await own.create();
    database = await own.open();
    await database.migrate();
  } else database = await openTestDatabase();
  ctx = buildTestContext(database.db, {
    clock: () => new Date(Date.now() + clockOffsetMs),
    env: LOCAL_NETWORK_ENV,
  });
  peer = await startMastodonPeer();
});
afterAll(async () => {
  await database?.close();
  await own?.drop();
  await peer?.close();
});

describe("recovering a publication on Mastodon", () => {
  it("finds the status a lost attempt posted hours ago, after Mastodon forgot the key, and posts nothing twice", async () => {
    const org = await buildOrg(ctx);
    const admin = await buildMember(ctx, org.id, { roles: ["administrator"] });
    const username = `stadt${randomUUID().slice(0, 6)}`;
    const { token } = peer.createAccount(username, "Stadt");
    const account = await buildChannelAccount(ctx, org.id, {
      network: "mastodon",
      settings: { serverUrl: peer.url },
      approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    });
    await storeCredentials(ctx.db, ctx, {
      accountId: account.id,
      orgId: org.id,
      credentials: { accessToken: token },
      remoteHandle: `@${username}@${peer.host}`,
      remoteUrl: null,
      userId: null,
      now: ctx.clock(),
    });
    // The instance posts the status, but its answer never reaches draht.
    let loseNextAnswer = true;
    const connection: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (loseNextAnswer && init?.method === "POST" && String(input).endsWith("/api/v1/statuses")) {
        loseNextAnswer = false;
        await response.body?.cancel();
        throw new TypeError("fetch failed: connection reset");
      }
      return response;
    };
    const connectors = new Map([
      ["mastodon", createMastodonConnector({ fetch: connection, networkServers: ctx.networkServers })],
    ]);
    const round = () => runPublishRound(ctx, { connectors, random: () => 0.5 }, { leaseMs: 60_000 });

    const text = `Der Weihnachtsmarkt öffnet am Freitag um 16 Uhr. ${randomUUID().slice(0, 6)}`;
    const post = await createPost(ctx, {
      actor: admin.actor,
      orgId: org.id,
      input: { body: text, channels: [{ channelAccountId: account.id, textOverride: null }] },
    });
    await submitPost(ctx, { actor: admin.actor, orgId: org.id, postId: post.id, revision: 1 });
    expect(await round()).toEqual(["retry"]);
    const statuses = () => [...peer.state.statuses.values()].filter((s) => s.text === text && !s.deleted);
    expect(statuses()).toHaveLength(1);

    // Two hours later (draht and the instance alike) the retry is due; Mastodon no longer knows the key.
    clockOffsetMs += 2 * 3_600_000;
    peer.advanceClock(2 * 3_600_000);
    expect(await round()).toEqual(["published"]);

    expect(statuses()).toHaveLength(1);
    const [publication] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(publication).toMatchObject({ status: "published", attempts: 2, externalId: statuses()[0]?.id });
  });
});
