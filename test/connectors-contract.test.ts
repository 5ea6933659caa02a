// The connector contract (test/contract/connectorContract.ts) against every connector draht ships:
// website and sandbox with draht's own database as their network, Mastodon with the protocol-faithful
// fake server in test/peers/mastodon. Bluesky runs against a real local network (bluesky-contract.test.ts).
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { createMastodonConnector } from "../src/channels/mastodon/mastodonConnector.js";
import { createSandboxConnector } from "../src/channels/sandbox/sandboxConnector.js";
import { sandboxCounters } from "../src/domain/sandboxCounters.js";
import { createWebsiteConnector } from "../src/channels/website/websiteConnector.js";
import type { Database } from "../src/db/client.js";
import {
  mediaAssets,
  sandboxDeliveries,
  websiteComments,
  websiteEntries,
  websiteEntryMedia,
} from "../src/db/schema/index.js";
import { connectorContract } from "./contract/connectorContract.js";
import { startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { buildChannelAccount, buildMedia, buildOrg, buildTestContext } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";
import { LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

async function ownAccount(network: "website" | "sandbox") {
  const ctx = buildTestContext(database.db);
  const org = await buildOrg(ctx);
  const account = await buildChannelAccount(ctx, org.id, { network });
  return { ctx, account: { id: account.id, orgId: org.id, settings: account.settings } };
}

connectorContract("website", async () => {
  const { ctx, account } = await ownAccount("website");
  const connector = createWebsiteConnector({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
  return {
    connector,
    account,
    countPublished: async (text) =>
      (
        await ctx.db
          .select()
          .from(websiteEntries)
          .where(and(eq(websiteEntries.channelAccountId, account.id), eq(websiteEntries.text, text)))
      ).length,
    libraryMedium: async (png, altText) => (await buildMedia(ctx, account.orgId, { bytes: png, altText })).id,
    // What the public pages show with the entry.
    altTextsOf: async (id) =>
      (
        await ctx.db
          .select({ altText: mediaAssets.altText })
          .from(websiteEntryMedia)
          .innerJoin(mediaAssets, eq(mediaAssets.id, websiteEntryMedia.mediaId))
          .where(eq(websiteEntryMedia.entryId, id))
          .orderBy(websiteEntryMedia.position)
      ).map((m) => m.altText),
    // Shown on the public pages: not taken down.
    exists: async (id) =>
      (
        await ctx.db
          .select()
          .from(websiteEntries)
          .where(and(eq(websiteEntries.id, id), isNull(websiteEntries.removedAt)))
      ).length === 1,
    // Two comments shown under the entry and one held by moderation: the public counter shows two.
    reactTo: async (id) => {
      const comment = (status: "visible" | "held") => ({
        orgId: account.orgId,
        entryId: id,
        authorKind: "citizen" as const,
        displayName: "Bürgerin",
        text: "Danke für die Information.",
        status,
        contentHash: randomUUID(),
        createdAt: ctx.clock(),
      });
      await ctx.db.insert(websiteComments).values([comment("visible"), comment("visible"), comment("held")]);
      return { likes: 0, reposts: 0, replies: 2 };
    },
    close: async () => {},
  };
});

connectorContract("sandbox", async () => {
  const { ctx, account } = await ownAccount("sandbox");
  const connector = createSandboxConnector({ db: ctx.db, clock: ctx.clock });
  const delivery = async (id: string) =>
    (await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.id, id)))[0];
  return {
    connector,
    account,
    countPublished: async (text) =>
      (
        await ctx.db
          .select()
          .from(sandboxDeliveries)
          .where(and(eq(sandboxDeliveries.channelAccountId, account.id), eq(sandboxDeliveries.text, text)))
      ).length,
    altTextsOf: async (id) => (await delivery(id))?.mediaAltTexts ?? [],
    exists: async (id) => {
      const found = await delivery(id);
      return found !== undefined && found.deletedAt === null;
    },
    // The sandbox records an answer (or the next post of a thread) as a delivery linked to what it answers.
    threadTexts: async (id) => {
      const deliveries = await ctx.db
        .select()
        .from(sandboxDeliveries)
        .where(eq(sandboxDeliveries.channelAccountId, account.id));
      const below = (parent: string): string[] =>
        deliveries.filter((d) => d.inReplyToExternalId === parent).flatMap((d) => [d.text, ...below(d.id)]);
      return below(id);
    },
    // The sandbox makes its counters up, the same for an item every time.
    reactTo: async (id) => {
      const { likes, reposts, replies } = sandboxCounters(id);
      return { likes, reposts, replies };
    },
    close: async () => {},
  };
});

connectorContract("Mastodon (fake server)", async () => {
  const peer = await startMastodonPeer({ mediaProcessingPolls: 2 });
  const { account: own, token } = peer.createAccount("stadt", "Stadt Musterstadt");
  const make = () => createMastodonConnector({ mediaPollMs: 5, networkServers: LOCAL_NETWORK_SERVERS });
  const account = {
    id: randomUUID(),
    orgId: randomUUID(),
    settings: { serverUrl: peer.url },
    credentials: { accessToken: token },
  };
  const statusesOf = (accountId: string) =>
    [...peer.state.statuses.values()].filter((s) => s.accountId === accountId && !s.deleted);
  return {
    connector: make(),
    account,
    countPublished: async (text) => statusesOf(own.id).filter((s) => s.text === text).length,
    altTextsOf: async (id) =>
      (peer.state.statuses.get(id)?.mediaIds ?? []).map((m) => peer.state.media.get(m)?.description ?? null),
    citizenReplies: async (id, text) => {
      const response = await fetch(`${peer.url}/_peer/statuses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ as: "buerger@andere.example", text: `@stadt@${peer.host} ${text}`, inReplyToId: id }),
      });
      if (!response.ok) throw new Error(`peer refused the reply: ${response.status}`);
    },
    citizenDeletes: async (id) => {
      const status = peer.state.statuses.get(id);
      if (status) status.deleted = true;
    },
    threadTexts: async (id) => {
      const below = (parent: string): string[] =>
        [...peer.state.statuses.values()]
          .filter((s) => s.inReplyToId === parent && !s.deleted)
          .flatMap((s) => [s.text, ...below(s.id)]);
      return below(id);
    },
    answerFiles: async (id) =>
      [...peer.state.statuses.values()]
        .filter((s) => s.inReplyToId === id && !s.deleted)
        .flatMap((s) =>
          s.mediaIds.map((m) => ({ content: peer.state.media.get(m)?.content ?? Buffer.alloc(0), text: s.text })),
        ),
    exists: async (id) => peer.state.statuses.get(id)?.deleted === false,
    // Two people favourite it, one boosts it, one answers.
    reactTo: async (id) => {
      const hook = async (path: string, body: unknown) => {
        const response = await fetch(`${peer.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`peer refused ${path}: ${response.status}`);
      };
      await hook(`/_peer/statuses/${id}/react`, { as: "anna@andere.example", kind: "favourite" });
      await hook(`/_peer/statuses/${id}/react`, { as: "ben@andere.example", kind: "favourite" });
      await hook(`/_peer/statuses/${id}/react`, { as: "anna@andere.example", kind: "reblog" });
      await hook("/_peer/statuses", { as: "carla@andere.example", text: "Danke!", inReplyToId: id });
      return { likes: 2, reposts: 1, replies: 1 };
    },
    forgetIdempotencyKeys: async () => peer.advanceClock(2 * 3_600_000),
    untilStreaming: () => peer.untilStreaming(own.id),
    revokeCredentials: async () => {
      const entry = peer.state.tokens.get(token);
      if (entry) entry.revoked = true;
    },
    exhaustRateLimit: async () => {
      const limit = peer.state.rateLimit;
      peer.state.rateLimit = 0;
      return async () => {
        peer.state.rateLimit = limit;
        peer.state.windows.clear();
      };
    },
    restart: make,
    close: () => peer.close(),
  };
});
