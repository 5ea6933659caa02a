// The post a conversation counts for in the reports by campaign and post (conversation_first_posts, kept by the
// database — migration 0058) against a straight look at its messages, after each kind of change that can move it:
// ingestion (a batch stored, then threaded), a later message under another post, an earlier one arriving late, a
// message given another post, moved to another conversation, and removed. Runs on PGlite and PostgreSQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import type { Database } from "../src/db/client.js";
import { rowsOf } from "../src/db/queries/rows.js";
import { inboundMessages } from "../src/db/schema/index.js";
import { storeCitizenMessages } from "./support/citizenMessages.js";
import { buildChannelAccount, buildOrg, buildTestContext } from "./support/factories.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
const now = new Date("2026-12-06T10:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

/** Each conversation's first post as kept, and as its earliest message (by received_at, id) names it. */
async function firstPostsOf(orgId: string) {
  const rows = rowsOf<{ id: string; kept: string | null; straight: string | null }>(
    await ctx.db.execute(sql`
      select c.id, (select f.post_id from conversation_first_posts f where f.conversation_id = c.id) as kept,
             (select m.post_id from inbound_messages m where m.conversation_id = c.id
               order by m.received_at, m.id limit 1) as straight
        from conversations c where c.org_id = ${orgId}::uuid order by c.id`),
  );
  return {
    kept: new Map(rows.map((r) => [r.id, r.kept])),
    straight: new Map(rows.map((r) => [r.id, r.straight])),
  };
}

describe("the post a conversation counts for", () => {
  it("is the post of its earliest message, whatever links, moves, changes or removes one", async () => {
    const org = await buildOrg(ctx);
    const mastodon = await buildChannelAccount(ctx, org.id, { name: "Mastodon" });
    const post = async (externalId: string) =>
      (await buildPublishedPost(ctx, org.id, { on: [{ channelAccountId: mastodon.id, externalId }] })).id;
    const [baustelle, markt] = [await post("toot-a"), await post("toot-b")];
    const under = (thread: string, items: { at: string; handle: string }[]) =>
      storeCitizenMessages(ctx, {
        orgId: org.id,
        channelAccountId: mastodon.id,
        now,
        threadExternalId: thread,
        items: items.map((i) => ({ at: i.at, handle: i.handle, text: "Wann geht es weiter?" })),
      });
    const expectKept = async (expected: Record<string, string | null>) => {
      const { kept, straight } = await firstPostsOf(org.id);
      expect(kept).toEqual(straight);
      for (const [conversationId, postId] of Object.entries(expected)) expect(kept.get(conversationId)).toBe(postId);
    };

    // Anna under the Baustelle, Ben under the Markt: each conversation counts for its post.
    const [anna] = await under("toot-a", [{ at: "2026-12-01T09:00:00Z", handle: "@anna" }]);
    const [ben] = await under("toot-b", [{ at: "2026-12-01T10:00:00Z", handle: "@ben" }]);
    const a = anna?.conversationId ?? "";
    const b = ben?.conversationId ?? "";
    await expectKept({ [a]: baustelle, [b]: markt });

    // A later message of Anna's in the same conversation under another post changes nothing…
    const [later] = await under("toot-a", [{ at: "2026-12-02T09:00:00Z", handle: "@anna" }]);
    expect(later?.conversationId).toBe(a);
    await ctx.db
      .update(inboundMessages)
      .set({ postId: markt })
      .where(eq(inboundMessages.id, later?.id ?? ""));
    await expectKept({ [a]: baustelle });

    // …an earlier one arriving late, under the Markt, makes it the Markt's.
    const [earlier] = await under("toot-a", [{ at: "2026-11-30T09:00:00Z", handle: "@anna" }]);
    await ctx.db
      .update(inboundMessages)
      .set({ postId: markt })
      .where(eq(inboundMessages.id, earlier?.id ?? ""));
    await expectKept({ [a]: markt });

    // The first message given no post: the conversation counts for none.
    await ctx.db
      .update(inboundMessages)
      .set({ postId: null })
      .where(eq(inboundMessages.id, earlier?.id ?? ""));
    await expectKept({ [a]: null });

    // Removed, the next message is the first again.
    await ctx.db.delete(inboundMessages).where(eq(inboundMessages.id, earlier?.id ?? ""));
    await expectKept({ [a]: baustelle });

    // Anna's first message moved into Ben's conversation: hers counts for the Markt (her later message's post),
    // Ben's for the Baustelle (now its earliest).
    await ctx.db
      .update(inboundMessages)
      .set({ conversationId: b })
      .where(eq(inboundMessages.id, anna?.id ?? ""));
    await expectKept({ [a]: markt, [b]: baustelle });

    // A moderation decision moves nothing (hidden, a message still opens its conversation).
    await ctx.db.update(inboundMessages).set({ visibility: "hidden" }).where(eq(inboundMessages.orgId, org.id));
    await expectKept({ [a]: markt, [b]: baustelle });
  });
});
