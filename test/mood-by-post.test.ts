// Stimmung by post, campaign and key term over HTTP on the real database: which post a citizen's message
// reacts to (the thread's root, a later part of a thread, a reply to a reply — and not the same external id on
// another channel), the figures of a post, a campaign and a term against the seeded messages, the posts with
// the most negative and the most positive reactions (share, with a minimum of reactions), what a
// department-limited person sees, and a clear error for filters that do not go together.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { campaigns, inboundMessages } from "../src/db/schema/index.js";
import { moodOf } from "../src/domain/reports/mood.js";
import { MIN_REACTIONS } from "../src/domain/reports/postMoodRanking.js";
import { keyTermsOf } from "../src/text/keyTerms.js";
import { buildChannelAccount, buildMember, buildOrg, uniqueSuffix } from "./support/factories.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { NEGATIVE_TEXT as NEGATIVE, POSITIVE_TEXT as POSITIVE, buildReportOrg } from "./support/reportScene.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Sunday 6 December 2026, 11:00 in Berlin; the default period runs from 7 November.
const now = new Date("2026-12-06T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

interface Item {
  text: string;
  thread: string | null;
  inReplyTo?: string | null;
  externalId?: string;
  at?: string;
}

async function ingest(orgId: string, channelAccountId: string, items: Item[]) {
  const outcomes = await t.ctx.db.transaction((tx) =>
    ingestMessages(tx, {
      orgId,
      analyser: t.ctx.analyser,
      now,
      publicUrl: t.ctx.publicUrl,
      messages: items.map((item) => ({
        channelAccountId,
        externalId: item.externalId ?? `m-${uniqueSuffix()}`,
        kind: "reply",
        authorHandle: `@${uniqueSuffix()}`,
        authorName: "Bürgerin",
        text: item.text,
        language: "de",
        threadExternalId: item.thread,
        inReplyToExternalId: item.inReplyTo ?? null,
        visibility: "visible",
        receivedAt: new Date(item.at ?? "2026-12-02T10:00:00Z"),
        raw: {},
      })),
    }),
  );
  return outcomes.map((o) => (o.status === "stored" ? o.id : ""));
}

const postOf = async (id: string) =>
  (await t.ctx.db.select({ postId: inboundMessages.postId }).from(inboundMessages).where(eq(inboundMessages.id, id)))[0]
    ?.postId;

const times = (n: number, item: Item) => Array.from({ length: n }, () => ({ ...item }));

/**
 * Three posts: "Baustelle" (campaign "Sommer", on Mastodon as a thread of two and on the website) draws 9
 * negative and 3 positive reactions on Mastodon and 1 negative on the website; "Weihnachtsmarkt" (Mastodon) 8
 * positive and 2 negative; "Einzelfall" (Mastodon) one negative reaction only.
 */
/** A campaign with one published post (a filter is offered only for campaigns that published something). */
async function buildCampaign(
  where: { orgId: string; channelAccountId: string },
  name: string,
  startsAt: string,
  endsAt: string,
) {
  const { orgId } = where;
  const [campaign] = await t.ctx.db
    .insert(campaigns)
    .values({
      orgId,
      name,
      hashtag: `#${name.replace(/\s/g, "")}`,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    })
    .returning();
  const id = campaign?.id ?? "";
  await buildPublishedPost(t.ctx, orgId, {
    campaignId: id,
    publishedAt: new Date(startsAt),
    on: [{ channelAccountId: where.channelAccountId, externalId: `${name}-1` }],
  });
  return id;
}

async function scene() {
  const { org, bauamt, kultur, website, mastodon } = await buildReportOrg(t.ctx);
  const [campaign] = await t.ctx.db
    .insert(campaigns)
    .values({
      orgId: org.id,
      name: "Sommer",
      hashtag: "#Sommer",
      startsAt: new Date("2026-11-01T00:00:00Z"),
      endsAt: new Date("2026-12-31T00:00:00Z"),
    })
    .returning();
  const baustelle = await buildPublishedPost(t.ctx, org.id, {
    title: "Baustelle Hauptstraße",
    departmentId: kultur.id,
    campaignId: campaign?.id,
    on: [
      { channelAccountId: mastodon.id, externalId: "toot-a", partExternalIds: ["toot-a2"] },
      { channelAccountId: website.id, externalId: "entry-a" },
    ],
  });
  const markt = await buildPublishedPost(t.ctx, org.id, {
    title: "",
    body: "Der Weihnachtsmarkt öffnet am Freitag. Wir freuen uns auf Sie!",
    departmentId: kultur.id,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-b" }],
  });
  const einzelfall = await buildPublishedPost(t.ctx, org.id, {
    title: "Einzelfall",
    departmentId: kultur.id,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-c" }],
  });
  const parent = `m-${uniqueSuffix()}`;
  const ids = await ingest(org.id, mastodon.id, [
    { text: NEGATIVE, thread: "toot-a", externalId: parent },
    ...times(6, { text: NEGATIVE, thread: "toot-a" }),
    ...times(3, { text: POSITIVE, thread: "toot-a" }),
    ...times(8, { text: POSITIVE, thread: "toot-b" }),
    ...times(2, { text: NEGATIVE, thread: "toot-b" }),
    { text: NEGATIVE, thread: "toot-c" },
    // Before the period: not counted now.
    { text: POSITIVE, thread: "toot-a", at: "2026-11-01T10:00:00Z" },
  ]);
  // A reply to the thread's second part, and a reply to a citizen's reply whose network named that reply as the
  // thread (a later batch), and one to it in the same batch.
  const child = `m-${uniqueSuffix()}`;
  const later = await ingest(org.id, mastodon.id, [
    { text: NEGATIVE, thread: "toot-a2", inReplyTo: "toot-a2" },
    { text: NEGATIVE, thread: parent, inReplyTo: parent, externalId: child },
    { text: NEGATIVE, thread: parent, inReplyTo: child },
  ]);
  const [onWebsite, sameIdElsewhere] = await ingest(org.id, website.id, [
    { text: NEGATIVE, thread: "entry-a" },
    // The website has no item "toot-a": this is not a reaction to the post.
    { text: NEGATIVE, thread: "toot-a" },
  ]);
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  return {
    org,
    bauamt,
    kultur,
    mastodon,
    website,
    campaign,
    baustelle,
    markt,
    einzelfall,
    ids,
    later,
    onWebsite,
    sameIdElsewhere,
    admin,
  };
}

describe("which post a message reacts to", () => {
  it("is the post whose publication on the same channel account the message answers, however deep in its thread", async () => {
    const s = await scene();
    expect([NEGATIVE, POSITIVE].map((text) => moodOf(t.ctx.analyser.analyse(text).sentiment))).toEqual([
      "negative",
      "positive",
    ]);
    expect(await postOf(s.ids[0] as string)).toBe(s.baustelle.id);
    expect(await postOf(s.ids[10] as string)).toBe(s.markt.id);
    for (const id of s.later) expect(await postOf(id)).toBe(s.baustelle.id);
    expect(await postOf(s.onWebsite as string)).toBe(s.baustelle.id);
    expect(await postOf(s.sameIdElsewhere as string)).toBeNull();
  });

  it("follows a chain of replies that arrives in one batch, in whatever order, on its own channel account only", async () => {
    const org = await buildOrg(t.ctx);
    const mastodon = await buildChannelAccount(t.ctx, org.id, { name: "Mastodon" });
    const other = await buildChannelAccount(t.ctx, org.id, { name: "Anderes Konto" });
    const post = await buildPublishedPost(t.ctx, org.id, {
      title: "Stadtfest",
      on: [{ channelAccountId: mastodon.id, externalId: "toot-fest" }],
    });
    const [first, second, third] = [1, 2, 3].map(() => `m-${uniqueSuffix()}`);
    const message = (channelAccountId: string, externalId: string, inReplyTo: string) => ({
      channelAccountId,
      externalId,
      kind: "reply",
      authorHandle: `@${uniqueSuffix()}`,
      authorName: "Bürgerin",
      text: NEGATIVE,
      language: "de",
      // As some networks do: the thread named is the citizen's reply answered, not our post.
      threadExternalId: inReplyTo,
      inReplyToExternalId: inReplyTo,
      visibility: "visible",
      receivedAt: new Date("2026-12-02T10:00:00Z"),
      raw: {},
    });
    const outcomes = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser: t.ctx.analyser,
        now,
        publicUrl: t.ctx.publicUrl,
        // The grandchild first, its parent next, the reply to our post last; and on another account the same
        // external ids, whose chain leads to no post of ours.
        messages: [
          message(mastodon.id, third as string, second as string),
          message(other.id, third as string, second as string),
          message(mastodon.id, second as string, first as string),
          message(other.id, second as string, first as string),
          message(mastodon.id, first as string, "toot-fest"),
          message(other.id, first as string, "toot-fest"),
        ],
      }),
    );
    const posts = await Promise.all(outcomes.map((o) => (o.status === "stored" ? postOf(o.id) : "not stored")));
    expect(posts).toEqual([post.id, null, post.id, null, post.id, null]);
  });
});

