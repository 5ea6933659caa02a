// The sandbox channel records what would be sent, for demos, tests and benchmarks. It behaves like a
// network that does NOT deduplicate: every publish call adds a delivery, so a double send shows.
// Its settings simulate the network's behaviour: a delay per send and failures of each kind. Citizens' items
// reach it as a network's would: pushed to draht's webhook endpoint (in Meta's protocol), or put in by the demo.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { sandboxDeliveries } from "../../db/schema/index.js";
import { ZSandboxSettings } from "../../domain/channelSettings.js";
import { limitsOf, NETWORK_PROFILES } from "../../domain/networks.js";
import {
  ConnectorError,
  type ChannelConnector,
  type ConnectorAccount,
  type ModerationRequest,
  type OutgoingPost,
  type PublishedLookup,
  type OutgoingReply,
  type PublishedItem,
  type PublishedCounters,
} from "../../domain/connector.js";
import { sandboxCounters } from "../../domain/sandboxCounters.js";
import { metaPageWebhooks } from "../meta/metaWebhooks.js";

export function createSandboxConnector(deps: { db: Db; clock: () => Date }): ChannelConnector {
  return {
    network: "sandbox",
    // The sandbox stands in for a network that takes text, media with alt text, threads and polls; what
    // it receives is recorded. Inbound items are put into draht by the demo and tests (ingestMessages).
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: true,
        polls: true,
        contentWarning: false,
        replyPolicy: false,
      },
      editOwn: false,
      deleteOwn: true,
      inbound: {
        mode: "push",
        replies: true,
        mentions: true,
        quotes: false,
        directMessages: true,
        edits: false,
        deletions: false,
        streaming: false,
      },
      reply: true,
      connect: [],
    },
    limits: limitsOf(NETWORK_PROFILES.mastodon),
    // Its citizens' items can also be pushed to draht's webhook endpoint, in Meta's protocol (signature,
    // handshake, a page's feed comments and messages): the endpoint is exercised without Meta.
    webhooks: metaPageWebhooks,
    // The sandbox stands in for a network with full moderation (like Mastodon's admin API).
    moderationKinds: ["hide", "unhide", "delete", "mute", "block", "report", "warn"],
    async moderate(account: ConnectorAccount, request: ModerationRequest): Promise<void> {
      const key = `moderate:${request.idempotencyKey}`;
      const [done] = await deps.db
        .select({ id: sandboxDeliveries.id })
        .from(sandboxDeliveries)
        .where(and(eq(sandboxDeliveries.channelAccountId, account.id), eq(sandboxDeliveries.idempotencyKey, key)));
      if (done) return;
      await deps.db.insert(sandboxDeliveries).values({
        channelAccountId: account.id,
        idempotencyKey: key,
        text: `${request.kind} ${request.externalId} (${request.authorHandle}): ${request.reason}`,
        deliveredAt: deps.clock(),
      });
    },
    // Items deleted in the sandbox are gone, as on a network: left out of the answer.
    countersPerCall: 100,
    async fetchCounters(account: ConnectorAccount, externalIds: readonly string[]): Promise<PublishedCounters[]> {
      const ids = externalIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (ids.length === 0) return [];
      const rows = await deps.db
        .select({ id: sandboxDeliveries.id })
        .from(sandboxDeliveries)
        .where(
          and(
            eq(sandboxDeliveries.channelAccountId, account.id),
            inArray(sandboxDeliveries.id, ids),
            isNull(sandboxDeliveries.deletedAt),
          ),
        );
      return rows.map((r) => sandboxCounters(r.id));
    },
    async findPublished(account: ConnectorAccount, { idempotencyKey }: PublishedLookup): Promise<PublishedItem | null> {
      const [row] = await deps.db
        .select({ id: sandboxDeliveries.id })
        .from(sandboxDeliveries)
        .where(
          and(eq(sandboxDeliveries.channelAccountId, account.id), eq(sandboxDeliveries.idempotencyKey, idempotencyKey)),
        );
      return row ? { externalId: row.id, url: null } : null;
    },
    async deleteOwn(account: ConnectorAccount, externalId: string): Promise<void> {
      await deps.db
        .update(sandboxDeliveries)
        .set({ deletedAt: deps.clock() })
        .where(
          and(
            eq(sandboxDeliveries.id, externalId),
            eq(sandboxDeliveries.channelAccountId, account.id),
            isNull(sandboxDeliveries.deletedAt),
          ),
        );
    },
    async reply(account: ConnectorAccount, reply: OutgoingReply): Promise<PublishedItem> {
      const settings = ZSandboxSettings.parse(account.settings);
      if (settings.failWith !== "none" && settings.failFirstAttempts === 0)
        throw new ConnectorError(settings.failWith, `sandbox: simulated ${settings.failWith} error`);
      const [row] = await deps.db
        .insert(sandboxDeliveries)
        .values({
          channelAccountId: account.id,
          idempotencyKey: `reply:${reply.idempotencyKey}`,
          text: reply.text,
          inReplyToExternalId: reply.inReplyToExternalId,
          deliveredAt: deps.clock(),
        })
        .returning({ id: sandboxDeliveries.id });
      if (!row) throw new Error("sandbox reply not recorded");
      return { externalId: row.id, url: null };
    },
    async publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem> {
      const settings = ZSandboxSettings.parse(account.settings);
      if (settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.delayMs));
      const failsNow =
        settings.failWith !== "none" &&
        (settings.failFirstAttempts === 0 || post.attempt <= settings.failFirstAttempts);
      if (failsNow && settings.failWith !== "none") {
        throw new ConnectorError(settings.failWith, `sandbox: simulated ${settings.failWith} error`, {
          retryAfterMs: settings.failWith === "rate_limited" ? 60_000 : undefined,
        });
      }
      const [row] = await deps.db
        .insert(sandboxDeliveries)
        .values({
          channelAccountId: account.id,
          idempotencyKey: post.idempotencyKey,
          text: post.text,
          mediaCount: post.media.length,
          mediaAltTexts: post.media.map((m) => m.altText),
          inReplyToExternalId: post.inReplyToExternalId ?? null,
          deliveredAt: deps.clock(),
        })
        .returning({ id: sandboxDeliveries.id });
      if (!row) throw new Error("sandbox delivery not recorded");
      return { externalId: row.id, url: null };
    },
  };
}
