// Publishing under rules, on the real database: guideline checks at submission, acknowledgement,
// approval (Freigabe), the outbox and the worker with the website and sandbox connectors.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeGuideline } from "../src/app/guidelines/acknowledge-guideline.js";
import { createPost } from "../src/app/posts/create-post.js";
import { decidePost } from "../src/app/posts/decide-post.js";
import { retryPost } from "../src/app/posts/retry-post.js";
import { savePost } from "../src/app/posts/save-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { updateChannelAccount } from "../src/app/channels/update-channel-account.js";
import { actorInOrganisation } from "../src/app/auth/actor-in-organisation.js";
import { updateMember } from "../src/app/members/update-member.js";
import { claimDuePublications } from "../src/app/publishing/claim-due-publications.js";
import { auditEvents, posts, publications, sandboxDeliveries, websiteEntries } from "../src/db/schema/index.js";
import type { AppContext } from "../src/app/context.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildGuideline,
  buildMember,
  systemAdminOf,
} from "./support/factories.js";
import { usePublishingHarness } from "./support/publishingHarness.js";

const harness = usePublishingHarness();
const { at, connectors, round, setting, draft } = harness;
let ctx: AppContext;
beforeAll(() => {
  ctx = harness.ctx();
});

describe("submitting a post against the guideline", () => {
  it("asks for the guideline to be acknowledged, blocks 'du' where 'Sie' is required, and accepts the formal text", async () => {
    const s = await setting();
    const guideline = await buildGuideline(ctx, s.org.id, {
      addressForm: { required: "formal", reason: "Wir siezen Bürgerinnen und Bürger." },
    });
    const post = await draft(s, "Kommst du zum Laternenfest? Wir freuen uns auf dich!");
    await expect(
      submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 }),
    ).rejects.toMatchObject({
      code: "GUIDELINE_NOT_ACKNOWLEDGED",
    });
    await acknowledgeGuideline(ctx, { actor: s.author.actor, orgId: s.org.id, guidelineId: guideline!.id });
    const refused = await submitPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      postId: post.id,
      revision: 1,
    }).catch((e) => e);
    expect(refused.code).toBe("GUIDELINE_VIOLATION");
    expect(refused.details.findings.map((f: { params: { word: string } }) => f.params.word)).toEqual(["du", "dich"]);

    const input = {
      body: "Kommen Sie zum Laternenfest? Wir freuen uns auf Sie!",
      departmentId: s.department.id,
      scheduledAt: "2026-11-23T11:00:00Z",
      channels: [{ channelAccountId: s.account.id, textOverride: null }],
    };
    const saved = await savePost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      postId: post.id,
      input: { ...input, revision: 1 },
    });
    await expect(
      savePost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { ...input, revision: 1 } }),
    ).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
    const submitted = await submitPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      postId: post.id,
      revision: saved!.revision,
    });
    expect(submitted).toMatchObject({ status: "in_review", guidelineId: guideline!.id, approvalMode: "single" });
    await expect(
      savePost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { ...input, revision: 2 } }),
    ).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("decides the approval lane itself: a post that claims to be campaign template text still needs approval", async () => {
    const s = await setting({ approval: "single" });
    const input = {
      body: "Ganz normaler Beitrag.",
      contentType: "campaign_template",
      scheduledAt: "2026-11-23T11:00:00Z",
      channels: [{ channelAccountId: s.account.id, textOverride: null }],
    };
    const post = await createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: input as Parameters<typeof createPost>[1]["input"],
    });
    expect(
      await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 }),
    ).toMatchObject({
      status: "in_review",
      contentType: "post",
      approvalMode: "single",
    });
  });

  it("refuses an editor publishing immediately, which needs the right to publish", async () => {
    const s = await setting({ approval: "none" });
    const post = await draft(s, "Heute geöffnet.", "2026-11-23T08:00:00Z");
    await expect(
      submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 }),
    ).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      details: { action: "post.publish" },
    });
  });

  it("lets an editor submit a post without a publishing time: it goes to approval, whose approver publishes it", async () => {
    const s = await setting({ approval: "single" });
    const post = await createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: {
        body: "Das Bürgerbüro hat ab Montag länger geöffnet.",
        departmentId: s.department.id,
        channels: [{ channelAccountId: s.account.id, textOverride: null }],
      },
    });
    expect(post.scheduledAt).toBeNull();
    expect(
      await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 }),
    ).toMatchObject({ status: "in_review", approvalMode: "single" });
    await decidePost(ctx, {
      actor: s.press.actor,
      orgId: s.org.id,
      postId: post.id,
      input: { decision: "approved", revision: 1 },
    });
    expect(await round()).toHaveLength(1);
    const [published] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(published?.status).toBe("published");
  });

  it("keeps a department-limited person to their department", async () => {
    const s = await setting();
    const other = await buildDepartment(ctx, s.org.id);
    const limited = await buildMember(ctx, s.org.id, { roles: ["department_contributor"], departmentIds: [other.id] });
    await expect(
      createPost(ctx, { actor: limited.actor, orgId: s.org.id, input: { body: "x", departmentId: s.department.id } }),
    ).rejects.toMatchObject({ code: "NOT_ALLOWED", details: { reason: "department" } });
  });
});

