// The Veröffentlichung report on the real database: posts written, submitted, approved (or not) and published
// to the sandbox and website channels through the real use cases and the publish worker, the networks'
// counters read by the worker's round — then counts, approval durations, reactions and a campaign's timeline
// over HTTP, for everyone and for a member limited to one department.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCampaign } from "../src/app/campaigns/save-campaign.js";
import { createPost } from "../src/app/posts/create-post.js";
import { decidePost } from "../src/app/posts/decide-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { refreshPublicationCounters } from "../src/app/publishing/refresh-publication-counters.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { sandboxCounters } from "../src/domain/sandboxCounters.js";
import {
  conversations,
  inboundMessages,
  publicationMetrics,
  publications,
  sandboxDeliveries,
  websiteComments,
} from "../src/db/schema/index.js";
import type { ChannelConnector, ConnectorRegistry } from "../src/domain/connector.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { type TestMember, buildChannelAccount, buildDepartment, buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

const HOUR = 3_600_000;
// Sunday 6 December 2026, 11:00 in Berlin: the last 30 days are 7 November – 6 December.
const TODAY = "2026-12-06T10:00:00Z";
let now = new Date(TODAY);
const at = (iso: string) => {
  now = new Date(iso);
};
let t: TestApp;
let connectors: ConnectorRegistry;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
  connectors = createConnectorRegistry({ db: t.ctx.db, clock: () => now, publicUrl: "http://localhost:3000" });
});
afterAll(() => t.close());

const round = () => runPublishRound(t.ctx, { connectors, random: () => 0.5 }, { leaseMs: 60_000 });

type Scene = Awaited<ReturnType<typeof scene>>;

async function publish(
  s: { orgId: string; author: TestMember; approver: TestMember },
  post: {
    accounts: string[];
    body: string;
    departmentId: string;
    submitAt: string;
    decide?: { at: string; decision: "approved" | "changes_requested" | "rejected" };
    campaignId?: string;
    templateId?: string;
  },
) {
  at(post.submitAt);
  const created = await createPost(t.ctx, {
    actor: s.author.actor,
    orgId: s.orgId,
    input: {
      body: post.body,
      departmentId: post.departmentId,
      campaignId: post.campaignId ?? null,
      templateId: post.templateId ?? null,
      channels: post.accounts.map((channelAccountId) => ({ channelAccountId, textOverride: null })),
    },
  });
  await submitPost(t.ctx, { actor: s.author.actor, orgId: s.orgId, postId: created.id, revision: created.revision });
  if (post.decide) {
    at(post.decide.at);
    await decidePost(t.ctx, {
      actor: s.approver.actor,
      orgId: s.orgId,
      postId: created.id,
      input: { decision: post.decide.decision, revision: created.revision, comment: "Bitte so nicht." },
    });
  }
  await round();
  at(TODAY);
  return created;
}

