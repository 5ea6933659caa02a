// The built-in website channel: publishing writes the entry (with its poll and the media it shows) into
// the organisation's own feed, keyed by the idempotency key, so a repeated send finds the entry instead of
// adding a second one.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  mediaAssets,
  websiteComments,
  websiteEntries,
  websiteEntryMedia,
  websitePolls,
} from "../../db/schema/index.js";
import type {
  ChannelConnector,
  ConnectorAccount,
  OutgoingPost,
  PublishedCounters,
  PublishedItem,
} from "../../domain/connector.js";
import { limitsOf, NETWORK_PROFILES } from "../../domain/networks.js";

export function createWebsiteConnector(deps: { db: Db; clock: () => Date; publicUrl: string }): ChannelConnector {
  const urlOf = (orgId: string, id: string) => `${deps.publicUrl}/p/${orgId}/beitrag/${id}`;
  async function findIn(db: Db | Tx, idempotencyKey: string): Promise<PublishedItem | null> {
    const [row] = await db.select().from(websiteEntries).where(eq(websiteEntries.idempotencyKey, idempotencyKey));
    return row ? { externalId: row.id, url: urlOf(row.orgId, row.id) } : null;
  }
  return {
    network: "website",
    capabilities: {
      // The public pages show the text, the poll and the media (from the library, with their alt texts).
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: false,
        polls: true,
        contentWarning: false,
        replyPolicy: false,
      },
      editOwn: false,
      deleteOwn: true,
      // Citizens comment on draht's own pages: their comments are stored by draht, not fetched.
      inbound: {
        mode: "stored",
        replies: true,
        mentions: false,
        quotes: false,
        directMessages: false,
        edits: false,
        deletions: false,
        streaming: false,
      },
      // Answers to comments go through the inbox's own transaction (deliverReply.ts), not through the connector.
      reply: false,
      connect: [],
    },
    limits: limitsOf(NETWORK_PROFILES.website),
    findPublished: (_account: ConnectorAccount, lookup) => findIn(deps.db, lookup.idempotencyKey),
    // The website's only public counter: the citizens' comments shown under the entry (counted here, in
    // draht's own database). An entry taken down is one the "network" no longer has.
    countersPerCall: 200,
    async fetchCounters(account: ConnectorAccount, externalIds: readonly string[]): Promise<PublishedCounters[]> {
      const ids = externalIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (ids.length === 0) return [];
      const rows = await deps.db
        .select({
          id: websiteEntries.id,
          comments: sql<number>`count(${websiteComments.id})::int`,
        })
        .from(websiteEntries)
        .leftJoin(
          websiteComments,
          and(
            eq(websiteComments.entryId, websiteEntries.id),
            eq(websiteComments.authorKind, "citizen"),
            eq(websiteComments.status, "visible"),
          ),
        )
        .where(
          and(
            eq(websiteEntries.channelAccountId, account.id),
            inArray(websiteEntries.id, ids),
            isNull(websiteEntries.removedAt),
          ),
        )
        .groupBy(websiteEntries.id);
      return rows.map((r) => ({ externalId: r.id, likes: 0, reposts: 0, replies: r.comments }));
    },
    // Taken down from the public pages (comments close with it); the row stays for the record and evidence.
    async deleteOwn(account: ConnectorAccount, externalId: string): Promise<void> {
      await deps.db
        .update(websiteEntries)
        .set({ removedAt: deps.clock() })
        .where(
          and(
            eq(websiteEntries.id, externalId),
            eq(websiteEntries.channelAccountId, account.id),
            isNull(websiteEntries.removedAt),
          ),
        );
    },
    async publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem> {
      // Entry and poll commit together: a retry after a crash finds both or neither.
      return deps.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(websiteEntries)
          .values({
            orgId: account.orgId,
            channelAccountId: account.id,
            idempotencyKey: post.idempotencyKey,
            postId: post.postId,
            text: post.text,
            publishedAt: deps.clock(),
          })
          .onConflictDoNothing({ target: websiteEntries.idempotencyKey })
          .returning();
        if (!row) {
          const existing = await findIn(tx, post.idempotencyKey);
          if (!existing) throw new Error("website entry neither inserted nor found");
          return existing;
        }
        if (post.media.length) {
          // Only the organisation's own library items: the public pages serve exactly these files.
          const own = await tx
            .select({ id: mediaAssets.id })
            .from(mediaAssets)
            .where(
              and(
                eq(mediaAssets.orgId, account.orgId),
                inArray(
                  mediaAssets.id,
                  post.media.map((m) => m.id),
                ),
              ),
            );
          const shown = post.media.filter((m) => own.some((o) => o.id === m.id));
          if (shown.length)
            await tx
              .insert(websiteEntryMedia)
              .values(shown.map((m, position) => ({ entryId: row.id, mediaId: m.id, position })));
        }
        if (post.poll) {
          const { question, options, endsAt, resultsVisibility } = post.poll;
          await tx
            .insert(websitePolls)
            .values({ entryId: row.id, question, options, endsAt: new Date(endsAt), resultsVisibility });
        }
        return { externalId: row.id, url: urlOf(row.orgId, row.id) };
      });
    },
  };
}
