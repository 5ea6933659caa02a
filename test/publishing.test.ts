// Publishing under rules, on the real database: guideline checks at submission, acknowledgement,
// approval (Freigabe), the outbox and the worker with the website and sandbox connectors.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeGuideline } from "../src/app/guidelines/acknowledge-guideline.js";
import { createPost } from "../src/app/posts/create-post.js";
import { decidePost } from "../src/app/posts/decide-post.js";
import { reschedulePost } from "../src/app/posts/reschedule-post.js";
import { retractPost } from "../src/app/posts/retract-post.js";
import { retryPost } from "../src/app/posts/retry-post.js";
import { listPublicFeed } from "../src/app/website/list-public-feed.js";
import { withdrawPost } from "../src/app/posts/withdraw-post.js";
import { savePost } from "../src/app/posts/save-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { updateChannelAccount } from "../src/app/channels/update-channel-account.js";
import { actorInOrganisation } from "../src/app/auth/actor-in-organisation.js";
import { updateMember } from "../src/app/members/update-member.js";
import { claimDuePublications } from "../src/app/publishing/claim-due-publications.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import type { Database } from "../src/db/client.js";
import { auditEvents, organisations, posts, publications, sandboxDeliveries, websiteEntries } from "../src/db/schema/index.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import type { AppContext } from "../src/app/context.js";
import { buildChannelAccount, buildDepartment, buildGuideline, buildMember, buildOrg, buildTestContext, systemAdminOf } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
let now = new Date("2026-11-23T09:00:00Z"); // Monday, 10:00 in Berlin
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

const connectors = () => createConnectorRegistry({ db: ctx.db, clock: () => now, publicUrl: "http://localhost:3000" });
const round = () => runPublishRound(ctx, { connectors: connectors(), random: () => 0.5 }, { leaseMs: 60_000 });

async function setting(options: { approval?: "none" | "single" | "four_eyes" | "chain"; network?: "website" | "sandbox" } = {}) {
  // The outbox is shared by the whole database: deliver what earlier tests left due, far in the future.
  at("2030-01-01T00:00:00Z");
  while ((await round()).length > 0);
  at("2026-11-23T09:00:00Z");
  const org = await buildOrg(ctx);
  const department = await buildDepartment(ctx, org.id, { name: "Jugendamt" });
  const mode = options.approval ?? "single";
  const account = await buildChannelAccount(ctx, org.id, {
    network: options.network ?? "website",
    departmentId: department.id,
    approval: { post: mode, campaign_template: "none", campaign_free: mode },
  });
  const author = await buildMember(ctx, org.id, { roles: ["editor"] });
  const press = await buildMember(ctx, org.id, { roles: ["press_office"] });
  const press2 = await buildMember(ctx, org.id, { roles: ["press_office"] });
  const head = await buildMember(ctx, org.id, { roles: ["department_head"], departmentIds: [department.id] });
  return { org, department, account, author, press, press2, head };
}

async function draft(s: Awaited<ReturnType<typeof setting>>, body: string, scheduledAt = "2026-11-23T11:00:00Z") {
  return createPost(ctx, {
    actor: s.author.actor,
    orgId: s.org.id,
    input: { body, departmentId: s.department.id, scheduledAt, channels: [{ channelAccountId: s.account.id, textOverride: null }] },
  });
}