describe("who may publish where and when", () => {
  it("keeps a channel-limited person to their accounts and a trainee to office hours", async () => {
    const s = await setting({ approval: "none" });
    const other = await buildChannelAccount(ctx, s.org.id, { network: "sandbox" });
    await updateMember(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      userId: s.author.userId,
      input: { channelAccountIds: [s.account.id] },
    });
    const limited = await actorInOrganisation(ctx, { userId: s.author.userId, label: s.author.email, orgId: s.org.id });
    await expect(
      createPost(ctx, {
        actor: limited,
        orgId: s.org.id,
        input: { body: "x", channels: [{ channelAccountId: other.id, textOverride: null }] },
      }),
    ).rejects.toMatchObject({ code: "NOT_ALLOWED", details: { reason: "channel_account" } });
    expect(await draft({ ...s, author: { ...s.author, actor: limited } }, "Erlaubt.")).toMatchObject({
      status: "draft",
    });

    const officeHours = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" };
    const trainee = await buildMember(ctx, s.org.id, { roles: ["editor"], activeWindow: officeHours });
    const post = await draft({ ...s, author: trainee }, "Azubi-Beitrag.");
    at("2026-11-23T19:30:00Z"); // 20:30 in Berlin
    await expect(
      submitPost(ctx, { actor: trainee.actor, orgId: s.org.id, postId: post.id, revision: 1 }),
    ).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      details: { reason: "outside_window" },
    });
  });
});

describe("approval (Freigabe)", () => {
  it("never lets the author approve, needs two people under four eyes, then publishes at the scheduled minute exactly once", async () => {
    const s = await setting({ approval: "four_eyes" });
    const author = await buildMember(ctx, s.org.id, { roles: ["press_office"] });
    const post = await createPost(ctx, {
      actor: author.actor,
      orgId: s.org.id,
      input: {
        body: "Die Stadtbibliothek öffnet am Samstag.",
        departmentId: s.department.id,
        scheduledAt: "2026-11-23T11:00:00Z",
        channels: [{ channelAccountId: s.account.id, textOverride: null }],
      },
    });
    await submitPost(ctx, { actor: author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const decide = (who: typeof author, decision: "approved" | "changes_requested" = "approved") =>
      decidePost(ctx, {
        actor: who.actor,
        orgId: s.org.id,
        postId: post.id,
        input: { decision, revision: 1, comment: decision === "approved" ? "" : "Bitte kürzen" },
      });
    await expect(decide(author)).rejects.toMatchObject({ code: "NOT_ALLOWED", details: { reason: "own_post" } });
    expect(await decide(s.press)).toEqual({ status: "in_review", step: 0 });
    await expect(decide(s.press)).rejects.toMatchObject({ details: { reason: "already_approved" } });
    expect(await decide(s.press2)).toEqual({ status: "scheduled", step: 1 });

    expect(await round()).toEqual([]);
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    expect(await round()).toEqual([]);
    const entries = await ctx.db.select().from(websiteEntries).where(eq(websiteEntries.channelAccountId, s.account.id));
    expect(entries.map((e) => e.text)).toEqual(["Die Stadtbibliothek öffnet am Samstag."]);
    const [published] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(published).toMatchObject({ status: "published", publishedAt: new Date("2026-11-23T11:00:00Z") });
    const trail = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, post.id));
    expect(trail.map((e) => e.action)).toEqual([
      "post.created",
      "post.submitted",
      "post.approved",
      "post.approved",
      "post.published",
    ]);
  });

  it("runs a chain: department head of the post's department first, then the press office", async () => {
    const s = await setting({ approval: "chain" });
    const post = await draft(s, "Neue Öffnungszeiten im Jugendamt.");
    // No guideline is in force in this organisation: submission needs no acknowledgement.
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const approve = (who: typeof s.press) =>
      decidePost(ctx, {
        actor: who.actor,
        orgId: s.org.id,
        postId: post.id,
        input: { decision: "approved", revision: 1 },
      });
    await expect(approve(s.press)).rejects.toMatchObject({ details: { reason: "step_role" } });
    expect(await approve(s.head)).toEqual({ status: "in_review", step: 0 });
    expect(await approve(s.press)).toEqual({ status: "scheduled", step: 1 });
  });

  it("sends a post back with a comment, and the author can edit and resubmit it", async () => {
    const s = await setting();
    const post = await draft(s, "Erste Fassung.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    await expect(
      decidePost(ctx, {
        actor: s.press.actor,
        orgId: s.org.id,
        postId: post.id,
        input: { decision: "changes_requested", revision: 1 },
      }),
    ).rejects.toThrow();
    expect(
      await decidePost(ctx, {
        actor: s.press.actor,
        orgId: s.org.id,
        postId: post.id,
        input: { decision: "changes_requested", revision: 1, comment: "Bitte Uhrzeit nennen." },
      }),
    ).toMatchObject({
      status: "changes_requested",
    });
    const saved = await savePost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      postId: post.id,
      input: {
        body: "Zweite Fassung, ab 10 Uhr.",
        departmentId: s.department.id,
        scheduledAt: "2026-11-23T11:00:00Z",
        channels: [{ channelAccountId: s.account.id, textOverride: null }],
        revision: 1,
      },
    });
    expect(saved).toMatchObject({ status: "changes_requested", revision: 2 });
    expect(
      await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 2 }),
    ).toMatchObject({ status: "in_review" });
  });
});