describe("the mood report by post", () => {
  it("counts the reactions to the chosen post or campaign, from every channel it went to", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/mood`;
    const all = (await admin.request("GET", base)).json();
    expect(all.basis).toBe("messages");
    expect(all.totals).toMatchObject({ messages: 26, negative: 15, positive: 11 });
    const response = await admin.request("GET", `${base}?postIds=${s.baustelle.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const post = response.json();
    // 7 + 3 + 3 later on Mastodon, 1 on the website.
    expect(post.basis).toBe("posts");
    expect(post.totals).toMatchObject({ messages: 14, negative: 11, positive: 3 });
    expect(post.previous).toMatchObject({ messages: 1, positive: 1 });
    expect(
      post.byChannel.map((c: { name: string; current: { messages: number } }) => [c.name, c.current.messages]),
    ).toEqual([
      ["Mastodon", 13],
      ["Website", 1],
    ]);
    expect(post.byTopic).toBeNull();
    expect(post.byPost.map((p: { postId: string }) => p.postId)).toEqual([s.baustelle.id]);
    const campaign = (await admin.request("GET", `${base}?campaignIds=${s.campaign?.id}`)).json();
    expect(campaign.totals).toEqual(post.totals);
    const both = (await admin.request("GET", `${base}?postIds=${s.markt.id},${s.einzelfall.id}`)).json();
    expect(both.totals).toMatchObject({ messages: 11, negative: 3, positive: 8 });
  });

  it("lists the posts with the most negative and most positive reactions among those with enough reactions", async () => {
    const s = await scene();
    // A campaign that published nothing yet is no filter to offer.
    await t.ctx.db.insert(campaigns).values({
      orgId: s.org.id,
      name: "Geplant",
      hashtag: "#Geplant",
      startsAt: new Date("2026-12-20T00:00:00Z"),
      endsAt: new Date("2026-12-21T00:00:00Z"),
    });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const report = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood`)).json();
    expect(report.minimumReactions).toBe(MIN_REACTIONS);
    // "Einzelfall" is all negative but has one reaction: it is not ranked.
    expect(report.mostNegativePosts.map((p: { postId: string }) => p.postId)).toEqual([s.baustelle.id]);
    expect(report.mostPositivePosts.map((p: { postId: string }) => p.postId)).toEqual([s.markt.id]);
    const [worst] = report.mostNegativePosts;
    expect(worst).toMatchObject({
      title: "Baustelle Hauptstraße",
      campaignId: s.campaign?.id,
      channels: [{ name: "Mastodon" }, { name: "Website" }],
      current: { messages: 14, negative: 11, positive: 3 },
    });
    expect(worst.publishedAt).toBe("2026-11-01T09:00:00.000Z");
    // A post without a title is named by its first sentence.
    expect(report.mostPositivePosts[0].title).toBe("Der Weihnachtsmarkt öffnet am Freitag");
    expect(report.byPost.map((p: { postId: string }) => p.postId)).toEqual([
      s.baustelle.id,
      s.markt.id,
      s.einzelfall.id,
    ]);
    expect(report.postChoices.campaigns).toEqual([
      { id: s.campaign?.id, name: "Sommer", firstDay: "2026-11-01", lastDay: "2026-12-31" },
    ]);
    expect(report.postChoices.posts.map((p: { id: string }) => p.id).sort()).toEqual(
      [s.baustelle.id, s.markt.id, s.einzelfall.id].sort(),
    );
  });

  it("offers each campaign with its days in the organisation's time zone, so a page can show a short one by day", async () => {
    const s = await scene();
    const on = { orgId: s.org.id, channelAccountId: s.mastodon.id };
    // A 30-hour marathon from Friday 22:00 to Sunday 04:00 in Berlin, and a day ending at midnight.
    const marathon = await buildCampaign(on, "Marathon", "2026-11-20T21:00:00Z", "2026-11-22T03:00:00Z");
    const oneDay = await buildCampaign(on, "Ein Tag", "2026-11-23T23:00:00Z", "2026-11-24T23:00:00Z");
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const report = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood`)).json();
    const days = (id: string) => report.postChoices.campaigns.find((c: { id: string }) => c.id === id);
    expect(days(marathon)).toMatchObject({ firstDay: "2026-11-20", lastDay: "2026-11-22" });
    expect(days(oneDay)).toMatchObject({ firstDay: "2026-11-24", lastDay: "2026-11-24" });
  });

  it("counts the messages of a key term from the topic rollup, and refuses a term together with a post", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/mood`;
    const term = keyTermsOf(NEGATIVE).find((k) => k.surface === "Baustelle")?.key;
    expect(term).toBeTruthy();
    const report = (await admin.request("GET", `${base}?topics=${term}`)).json();
    expect(report.basis).toBe("topics");
    expect(report.totals).toMatchObject({ messages: 15, negative: 15, positive: 0, averageSentiment: null });
    expect(report.byPost).toBeNull();
    expect(report.mostNegativePosts).toBeNull();
    expect(report.byTopic).toEqual([
      expect.objectContaining({
        topic: term,
        label: "Baustelle",
        current: expect.objectContaining({ messages: 15, negative: 15 }),
      }),
    ]);
    // Without a term no term is ranked here (that is the Themen report's).
    expect((await admin.request("GET", base)).json().byTopic).toBeNull();
    const refused = await admin.request("GET", `${base}?topics=${term}&postIds=${s.baustelle.id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "DRAHT_ERR_VALIDATION_FAILED", details: { field: "topics" } });
    for (const query of ["postIds=nonsense", "campaignIds=", `topics=${"x".repeat(101)}`]) {
      const bad = await admin.request("GET", `${base}?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
  });

  it("shows a department-limited person only the reactions in their department", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["press_office"], departmentIds: [s.bauamt.id] });
    const session = await signIn(t.app, limited.email, limited.password);
    const report = (
      await session.request("GET", `/api/orgs/${s.org.id}/reports/mood?postIds=${s.baustelle.id}`)
    ).json();
    // Only the website's reaction is routed to the Bauamt and counts; the posts are the Kulturamt's, so neither
    // offered nor shown with their titles and channels (the reaction is theirs, the post is not).
    expect(report.totals).toMatchObject({ messages: 1, negative: 1 });
    expect(report.byPost).toEqual([]);
    expect(JSON.stringify(report)).not.toContain("Baustelle");
    expect(report.postChoices.posts).toEqual([]);
    const all = (await session.request("GET", `/api/orgs/${s.org.id}/reports/mood`)).json();
    expect(all.mostNegativePosts).toEqual([]);
    // A post of their own department, with a reaction on their channel, is theirs to see.
    const entry = `entry-${uniqueSuffix()}`;
    const own = await buildPublishedPost(t.ctx, s.org.id, {
      title: "Sperrung Brückenstraße",
      departmentId: s.bauamt.id,
      on: [{ channelAccountId: s.website.id, externalId: entry }],
    });
    await ingest(s.org.id, s.website.id, [{ text: NEGATIVE, thread: entry }]);
    const mine = (await session.request("GET", `/api/orgs/${s.org.id}/reports/mood`)).json();
    expect(mine.byPost.map((p: { postId: string; title: string }) => [p.postId, p.title])).toEqual([
      [own.id, "Sperrung Brückenstraße"],
    ]);
    expect(mine.postChoices.posts.map((p: { id: string }) => p.id)).toEqual([own.id]);
  });
});