describe("submitting a post against the guideline", () => {
  it("asks for the guideline to be acknowledged, blocks 'du' where 'Sie' is required, and accepts the formal text", async () => {
    const s = await setting();
    const guideline = await buildGuideline(ctx, s.org.id, { addressForm: { required: "formal", reason: "Wir siezen Bürgerinnen und Bürger." } });
    const post = await draft(s, "Kommst du zum Laternenfest? Wir freuen uns auf dich!");
    await expect(submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 })).rejects.toMatchObject({
      code: "GUIDELINE_NOT_ACKNOWLEDGED",
    });
    await acknowledgeGuideline(ctx, { actor: s.author.actor, orgId: s.org.id, guidelineId: guideline!.id });
    const refused = await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 }).catch((e) => e);
    expect(refused.code).toBe("GUIDELINE_VIOLATION");
    expect(refused.details.findings.map((f: { params: { word: string } }) => f.params.word)).toEqual(["du", "dich"]);

    const input = { body: "Kommen Sie zum Laternenfest? Wir freuen uns auf Sie!", departmentId: s.department.id, scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }] };
    const saved = await savePost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { ...input, revision: 1 } });
    await expect(savePost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { ...input, revision: 1 } })).rejects.toMatchObject({ code: "EDIT_CONFLICT" });
    const submitted = await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: saved!.revision });
    expect(submitted).toMatchObject({ status: "in_review", guidelineId: guideline!.id, approvalMode: "single" });
    await expect(savePost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { ...input, revision: 2 } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("decides the approval lane itself: a post that claims to be campaign template text still needs approval", async () => {
    const s = await setting({ approval: "single" });
    const input = { body: "Ganz normaler Beitrag.", contentType: "campaign_template", scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }] };
    const post = await createPost(ctx, { actor: s.author.actor, orgId: s.org.id, input: input as Parameters<typeof createPost>[1]["input"] });
    expect(await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 })).toMatchObject({
      status: "in_review",
      contentType: "post",
      approvalMode: "single",
    });
  });

  it("refuses an editor publishing immediately, which needs the right to publish", async () => {
    const s = await setting({ approval: "none" });
    const post = await draft(s, "Heute geöffnet.", "2026-11-23T08:00:00Z");
    await expect(submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 })).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      details: { action: "post.publish" },
    });
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
    await updateMember(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, userId: s.author.userId, input: { channelAccountIds: [s.account.id] } });
    const limited = await actorInOrganisation(ctx, { userId: s.author.userId, label: s.author.email, orgId: s.org.id });
    await expect(
      createPost(ctx, { actor: limited, orgId: s.org.id, input: { body: "x", channels: [{ channelAccountId: other.id, textOverride: null }] } }),
    ).rejects.toMatchObject({ code: "NOT_ALLOWED", details: { reason: "channel_account" } });
    expect(await draft({ ...s, author: { ...s.author, actor: limited } }, "Erlaubt.")).toMatchObject({ status: "draft" });

    const officeHours = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" };
    const trainee = await buildMember(ctx, s.org.id, { roles: ["editor"], activeWindow: officeHours });
    const post = await draft({ ...s, author: trainee }, "Azubi-Beitrag.");
    at("2026-11-23T19:30:00Z"); // 20:30 in Berlin
    await expect(submitPost(ctx, { actor: trainee.actor, orgId: s.org.id, postId: post.id, revision: 1 })).rejects.toMatchObject({
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
      input: { body: "Die Stadtbibliothek öffnet am Samstag.", departmentId: s.department.id, scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }] },
    });
    await submitPost(ctx, { actor: author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const decide = (who: typeof author, decision: "approved" | "changes_requested" = "approved") =>
      decidePost(ctx, { actor: who.actor, orgId: s.org.id, postId: post.id, input: { decision, revision: 1, comment: decision === "approved" ? "" : "Bitte kürzen" } });
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
    const trail = await ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, post.id));
    expect(trail.map((e) => e.action)).toEqual(["post.created", "post.submitted", "post.approved", "post.approved", "post.published"]);
  });

  it("runs a chain: department head of the post's department first, then the press office", async () => {
    const s = await setting({ approval: "chain" });
    const post = await draft(s, "Neue Öffnungszeiten im Jugendamt.");
    // No guideline is in force in this organisation: submission needs no acknowledgement.
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const approve = (who: typeof s.press) => decidePost(ctx, { actor: who.actor, orgId: s.org.id, postId: post.id, input: { decision: "approved", revision: 1 } });
    await expect(approve(s.press)).rejects.toMatchObject({ details: { reason: "step_role" } });
    expect(await approve(s.head)).toEqual({ status: "in_review", step: 0 });
    expect(await approve(s.press)).toEqual({ status: "scheduled", step: 1 });
  });

  it("sends a post back with a comment, and the author can edit and resubmit it", async () => {
    const s = await setting();
    const post = await draft(s, "Erste Fassung.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    await expect(decidePost(ctx, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { decision: "changes_requested", revision: 1 } })).rejects.toThrow();
    expect(await decidePost(ctx, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { decision: "changes_requested", revision: 1, comment: "Bitte Uhrzeit nennen." } })).toMatchObject({
      status: "changes_requested",
    });
    const saved = await savePost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      postId: post.id,
      input: { body: "Zweite Fassung, ab 10 Uhr.", departmentId: s.department.id, scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }], revision: 1 },
    });
    expect(saved).toMatchObject({ status: "changes_requested", revision: 2 });
    expect(await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 2 })).toMatchObject({ status: "in_review" });
  });
});

