// An audit chain whose head was set by hand stops its own organisation's actions (they would sign the head
// anew), never another organisation's: the jobs that record several organisations at once go on for the others.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { resealAuditChain } from "../src/app/audit/reseal-audit-chain.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { auditChains, publications, websiteEntries } from "../src/db/schema/index.js";
import { type PublishingSetting, usePublishingHarness } from "./support/publishingHarness.js";

const harness = usePublishingHarness();
const { at, round, setting, draft } = harness;
let ctx: AppContext;
beforeAll(() => {
  ctx = harness.ctx();
});

const statusOf = async (postId: string) =>
  (await ctx.db.select().from(publications).where(eq(publications.postId, postId)))[0]?.status;

async function scheduled(s: PublishingSetting) {
  const post = await draft(s, "Das Laternenfest beginnt um 17 Uhr am Rathaus.");
  await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
  return post;
}

describe("a damaged audit chain", () => {
  it("leaves the other organisations' publications of the same round recorded", async () => {
    const damaged = await setting({ approval: "none" });
    const healthy = await setting({ approval: "none" });
    const [lost, kept] = [await scheduled(damaged), await scheduled(healthy)];
    await ctx.db
      .update(auditChains)
      .set({ headMac: "ab".repeat(32) })
      .where(eq(auditChains.chainId, damaged.org.id));

    at("2026-11-23T11:00:00Z");
    expect((await round()).sort()).toEqual(["published", "unrecorded"]);
    expect(await statusOf(kept.id)).toBe("published");
    expect(await statusOf(lost.id)).toBe("sending");

    // Once the operator has resealed the chain, the publication is recovered (found, not sent again).
    await resealAuditChain(ctx, { chainId: damaged.org.id, actor: { userId: null, label: "cli" } });
    at("2026-11-23T11:05:00Z");
    expect(await round()).toEqual(["published"]);
    expect(await statusOf(lost.id)).toBe("published");
    const entries = await ctx.db
      .select()
      .from(websiteEntries)
      .where(eq(websiteEntries.channelAccountId, damaged.account.id));
    expect(entries).toHaveLength(1);
  });
});
