// The post list on the real database: filtering by channel account happens in the query, so a page holds as
// many of that account's posts as asked for, however many posts of other accounts are newer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { createPost } from "../src/app/posts/create-post.js";
import { listPosts } from "../src/app/posts/list-posts.js";
import type { Database } from "../src/db/client.js";
import { buildChannelAccount, buildMember, buildOrg, buildTestContext } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
let now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

describe("the post list", () => {
  it("fills a page with the chosen account's posts even when newer posts of other accounts come first", async () => {
    const org = await buildOrg(ctx);
    const website = await buildChannelAccount(ctx, org.id, { network: "sandbox", name: "Website" });
    const mastodon = await buildChannelAccount(ctx, org.id, { network: "sandbox", name: "Mastodon" });
    const admin = (await buildMember(ctx, org.id, { roles: ["press_office"] })).actor;
    const draft = (body: string, accountId: string) => {
      now = new Date(now.getTime() + 60_000);
      return createPost(ctx, {
        actor: admin,
        orgId: org.id,
        input: { body, channels: [{ channelAccountId: accountId, textOverride: null }] },
      });
    };
    for (let i = 1; i <= 3; i++) await draft(`Website ${i}`, website.id);
    for (let i = 1; i <= 5; i++) await draft(`Mastodon ${i}`, mastodon.id);

    const page = await listPosts(ctx, {
      actor: admin,
      orgId: org.id,
      query: { channelAccountId: website.id, limit: 2 },
    });
    expect(page.map((p) => p.excerpt)).toEqual(["Website 3", "Website 2"]);
    expect(page.every((p) => p.channels.some((c) => c.id === website.id))).toBe(true);
  });
});