describe("reliable publishing", () => {
  it("retries transient failures with backoff, fails permanently with the channel's words, and publishes after a manual retry", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    await updateChannelAccount(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { failWith: "transient" } } });
    const post = await draft(s, "Stromausfall behoben.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["retry"]);
    const [pending] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(pending).toMatchObject({ status: "pending", attempts: 1, lastErrorKind: "transient" });
    expect(pending!.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);
    expect(await round()).toEqual([]);

    await updateChannelAccount(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { failWith: "permanent" } } });
    at("2026-11-23T11:01:00Z");
    expect(await round()).toEqual(["failed"]);
    const [failedPost] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(failedPost!.status).toBe("failed");
    const [failed] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(failed).toMatchObject({ status: "failed", lastError: "sandbox: simulated permanent error" });

    await updateChannelAccount(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { failWith: "none" } } });
    await expect(retryPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    expect(await retryPost(ctx, { actor: s.press.actor, orgId: s.org.id, postId: post.id })).toEqual({ status: "scheduled", publications: 1 });
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent).toHaveLength(1);
  });

  it("gets a post through a flaky network after two transient failures, backing off 30 s then 60 s", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    await updateChannelAccount(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, channelAccountId: s.account.id, input: { settings: { failWith: "transient", failFirstAttempts: 2 } } });
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
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
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
    await sandbox.publish({ id: s.account.id, orgId: s.org.id, settings: {} }, { idempotencyKey: claimed!.idempotencyKey, attempt: 1, orgId: s.org.id, postId: post.id, text: "Wochenmarkt fällt aus.", media: [], poll: null });
    expect(await round()).toEqual([]); // the lease still holds
    at("2026-11-23T11:01:01Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent).toHaveLength(1);
    const [done] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(done).toMatchObject({ status: "published", attempts: 2, externalId: sent[0]!.id });
  });
});