async function scene() {
  const org = await buildOrg(t.ctx);
  const polizei = await buildDepartment(t.ctx, org.id, { name: "Polizei" });
  const kultur = await buildDepartment(t.ctx, org.id, { name: "Kulturamt" });
  const sandbox = await buildChannelAccount(t.ctx, org.id, {
    name: "Sandbox",
    departmentId: polizei.id,
    approval: { post: "single", campaign_template: "none", campaign_free: "none" },
  });
  const website = await buildChannelAccount(t.ctx, org.id, {
    name: "Website",
    network: "website",
    departmentId: kultur.id,
    approval: { post: "single", campaign_template: "none", campaign_free: "single" },
  });
  const broken = await buildChannelAccount(t.ctx, org.id, {
    name: "Kaputt",
    departmentId: polizei.id,
    settings: { failWith: "permanent" },
    approval: { post: "none", campaign_template: "none", campaign_free: "none" },
  });
  // The press office may publish at once where no approval is needed (campaign posts, the broken channel).
  const author = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
  const approver = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const campaign = await saveCampaign(t.ctx, {
    actor: admin.actor,
    orgId: org.id,
    input: {
      name: "24 Stunden Polizei",
      hashtag: "#24hPolizei",
      startsAt: "2026-12-04T18:00:00Z",
      endsAt: "2026-12-05T18:00:00Z",
      departmentId: polizei.id,
      participantIds: [author.userId],
      templates: [{ id: "streife", title: "Streife", text: "#24hPolizei Wir sind auf Streife." }],
    },
  });
  const who = { orgId: org.id, author, approver };
  const approve = (when: string) => ({ at: when, decision: "approved" as const });
  // Monday 23 November, 10:00 → 12:00 in Berlin: two business hours.
  const p1 = await publish(who, {
    accounts: [sandbox.id],
    body: "Verkehrskontrolle in der Innenstadt",
    departmentId: polizei.id,
    submitAt: "2026-11-23T09:00:00Z",
    decide: approve("2026-11-23T11:00:00Z"),
  });
  // Friday 27 November 11:00 → Monday 30 November 10:00: 1 h on Friday (until 12:00), 2 h on Monday.
  const p2 = await publish(who, {
    accounts: [sandbox.id, website.id],
    body: "Einbruchschutz: Tipps für die Feiertage",
    departmentId: polizei.id,
    submitAt: "2026-11-27T10:00:00Z",
    decide: approve("2026-11-30T09:00:00Z"),
  });
  // Tuesday 24 November 10:00 → 14:00: four business hours.
  const p6 = await publish(who, {
    accounts: [website.id],
    body: "Lesung in der Stadtbibliothek",
    departmentId: kultur.id,
    submitAt: "2026-11-24T09:00:00Z",
    decide: approve("2026-11-24T13:00:00Z"),
  });
  // The period before: Tuesday 20 October 10:00 → 11:00 (summer time).
  await publish(who, {
    accounts: [sandbox.id],
    body: "Fahrradcodierung am Rathaus",
    departmentId: polizei.id,
    submitAt: "2026-10-20T08:00:00Z",
    decide: approve("2026-10-20T09:00:00Z"),
  });
  await publish(who, {
    accounts: [sandbox.id],
    body: "Entwurf mit Änderungswunsch",
    departmentId: polizei.id,
    submitAt: "2026-12-01T09:00:00Z",
    decide: { at: "2026-12-01T10:00:00Z", decision: "changes_requested" },
  });
  await publish(who, {
    accounts: [website.id],
    body: "Abgelehnter Beitrag",
    departmentId: kultur.id,
    submitAt: "2026-12-02T09:00:00Z",
    decide: { at: "2026-12-02T10:00:00Z", decision: "rejected" },
  });
  await publish(who, {
    accounts: [broken.id],
    body: "Geht nicht raus",
    departmentId: polizei.id,
    submitAt: "2026-12-03T10:00:00Z",
  });
  // The campaign's posts: free text; the template's text edited (free text again: the Sandbox publishes free text
  // of a campaign without approval); the template's text unchanged (the fast lane of a pre-approved template).
  const campaignPosts = [];
  for (const [when, body, templateId] of [
    ["2026-12-04T20:10:00Z", "#24hPolizei Einsatz 1", undefined],
    ["2026-12-04T20:40:00Z", "#24hPolizei Wir sind auf Streife am Bahnhof.", "streife"],
    ["2026-12-05T02:00:00Z", "#24hPolizei Wir sind auf Streife.", "streife"],
  ] as const)
    campaignPosts.push(
      await publish(who, {
        accounts: [sandbox.id],
        body,
        departmentId: polizei.id,
        submitAt: when,
        campaignId: campaign.id,
        templateId,
      }),
    );
  const published = await t.ctx.db.select().from(publications).where(eq(publications.orgId, org.id));
  const publicationOf = (postId: string, accountId: string) => {
    const found = published.find((p) => p.postId === postId && p.channelAccountId === accountId);
    if (!found?.externalId) throw new Error("not published");
    return found;
  };
  return { org, polizei, kultur, sandbox, website, admin, campaign, p1, p2, p6, campaignPosts, publicationOf };
}

