// Publishing after the Freigabe, on the real database: threads, deleting from the channels again,
// rescheduling and withdrawing, and the guideline review cycle.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createPost } from "../src/app/posts/create-post.js";
import { reschedulePost } from "../src/app/posts/reschedule-post.js";
import { retractPost } from "../src/app/posts/retract-post.js";
import { listPublicFeed } from "../src/app/website/list-public-feed.js";
import { withdrawPost } from "../src/app/posts/withdraw-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { updateChannelAccount } from "../src/app/channels/update-channel-account.js";
import { claimDuePublications } from "../src/app/publishing/claim-due-publications.js";
import {
  auditEvents,
  organisations,
  posts,
  publications,
  sandboxDeliveries,
  websiteEntries,
} from "../src/db/schema/index.js";
import type { AppContext } from "../src/app/context.js";
import { buildChannelAccount, buildGuideline, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { usePublishingHarness } from "./support/publishingHarness.js";

const harness = usePublishingHarness();
const { at, connectors, round, setting, draft } = harness;
let ctx: AppContext;
beforeAll(() => {
  ctx = harness.ctx();
});

describe("threads", () => {
  const parts = [
    "Die Brücke am Hafen bleibt bis Freitag gesperrt.",
    "Die Umleitung führt über die Hafenstraße.",
    "Busse fahren wie gewohnt.",
  ];
  const threadDraft = (s: Awaited<ReturnType<typeof setting>>) =>
    createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: {
        body: parts[0],
        threadParts: parts.slice(1),
        departmentId: s.department.id,
        scheduledAt: "2026-11-23T11:00:00Z",
        channels: [{ channelAccountId: s.account.id, textOverride: null }],
      },
    });

  it("publishes a thread post by post, each answering the one before, where the network has threads", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await threadDraft(s);
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    const first = sent.find((d) => d.inReplyToExternalId === null);
    const second = sent.find((d) => d.inReplyToExternalId === first?.id);
    const third = sent.find((d) => d.inReplyToExternalId === second?.id);
    expect([first?.text, second?.text, third?.text]).toEqual(parts);
    expect(sent).toHaveLength(3);
    const [done] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(done?.externalId).toBe(first?.id);
  });

  it("goes on with a thread that broke off in the middle, without sending a post twice", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await threadDraft(s);
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    // A worker sends the first two posts, then dies before the third.
    const [claimed] = await claimDuePublications(ctx, { limit: 10, leaseMs: 60_000 });
    const sandbox = connectors().get("sandbox")!;
    const account = { id: s.account.id, orgId: s.org.id, settings: {} };
    const one = await sandbox.publish(account, {
      idempotencyKey: claimed!.idempotencyKey,
      attempt: 1,
      orgId: s.org.id,
      postId: post.id,
      text: parts[0]!,
      media: [],
      poll: null,
    });
    await sandbox.publish(account, {
      idempotencyKey: `${claimed!.idempotencyKey}#2`,
      attempt: 1,
      orgId: s.org.id,
      postId: post.id,
      text: parts[1]!,
      media: [],
      poll: null,
      inReplyToExternalId: one.externalId,
    });
    at("2026-11-23T11:01:01Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent.map((d) => d.text).sort()).toEqual([...parts].sort());
    const second = sent.find((d) => d.text === parts[1]);
    expect(sent.find((d) => d.text === parts[2])?.inReplyToExternalId).toBe(second?.id);
  });

  it("deletes a published thread from its channel again, later posts first, only for someone who may publish, and only once", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await threadDraft(s);
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    const [published] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(published?.partExternalIds).toHaveLength(2);
    // The author (an editor) may not take it down; the press office may.
    const refused = await retractPost(
      ctx,
      { connectors: connectors() },
      { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { reason: "Falsches Datum" } },
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "NOT_ALLOWED" });
    const done = await retractPost(
      ctx,
      { connectors: connectors() },
      { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Falsches Datum" } },
    );
    expect(done.outcomes).toEqual([{ channelAccountId: s.account.id, outcome: "done" }]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent.map((d) => d.deletedAt !== null)).toEqual([true, true, true]);
    const [after] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(after).toMatchObject({ retractOutcome: "done" });
    const [row] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ retractReason: "Falsches Datum", retractedByUserId: s.press.userId });
    const again = await retractPost(
      ctx,
      { connectors: connectors() },
      { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Nochmal" } },
    ).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "INVALID_TRANSITION" });
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, post.id));
    expect(events.map((e) => e.action)).toContain("post.retracted");
  });

  it("cancels what has not gone out yet when a post is deleted from its channels", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const broken = await buildChannelAccount(ctx, s.org.id, {
      network: "sandbox",
      departmentId: s.department.id,
      settings: { failWith: "permanent" },
      approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    });
    const post = await createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: {
        body: "Wahllokal zieht um.",
        departmentId: s.department.id,
        scheduledAt: "2026-11-23T11:00:00Z",
        channels: [
          { channelAccountId: s.account.id, textOverride: null },
          { channelAccountId: broken.id, textOverride: null },
        ],
      },
    });
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    await round();
    const done = await retractPost(
      ctx,
      { connectors: connectors() },
      { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Angabe war falsch" } },
    );
    expect(done.outcomes).toEqual([{ channelAccountId: s.account.id, outcome: "done" }]);
    const rows = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(rows.find((r) => r.channelAccountId === broken.id)?.status).toBe("cancelled");
  });

  it("takes a website entry down from the public pages when the post is deleted from its channels", async () => {
    const s = await setting({ approval: "none", network: "website" });
    const post = await draft(s, "Sprechstunde am Montag fällt aus.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    const [org] = await ctx.db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, s.org.id));
    const feed = async () => (await listPublicFeed(ctx, { orgKey: org?.slug ?? "" })).entries.map((e) => e.text);
    expect(await feed()).toContain("Sprechstunde am Montag fällt aus.");
    await retractPost(
      ctx,
      { connectors: connectors() },
      { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Doch nicht ausgefallen" } },
    );
    expect(await feed()).not.toContain("Sprechstunde am Montag fällt aus.");
  });

  it("sends a thread as one text of paragraphs where the channel has no threads (the website)", async () => {
    const s = await setting({ approval: "none", network: "website" });
    const post = await threadDraft(s);
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    const entries = await ctx.db.select().from(websiteEntries).where(eq(websiteEntries.channelAccountId, s.account.id));
    expect(entries.map((e) => e.text)).toEqual([parts.join("\n\n")]);
  });
});

