// A post with a poll goes through the normal publishing path to the website channel, where the poll
// appears under the post; networks without polls are blocked by the check.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPostDraft } from "../src/app/posts/check-post.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { publications, websiteEntries, websitePolls } from "../src/db/schema/index.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { buildChannelAccount, buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

let now = new Date("2026-11-25T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const poll = {
  question: "Welches Tier stellen wir vor?",
  options: ["Igel", "Fledermaus"],
  endsAt: "2026-12-01T12:00:00Z",
  resultsVisibility: "after_vote" as const,
};

describe("polls through the publishing path", () => {
  it("blocks a poll on a network without polls and one that ends before publication", async () => {
    const org = await buildOrg(t.ctx);
    const website = await buildChannelAccount(t.ctx, org.id, { network: "website", name: "Website" });
    const bluesky = await buildChannelAccount(t.ctx, org.id, {
      network: "sandbox",
      emulates: "bluesky",
      name: "Bluesky (Sandbox)",
    });
    const author = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const channels = [website, bluesky].map((a) => ({ channelAccountId: a.id, textOverride: null }));
    const result = await checkPostDraft(t.ctx, {
      actor: author.actor,
      orgId: org.id,
      input: { body: "Stimmen Sie ab!", channels, poll },
    });
    const pollFindings = result.findings.filter((f) => f.rule === "channel_poll" || f.rule === "poll_end");
    expect(pollFindings).toEqual([
      expect.objectContaining({ rule: "channel_poll", severity: "blocker", channelAccountIds: [bluesky.id] }),
    ]);
    const late = await checkPostDraft(t.ctx, {
      actor: author.actor,
      orgId: org.id,
      input: { body: "Stimmen Sie ab!", channels: channels.slice(0, 1), poll, scheduledAt: "2026-12-02T09:00:00Z" },
    });
    expect(late.findings.map((f) => f.rule)).toContain("poll_end");
  });

  it("publishes the poll with the post on the website channel, where citizens see it", async () => {
    const org = await buildOrg(t.ctx);
    const website = await buildChannelAccount(t.ctx, org.id, {
      network: "website",
      name: "Website",
      approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    });
    const author = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
    const post = await createPost(t.ctx, {
      actor: author.actor,
      orgId: org.id,
      input: {
        body: "Wahl zum Tier des Monats: Stimmen Sie ab!",
        channels: [{ channelAccountId: website.id, textOverride: null }],
        poll,
      },
    });
    await submitPost(t.ctx, { actor: author.actor, orgId: org.id, postId: post.id, revision: 1 });
    const connectors = createConnectorRegistry({ db: t.ctx.db, clock: () => now, publicUrl: t.ctx.publicUrl });
    now = new Date("2026-11-25T09:01:00Z");
    // The outbox is shared by the whole database (on a server, by every test file): check this post's row.
    await runPublishRound(t.ctx, { connectors });
    const [publication] = await t.ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(publication?.status).toBe("published");
    const [entry] = await t.ctx.db.select().from(websiteEntries).where(eq(websiteEntries.postId, post.id));
    const [stored] = await t.ctx.db.select().from(websitePolls).where(eq(websitePolls.entryId, entry!.id));
    expect(stored).toMatchObject({ question: poll.question, options: poll.options, resultsVisibility: "after_vote" });
    expect(stored?.endsAt.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    const page = await t.app.inject({ method: "GET", url: `/p/${org.slug}/beitrag/${entry!.id}` });
    expect(page.body).toContain("Umfrage: Welches Tier stellen wir vor?");
  });
});