describe("threads", () => {
  const parts = ["Die Brücke am Hafen bleibt bis Freitag gesperrt.", "Die Umleitung führt über die Hafenstraße.", "Busse fahren wie gewohnt."];
  const threadDraft = (s: Awaited<ReturnType<typeof setting>>) =>
    createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: { body: parts[0], threadParts: parts.slice(1), departmentId: s.department.id, scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }] },
    });

  it("publishes a thread post by post, each answering the one before, where the network has threads", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await threadDraft(s);
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
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
    const one = await sandbox.publish(account, { idempotencyKey: claimed!.idempotencyKey, attempt: 1, orgId: s.org.id, postId: post.id, text: parts[0]!, media: [], poll: null });
    await sandbox.publish(account, { idempotencyKey: `${claimed!.idempotencyKey}#2`, attempt: 1, orgId: s.org.id, postId: post.id, text: parts[1]!, media: [], poll: null, inReplyToExternalId: one.externalId });
    at("2026-11-23T11:01:01Z");
    expect(await round()).toEqual(["published"]);
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
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
    const refused = await retractPost(ctx, { connectors: connectors() }, { actor: s.author.actor, orgId: s.org.id, postId: post.id, input: { reason: "Falsches Datum" } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "NOT_ALLOWED" });
    const done = await retractPost(ctx, { connectors: connectors() }, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Falsches Datum" } });
    expect(done.outcomes).toEqual([{ channelAccountId: s.account.id, outcome: "done" }]);
    const sent = await ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, s.account.id));
    expect(sent.map((d) => d.deletedAt !== null)).toEqual([true, true, true]);
    const [after] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(after).toMatchObject({ retractOutcome: "done" });
    const [row] = await ctx.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ retractReason: "Falsches Datum", retractedByUserId: s.press.userId });
    const again = await retractPost(ctx, { connectors: connectors() }, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Nochmal" } }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "INVALID_TRANSITION" });
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, post.id));
    expect(events.map((e) => e.action)).toContain("post.retracted");
  });

  it("cancels what has not gone out yet when a post is deleted from its channels", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const broken = await buildChannelAccount(ctx, s.org.id, { network: "sandbox", departmentId: s.department.id, settings: { failWith: "permanent" }, approval: { post: "none", campaign_template: "none", campaign_free: "none" } });
    const post = await createPost(ctx, {
      actor: s.author.actor,
      orgId: s.org.id,
      input: { body: "Wahllokal zieht um.", departmentId: s.department.id, scheduledAt: "2026-11-23T11:00:00Z", channels: [{ channelAccountId: s.account.id, textOverride: null }, { channelAccountId: broken.id, textOverride: null }] },
    });
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    at("2026-11-23T11:00:00Z");
    await round();
    const done = await retractPost(ctx, { connectors: connectors() }, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Angabe war falsch" } });
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
    const [org] = await ctx.db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, s.org.id));
    const feed = async () => (await listPublicFeed(ctx, { orgKey: org?.slug ?? "" })).entries.map((e) => e.text);
    expect(await feed()).toContain("Sprechstunde am Montag fällt aus.");
    await retractPost(ctx, { connectors: connectors() }, { actor: s.press.actor, orgId: s.org.id, postId: post.id, input: { reason: "Doch nicht ausgefallen" } });
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
    await updateChannelAccount(ctx, { actor: systemAdminOf(s.org.id), orgId: s.org.id, channelAccountId: s.account.id, input: { postingWindows: [hours] } });
    const post = await draft(s, "Sprechstunde der Bürgermeisterin.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    const move = (who: typeof s.author, scheduledAt: string) => reschedulePost(ctx, { actor: who.actor, orgId: s.org.id, postId: post.id, input: { scheduledAt } });

    expect(await move(s.author, "2026-11-24T09:30:00Z")).toMatchObject({ scheduledAt: new Date("2026-11-24T09:30:00Z") });
    const [row] = await ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(row).toMatchObject({ dueAt: new Date("2026-11-24T09:30:00Z"), nextAttemptAt: new Date("2026-11-24T09:30:00Z") });
    await expect(move(s.author, "2026-11-28T21:00:00Z")).rejects.toMatchObject({ code: "GUIDELINE_VIOLATION" }); // Saturday night
    await expect(move(s.author, "2026-11-20T09:00:00Z")).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { problem: "in_past" } });
    const contributor = await buildMember(ctx, s.org.id, { roles: ["department_contributor"] });
    await expect(move(contributor, "2026-11-25T09:00:00Z")).rejects.toMatchObject({ code: "NOT_ALLOWED" });

    at("2026-11-24T09:30:00Z");
    expect(await round()).toEqual(["published"]);
    await expect(move(s.author, "2026-11-25T09:00:00Z")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(withdrawPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("withdraws a scheduled post back to a draft and cancels its outbox rows", async () => {
    const s = await setting({ approval: "none", network: "sandbox" });
    const post = await draft(s, "Doch nicht.");
    await submitPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id, revision: 1 });
    expect(await withdrawPost(ctx, { actor: s.author.actor, orgId: s.org.id, postId: post.id })).toMatchObject({ status: "draft", revision: 2 });
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
    const mine = (list: { guidelineId: string; state: string }[]) => list.filter((n) => n.guidelineId === guideline!.id).map((n) => n.state);
    at("2026-11-01T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual([]);
    at("2026-11-23T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual(["due_soon"]);
    expect(mine(await checkGuidelineReviews(ctx))).toEqual([]);
    at("2026-12-02T09:00:00Z");
    expect(mine(await checkGuidelineReviews(ctx))).toEqual(["overdue"]);
    const trail = await ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, guideline!.id));
    expect(trail.map((e) => e.action)).toEqual(["guideline.version_created", "guideline.activated", "guideline.review_due", "guideline.review_overdue"]);
  });
});