describe("rescheduling and withdrawing (calendar)", () => {
  it("moves a scheduled post and its outbox rows, re-checking the posting hours and the right to schedule", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const hours = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "07:00", to: "20:00" };
    await updateChannelAccount(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { postingWindows: [hours] },
    });
    const post = await draft(s, "Sprechstunde der Bürgermeisterin.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const move = (who: typeof s.author, scheduledAt: string) =>
      reschedulePost(ctx, { actor: who.actor, orgId: s.org.id, postId: post.id, input: { scheduledAt } });

    expect(await move(s.author, "2026-11-24T09:30:00Z")).toMatchObject({
      scheduledAt: new Date("2026-11-24T09:30:00Z"),
    });
    const [row] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(row).toMatchObject({
      dueAt: new Date("2026-11-24T09:30:00Z"),
      nextAttemptAt: new Date("2026-11-24T09:30:00Z"),
    });
    await expect(move(s.author, "2026-11-28T21:00:00Z")).rejects.toMatchObject({ code: "GUIDELINE_VIOLATION" }); // Saturday night
    await expect(move(s.author, "2026-11-20T09:00:00Z")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { problem: "in_past" },
    });
    const contributor = await buildMember(ctx, s.org.id, { roles: ["department_contributor"] });
    await expect(move(contributor, "2026-11-25T09:00:00Z")).rejects.toMatchObject({ code: "NOT_ALLOWED" });

    at("2026-11-24T09:30:00Z");
    expect(await round()).toEqual(["published"]);
    await expect(move(s.author, "2026-11-25T09:00:00Z")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(withdrawPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("withdraws a scheduled post back to a draft and cancels its outbox rows", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await draft(s, "Doch nicht.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    expect(await withdrawPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).toMatchObject({
      status: "draft",
      revision: 2,
    });
    const [row] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(row?.status).toBe("cancelled");
    at("2026-11-23T12:00:00Z");
    expect(await round()).toEqual([]);
  });
});

describe("guideline review cycle", () => {
  it("warns once a day when the review of the guideline in force is due, and again when it is overdue", async () => {
    const { checkGuidelineReviews } = await import("../src/app/guidelines/check-guideline-reviews.js");
    const org = await buildOrg(ctx);
    const guideline = await buildGuideline(ctx, org.id, {}, "2026-12-01");
    const mine = (list: { guidelineId: string; state: string }[]) =>
      list.filter((n) => n.guidelineId === guideline!.id).map((n) => n.state);
    at("2026-11-01T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual([]);
    at("2026-11-23T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual(["due_soon"]);
    expect(mine(await checkGuidelineReviews(ctx))).toEqual([]);
    at("2026-12-02T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual(["overdue"]);
    const trail = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, guideline!.id));
    expect(trail.map((e) => e.action)).toEqual([
      "guideline.version_created",
      "guideline.activated",
      "guideline.review_due",
      "guideline.review_overdue",
    ]);
  });
});