let s: Scene;
beforeAll(async () => {
  s = await scene();
  const first = s.campaignPosts[0];
  if (!first) throw new Error("no campaign posts");
  const thread = s.publicationOf(first.id, s.sandbox.id).externalId ?? "";
  // Citizens answer the first campaign post three times; one message is about something else.
  await ingestCitizenMessages(t.ctx, {
    orgId: s.org.id,
    channelAccountId: s.sandbox.id,
    now,
    threadExternalId: thread,
    items: [
      { at: "2026-12-04T20:30:00Z", text: "Danke für den Einblick!" },
      { at: "2026-12-04T21:15:00Z", text: "Wie viele Einsätze gab es heute?" },
      { at: "2026-12-04T21:20:00Z", text: "Toll, weiter so." },
    ],
  });
  await ingestCitizenMessages(t.ctx, {
    orgId: s.org.id,
    channelAccountId: s.sandbox.id,
    now,
    items: [{ at: "2026-12-04T21:00:00Z", text: "Wann ist das Bürgerbüro geöffnet?" }],
  });
  // Two comments shown under the website entry of p2, one still held by moderation.
  const entry = s.publicationOf(s.p2.id, s.website.id).externalId ?? "";
  const comment = (status: "visible" | "held") => ({
    orgId: s.org.id,
    entryId: entry,
    authorKind: "citizen" as const,
    displayName: "Bürger",
    text: "Hilfreich, danke.",
    status,
    contentHash: `hash-${Math.random()}`,
    createdAt: new Date("2026-11-30T12:00:00Z"),
  });
  await t.ctx.db.insert(websiteComments).values([comment("visible"), comment("visible"), comment("held")]);
  await refreshPublicationCounters(t.ctx, { connectors });
});