describe("reliable publishing", () => {
  it("retries transient failures with backoff, fails permanently with the channel's words, and publishes after a manual retry", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    await updateChannelAccount(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { failWith: "transient" } },
    });
    const post = await draft(s, "Stromausfall behoben.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["retry"]);
    const [pending] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(pending).toMatchObject({ status: "pending", attempts: 1, lastErrorKind: "transient" });
    expect(pending!.nextAttemptAt.getTime() - harness.now().getTime()).toBe(30_000);
    expect(await round()).toEqual([]);

    await updateChannelAccount(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { failWith: "permanent" } },
    });
    at("2026-11-23T11:01:00Z");
    expect(await round()).toEqual(["failed"]);
    const [failedPost] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(failedPost!.status).toBe("failed");
    const [failed] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(failed).toMatchObject({ status: "failed", lastError: "sandbox: simulated permanent error" });

    await updateChannelAccount(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { failWith: "none" } },
    });
    await expect(retryPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).rejects.toMatchObject({
      code: "NOT_ALLOWED",
    });
    expect(await retryPost(ctx, { actor: s.press.actor, orgId: s.org.id, postId: post.id })).toEqual({
      status: "scheduled",
      publications: 1,
    });
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent).toHaveLength(1);
  });

  it("gets a post through a flaky network after two transient failures, backing off 30 s then 60 s", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    await updateChannelAccount(ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      channelAccountId: s.account.id,
      input: { settings: { failWith: "transient", failFirstAttempts: 2 } },
    });
    const post = await draft(s, "Baustelle Hauptstraße verlängert.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const due = (iso: string) => {
      at(iso);
      return round();
    };
    expect(await due("2026-11-23T11:00:00Z")).toEqual(["retry"]);
    expect(await due("2026-11-23T11:00:29Z")).toEqual([]);
    expect(await due("2026-11-23T11:00:30Z")).toEqual(["retry"]);
    expect(await due("2026-11-23T11:01:29Z")).toEqual([]);
    expect(await due("2026-11-23T11:01:30Z")).toEqual(["published"]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent).toHaveLength(1);
  });

  it("recovers a send interrupted after the channel accepted it, without sending again", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await draft(s, "Wochenmarkt fällt aus.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    // A worker claims it and the channel accepts it, then the worker dies before recording anything.
    const [claimed] = await claimDuePublications(ctx, { limit: 10, leaseMs: 60_000 });
    const sandbox = connectors().get("sandbox")!;
    await sandbox.publish(
      { id: s.account.id, orgId: s.org.id, settings: {} },
      {
        idempotencyKey: claimed!.idempotencyKey,
        attempt: 1,
        orgId: s.org.id,
        postId: post.id,
        text: "Wochenmarkt fällt aus.",
        media: [],
        poll: null,
      },
    );
    expect(await round()).toEqual([]); // the lease still holds
    at("2026-11-23T11:01:01Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent).toHaveLength(1);
    const [done] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(done).toMatchObject({ status: "published", attempts: 2, externalId: sent[0]!.id });
  });
});
