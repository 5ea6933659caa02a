// The built-in website channel: publishing writes the entry into the organisation's own feed, keyed
// by the idempotency key, so a repeated send finds the entry instead of adding a second one.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { websiteEntries } from "../../db/schema/index.js";
import type { ChannelConnector, ConnectorAccount, OutgoingPost, PublishedItem } from "../../domain/connector.js";

export function createWebsiteConnector(deps: { db: Db; clock: () => Date; publicUrl: string }): ChannelConnector {
  const urlOf = (orgId: string, id: string) => `${deps.publicUrl}/p/${orgId}#${id}`;
  async function findPublished(_account: ConnectorAccount, idempotencyKey: string): Promise<PublishedItem | null> {
    const [row] = await deps.db.select().from(websiteEntries).where(eq(websiteEntries.idempotencyKey, idempotencyKey));
    return row ? { externalId: row.id, url: urlOf(row.orgId, row.id) } : null;
  }
  return {
    network: "website",
    findPublished,
    async publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem> {
      const [row] = await deps.db
        .insert(websiteEntries)
        .values({ orgId: account.orgId, channelAccountId: account.id, idempotencyKey: post.idempotencyKey, text: post.text, publishedAt: deps.clock() })
        .onConflictDoNothing({ target: websiteEntries.idempotencyKey })
        .returning();
      if (row) return { externalId: row.id, url: urlOf(row.orgId, row.id) };
      const existing = await findPublished(account, post.idempotencyKey);
      if (!existing) throw new Error("website entry neither inserted nor found");
      return existing;
    },
  };
}