async function report(query = "", member?: TestMember) {
  const who = member ?? s.admin;
  const session = await signIn(t.app, who.email, who.password);
  const response = await session.request("GET", `/api/orgs/${s.org.id}/reports/publishing${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("the Veröffentlichung report", () => {
  it("counts publications, posts and failures per channel and campaign against the period before", async () => {
    const r = await report();
    expect(r.period).toMatchObject({ from: "2026-11-07", to: "2026-12-06", step: "day" });
    expect(r.totals).toMatchObject({ publications: 7, posts: 6, failed: 1 });
    expect(r.previous).toMatchObject({ publications: 1, posts: 1, failed: 0 });
    const channels = Object.fromEntries(r.byChannel.map((c: { name: string }) => [c.name, c]));
    expect(channels.Sandbox.current).toMatchObject({ publications: 5, posts: 5 });
    expect(channels.Sandbox.previous).toMatchObject({ publications: 1 });
    expect(channels.Website.current).toMatchObject({ publications: 2 });
    expect(channels.Kaputt.current).toMatchObject({ publications: 0, failed: 1 });
    expect(r.byCampaign).toEqual([
      expect.objectContaining({ campaignId: null, current: expect.objectContaining({ publications: 4, posts: 3 }) }),
      expect.objectContaining({ name: "24 Stunden Polizei", current: expect.objectContaining({ publications: 3 }) }),
    ]);
    // 30 November (Berlin): p2 went to two accounts.
    const day = r.steps.indexOf("2026-11-30");
    const onSandbox = r.seriesByChannel.find((c: { channelAccountId: string }) => c.channelAccountId === s.sandbox.id);
    expect(onSandbox.publications[day]).toBe(1);
    expect(r.choices.campaigns).toEqual([expect.objectContaining({ id: s.campaign.id, hashtag: "#24hPolizei" })]);
    // The channel list in the organisation's order (by name, as under Verwaltung): a channel's colour in the chart.
    expect(r.choices.channels.map((c: { name: string }) => c.name)).toEqual(["Kaputt", "Sandbox", "Website"]);
  });

  it("tells approvals by decision and their time from submission to final approval in business and calendar hours", async () => {
    const r = await report();
    expect(r.approvals.current).toEqual({
      approved: 3,
      changesRequested: 1,
      rejected: 1,
      // The broken channel's post and two campaign posts of free text; the unchanged template text on its own line.
      withoutReview: 3,
      fromTemplate: 1,
      medianBusinessMs: 3 * HOUR,
      p90BusinessMs: 4 * HOUR,
      medianMs: 4 * HOUR,
      p90Ms: 71 * HOUR,
    });
    expect(r.approvals.previous).toMatchObject({
      approved: 1,
      medianBusinessMs: HOUR,
      withoutReview: 0,
      fromTemplate: 0,
    });
  });

  it("adds up the reactions the networks reported and names the posts with most of them", async () => {
    const r = await report();
    const sandboxPosts = [s.p1, s.p2, ...s.campaignPosts].map((p) =>
      sandboxCounters(s.publicationOf(p.id, s.sandbox.id).externalId ?? ""),
    );
    const sum = (key: "likes" | "reposts" | "replies") => sandboxPosts.reduce((n, c) => n + c[key], 0);
    // The website counts the comments shown under its entry (the held one is not shown).
    expect(r.totals).toMatchObject({ likes: sum("likes"), reposts: sum("reposts"), replies: sum("replies") + 2 });
    expect(r.countersAsOf).toBe(new Date(TODAY).toISOString());
    const top = r.topPosts[0];
    const totals = r.topPosts.map((p: { reactions: number }) => p.reactions);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    const p2 = r.topPosts.find((p: { postId: string }) => p.postId === s.p2.id);
    expect(p2.channels.find((c: { network: string }) => c.network === "website")).toMatchObject({
      likes: 0,
      reposts: 0,
      replies: 2,
    });
    expect(top.title).not.toBe("");
  });

  it("shows one campaign's posts and citizens' replies per hour", async () => {
    const r = await report(`?campaignIds=${s.campaign.id}`);
    expect(r.totals).toMatchObject({ publications: 3, posts: 3 });
    const timeline = r.campaignTimeline;
    expect(timeline).toMatchObject({ name: "24 Stunden Polizei", posts: 3, replies: 3 });
    // From the start (18:00 UTC) to six hours after the end: 30 hours.
    expect(timeline.hours).toHaveLength(30);
    const hour = (iso: string) => timeline.hours.find((h: { start: string }) => h.start === iso);
    expect(hour("2026-12-04T20:00:00.000Z")).toEqual({ start: "2026-12-04T20:00:00.000Z", posts: 2, replies: 1 });
    expect(hour("2026-12-04T21:00:00.000Z")).toMatchObject({ posts: 0, replies: 2 });
    expect(hour("2026-12-05T02:00:00.000Z")).toMatchObject({ posts: 1, replies: 0 });
    expect((await report()).campaignTimeline).toBeNull();
    // "Ohne Kampagne": the posts outside every campaign (it was refused by Stimmung's filter before).
    const outside = await report("?campaignIds=none");
    expect(outside.totals.posts).toBe((await report()).totals.posts - 3);
    expect(outside.campaignTimeline).toBeNull();
  });

  it("shows a member limited to one department only that department's posts on its channels", async () => {
    const member = await buildMember(t.ctx, s.org.id, { roles: ["analyst"], departmentIds: [s.kultur.id] });
    const r = await report("", member);
    // p6 (Kulturamt, on the website); p2's website entry is the Polizei's post.
    expect(r.totals).toMatchObject({ publications: 1, posts: 1, failed: 0 });
    expect(r.byChannel.map((c: { name: string }) => c.name)).toEqual(["Website"]);
    expect(r.approvals.current).toMatchObject({
      approved: 1,
      rejected: 1,
      changesRequested: 0,
      withoutReview: 0,
      fromTemplate: 0,
    });
    expect(r.choices.campaigns).toEqual([]);
    expect(r.topPosts.map((p: { postId: string }) => p.postId)).not.toContain(s.p2.id);
    // A campaign out of reach shows no timeline.
    expect((await report(`?campaignIds=${s.campaign.id}`, member)).campaignTimeline).toBeNull();
  });

  it("counts in a campaign's timeline only the replies in the limited member's departments", async () => {
    const member = await buildMember(t.ctx, s.org.id, { roles: ["analyst"], departmentIds: [s.polizei.id] });
    const mine = await report(`?campaignIds=${s.campaign.id}`, member);
    expect(mine.campaignTimeline).toMatchObject({ posts: 3, replies: 3 });
    // One citizen's conversation is handed to the Kulturamt: that reply is no longer the Polizei's to count.
    const [reply] = await t.ctx.db
      .select({ conversationId: inboundMessages.conversationId })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.orgId, s.org.id), eq(inboundMessages.text, "Toll, weiter so.")));
    const conversationId = reply?.conversationId ?? "";
    await t.ctx.db.update(conversations).set({ departmentId: s.kultur.id }).where(eq(conversations.id, conversationId));
    try {
      expect((await report(`?campaignIds=${s.campaign.id}`, member)).campaignTimeline).toMatchObject({
        posts: 3,
        replies: 2,
      });
      expect((await report(`?campaignIds=${s.campaign.id}`)).campaignTimeline).toMatchObject({ replies: 3 });
    } finally {
      await t.ctx.db
        .update(conversations)
        .set({ departmentId: s.polizei.id })
        .where(eq(conversations.id, conversationId));
    }
  });

  it("refuses a campaign filter that is not a list of ids", async () => {
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await session.request("GET", `/api/orgs/${s.org.id}/reports/publishing?campaignIds=abc`);
    expect(response.statusCode).toBe(400);
  });
});

describe("reading the networks' counters", () => {
  it("stores the counters, and an item the network no longer has is marked gone without stopping the batch", async () => {
    const gone = s.publicationOf(s.p1.id, s.sandbox.id);
    const kept = s.publicationOf(s.p2.id, s.sandbox.id);
    const [before] = await t.ctx.db
      .select()
      .from(publicationMetrics)
      .where(eq(publicationMetrics.publicationId, gone.id));
    const { likes, reposts, replies } = sandboxCounters(gone.externalId ?? "");
    expect(before).toMatchObject({ likes, reposts, replies });
    // Deleted on the network; a day later every item is due again.
    await t.ctx.db
      .update(sandboxDeliveries)
      .set({ deletedAt: now })
      .where(eq(sandboxDeliveries.id, gone.externalId ?? ""));
    at("2026-12-07T10:00:00Z");
    const outcomes = await refreshPublicationCounters(t.ctx, { connectors }, { accountIds: [s.sandbox.id] });
    at(TODAY);
    expect(outcomes).toEqual([expect.objectContaining({ accountId: s.sandbox.id, status: "ok", gone: 1 })]);
    const rows = await t.ctx.db
      .select()
      .from(publicationMetrics)
      .where(eq(publicationMetrics.channelAccountId, s.sandbox.id));
    const byId = new Map(rows.map((r) => [r.publicationId, r]));
    expect(byId.get(gone.id)).toMatchObject({ goneAt: new Date("2026-12-07T10:00:00Z"), likes: before?.likes });
    expect(byId.get(kept.id)).toMatchObject({ goneAt: null, fetchedAt: new Date("2026-12-07T10:00:00Z") });
  });

  it("asks nothing of a network account without credentials, and keeps going when one call fails", async () => {
    const org = await buildOrg(t.ctx);
    const account = await buildChannelAccount(t.ctx, org.id, {
      name: "Mastodon ohne Anmeldung",
      network: "mastodon",
      settings: { serverUrl: "https://social.example.org" },
    });
    const calls: string[][] = [];
    const counting = (network: string, connect: readonly ("oauth" | "app_password")[]): ChannelConnector => {
      const base = connectors.get("sandbox");
      if (!base) throw new Error("no sandbox connector");
      return {
        ...base,
        network,
        capabilities: { ...base.capabilities, connect },
        countersPerCall: 1,
        async fetchCounters(target, ids) {
          calls.push([...ids]);
          if (calls.length === 1) throw new Error("network hiccup");
          return base.fetchCounters ? base.fetchCounters(target, ids) : [];
        },
      };
    };
    const registry: ConnectorRegistry = new Map([
      ["mastodon", counting("mastodon", ["oauth"])],
      ["sandbox", counting("sandbox", [])],
    ]);
    await refreshPublicationCounters(t.ctx, { connectors: registry }, { accountIds: [account.id] });
    expect(calls).toEqual([]);
    // The sandbox account's items are due again a week later: the first call fails, the others are stored.
    at("2026-12-14T10:00:00Z");
    const [outcome] = await refreshPublicationCounters(t.ctx, { connectors: registry }, { accountIds: [s.sandbox.id] });
    at(TODAY);
    expect(calls.length).toBeGreaterThan(1);
    expect(outcome).toMatchObject({ status: "partly_failed" });
    expect(outcome?.read).toBe(calls.length - 1 - (outcome?.gone ?? 0));
    const failed = calls[0]?.[0] ?? "";
    const [postponed] = await t.ctx.db
      .select({ next: publicationMetrics.nextFetchAt })
      .from(publicationMetrics)
      .innerJoin(publications, eq(publications.id, publicationMetrics.publicationId))
      .where(and(eq(publications.externalId, failed), eq(publications.channelAccountId, s.sandbox.id)));
    expect(postponed?.next).toEqual(new Date(new Date("2026-12-14T10:00:00Z").getTime() + HOUR));
  });
});
