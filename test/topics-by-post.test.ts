// Themen by campaign and post over HTTP on the real database: the terms of the reactions to a post and to a
// campaign's posts against the seeded messages (volume, the period before, moods, questions, trend, examples and
// the latest answer to a repeated question), what a department-limited person sees, and a clear error for a bad
// filter.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, conversationReplies, inboundMessages } from "../src/db/schema/index.js";
import { moodOf } from "../src/domain/reports/mood.js";
import { keyTermsOf } from "../src/text/keyTerms.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg } from "./support/factories.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Sunday 6 December 2026, 11:00 in Berlin; the default period runs from 7 November, the one before from 8 October.
const now = new Date("2026-12-06T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const ASKED = "Wann ist die Baustelle an der Hauptstraße endlich fertig?";
const ANGRY = "Die Baustelle ist eine Katastrophe, unzumutbar und ärgerlich.";
const MARKET = "Wann öffnet der Weihnachtsmarkt?";
const POOL = "Das Freibad ist super, danke! Das freut uns sehr!";
const ELSEWHERE = "Die Baustelle in der Gartenstraße nervt.";

type Topic = {
  topic: string;
  messages: number;
  previousMessages: number;
  negative: number;
  neutral: number;
  positive: number;
  questions: number;
  trend: number[] | null;
  examples: { conversationId: string; excerpt: string }[];
};

/**
 * Campaign "Sommer": "Baustelle Hauptstraße" (Mastodon and website) draws 4 questions and 2 angry messages on
 * Mastodon, 1 angry one on the website, 1 angry one before the period and 1 that moderation hid; "Freibad"
 * (Mastodon) 2 happy ones. "Weihnachtsmarkt" (Mastodon, no campaign) 3 questions. Five messages about another
 * Baustelle react to no post. Mastodon's messages go to the Kulturamt, the website's to the Bauamt.
 */
async function scene() {
  const org = await buildOrg(t.ctx);
  const bauamt = await buildDepartment(t.ctx, org.id, { name: "Bauamt" });
  const kultur = await buildDepartment(t.ctx, org.id, { name: "Kulturamt" });
  const mastodon = await buildChannelAccount(t.ctx, org.id, { name: "Mastodon", departmentId: kultur.id });
  const website = await buildChannelAccount(t.ctx, org.id, { name: "Website", departmentId: bauamt.id });
  const [campaign] = await t.ctx.db
    .insert(campaigns)
    .values({
      orgId: org.id,
      name: "Sommer",
      hashtag: "#Sommer",
      startsAt: new Date("2026-10-01T00:00:00Z"),
      endsAt: new Date("2026-12-31T00:00:00Z"),
    })
    .returning();
  const campaignId = campaign?.id ?? "";
  const baustelle = await buildPublishedPost(t.ctx, org.id, {
    title: "Baustelle Hauptstraße",
    departmentId: kultur.id,
    campaignId,
    publishedAt: new Date("2026-10-20T09:00:00Z"),
    on: [
      { channelAccountId: mastodon.id, externalId: "toot-a" },
      { channelAccountId: website.id, externalId: "entry-a" },
    ],
  });
  const freibad = await buildPublishedPost(t.ctx, org.id, {
    title: "Freibad",
    departmentId: kultur.id,
    campaignId,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-c" }],
  });
  const markt = await buildPublishedPost(t.ctx, org.id, {
    title: "Weihnachtsmarkt",
    departmentId: kultur.id,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-b" }],
  });
  const under = (channelAccountId: string, thread: string, items: { at: string; text: string }[]) =>
    ingestCitizenMessages(t.ctx, { orgId: org.id, channelAccountId, now, items, threadExternalId: thread });
  const asked = await under(mastodon.id, "toot-a", [
    { at: "2026-12-01T10:00:00Z", text: ASKED },
    { at: "2026-12-02T10:00:00Z", text: ASKED },
    { at: "2026-12-03T10:00:00Z", text: ASKED },
    { at: "2026-12-04T10:00:00Z", text: ASKED },
    { at: "2026-12-02T11:00:00Z", text: ANGRY },
    { at: "2026-12-02T12:00:00Z", text: ANGRY },
    { at: "2026-11-01T10:00:00Z", text: ANGRY },
  ]);
  const [hidden] = await under(mastodon.id, "toot-a", [{ at: "2026-12-02T13:00:00Z", text: ANGRY }]);
  await t.ctx.db
    .update(inboundMessages)
    .set({ visibility: "hidden" })
    .where(eq(inboundMessages.conversationId, hidden ?? ""));
  const [onWebsite] = await under(website.id, "entry-a", [{ at: "2026-12-03T11:00:00Z", text: ANGRY }]);
  await under(mastodon.id, "toot-c", [
    { at: "2026-12-01T12:00:00Z", text: POOL },
    { at: "2026-12-02T12:00:00Z", text: POOL },
  ]);
  await under(mastodon.id, "toot-b", [
    { at: "2026-12-01T13:00:00Z", text: MARKET },
    { at: "2026-12-02T13:00:00Z", text: MARKET },
    { at: "2026-12-03T13:00:00Z", text: MARKET },
  ]);
  await under(
    mastodon.id,
    "somewhere-else",
    Array.from({ length: 5 }, () => ({ at: "2026-12-05T10:00:00Z", text: ELSEWHERE })),
  );
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  // An answer staff sent to the latest question (the reply path's own tests cover how it is sent).
  await t.ctx.db.insert(conversationReplies).values({
    orgId: org.id,
    conversationId: asked[3] ?? "",
    inReplyToExternalId: "m-1",
    text: "Die Arbeiten an der Hauptstraße enden am 18. Dezember.",
    authorUserId: admin.userId,
    status: "sent",
    createdAt: new Date("2026-12-04T11:00:00Z"),
    sentAt: new Date("2026-12-04T11:00:00Z"),
  });
  return { org, bauamt, mastodon, campaignId, baustelle, freibad, markt, admin, asked, onWebsite };
}

const key = (text: string, surface: string) => keyTermsOf(text).find((k) => k.surface === surface)?.key ?? surface;
const byTopic = (report: { topics: Topic[] }) => new Map(report.topics.map((x) => [x.topic, x]));

describe("the topics report by post and campaign", () => {
  it("counts the terms of the reactions to a post, against the period before, with moods, trend, examples and answers", async () => {
    const s = await scene();
    expect([ASKED, ANGRY, MARKET, POOL].map((text) => moodOf(t.ctx.analyser.analyse(text).sentiment))).toEqual([
      "neutral",
      "negative",
      "neutral",
      "positive",
    ]);
    expect(t.ctx.analyser.analyse(ASKED).intent).toBe("question");
    const [baustell, hauptstrass, katastroph] = [
      key(ASKED, "Baustelle"),
      key(ASKED, "Hauptstraße"),
      key(ANGRY, "Katastrophe"),
    ];
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/topics`;
    const response = await admin.request("GET", `${base}?postIds=${s.baustelle.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.basis).toBe("posts");
    // Every reaction of the period, the hidden one too (it counts as a message, its words do not).
    expect(report.messages).toBe(8);
    const topics = byTopic(report);
    expect([...topics.keys()].sort()).toEqual([baustell, hauptstrass, katastroph].sort());
    expect(topics.get(baustell)).toMatchObject({
      label: "Baustelle",
      messages: 7,
      previousMessages: 1,
      negative: 3,
      neutral: 4,
      positive: 0,
      questions: 4,
    });
    expect(topics.get(hauptstrass)).toMatchObject({ label: "Hauptstraße", messages: 4, questions: 4, negative: 0 });
    expect(topics.get(katastroph)).toMatchObject({ messages: 3, previousMessages: 1, negative: 3, questions: 0 });
    expect(topics.get(baustell)?.trend?.reduce((sum, n) => sum + n, 0)).toBe(7);
    // The latest examples are the post's, not the later messages about another Baustelle; each text once (the
    // question four times and the complaint three times are two examples).
    const examples = topics.get(baustell)?.examples ?? [];
    expect(examples).toHaveLength(2);
    expect(examples.map((e) => e.excerpt)).not.toContain(ELSEWHERE);
    expect(examples[0]?.excerpt).toBe(ASKED);
    expect(report.repeatedQuestions.map((q: { topic: string }) => q.topic).sort()).toEqual(
      [baustell, hauptstrass].sort(),
    );
    expect(report.repeatedQuestions[0]).toMatchObject({
      questions: 4,
      answer: { text: "Die Arbeiten an der Hauptstraße enden am 18. Dezember." },
    });
    // What the pickers offer: the campaign, and the posts that drew reactions.
    expect(report.postChoices.campaigns).toEqual([
      { id: s.campaignId, name: "Sommer", firstDay: "2026-10-01", lastDay: "2026-12-31" },
    ]);
    expect(report.postChoices.posts.map((p: { id: string }) => p.id).sort()).toEqual(
      [s.baustelle.id, s.freibad.id, s.markt.id].sort(),
    );
    // Without the filter, every message: the other Baustelle and the Weihnachtsmarkt count too.
    const all = (await admin.request("GET", base)).json();
    expect(all.basis).toBe("messages");
    expect(byTopic(all).get(baustell)).toMatchObject({ messages: 12, previousMessages: 1 });
    expect(byTopic(all).has(key(MARKET, "Weihnachtsmarkt"))).toBe(true);
  });

  it("counts the reactions to every post of a campaign, and to several posts", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/topics`;
    const campaign = (await admin.request("GET", `${base}?campaignIds=${s.campaignId}`)).json();
    expect(campaign.messages).toBe(10);
    const topics = byTopic(campaign);
    expect(topics.get(key(ASKED, "Baustelle"))).toMatchObject({ messages: 7, previousMessages: 1 });
    expect(topics.get(key(POOL, "Freibad"))).toMatchObject({ messages: 2, positive: 2, negative: 0 });
    expect(topics.has(key(MARKET, "Weihnachtsmarkt"))).toBe(false);
    const posts = (await admin.request("GET", `${base}?postIds=${s.freibad.id},${s.markt.id}`)).json();
    expect(posts.messages).toBe(5);
    expect(posts.topics.map((x: Topic) => [x.topic, x.messages, x.questions]).sort()).toEqual(
      [
        [key(POOL, "Freibad"), 2, 0],
        [key(MARKET, "Weihnachtsmarkt"), 3, 3],
      ].sort(),
    );
    // A campaign and a post: the post among the campaign's posts (Weihnachtsmarkt is not one).
    const both = (await admin.request("GET", `${base}?campaignIds=${s.campaignId}&postIds=${s.markt.id}`)).json();
    expect(both).toMatchObject({ messages: 0, topics: [] });
  });

  it("shows a department-limited person only the reactions in their department", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["press_office"], departmentIds: [s.bauamt.id] });
    const session = await signIn(t.app, limited.email, limited.password);
    const report = (
      await session.request("GET", `/api/orgs/${s.org.id}/reports/topics?postIds=${s.baustelle.id}`)
    ).json();
    // Only the website's reaction is routed to the Bauamt.
    expect(report.messages).toBe(1);
    expect(report.topics.map((x: Topic) => [x.topic, x.messages]).sort()).toEqual(
      [
        [key(ANGRY, "Baustelle"), 1],
        [key(ANGRY, "Katastrophe"), 1],
      ].sort(),
    );
    const examples = report.topics.flatMap((x: Topic) => x.examples.map((e) => e.conversationId));
    expect(new Set(examples)).toEqual(new Set([s.onWebsite]));
    // The posts are the Kulturamt's: not offered.
    expect(report.postChoices.posts).toEqual([]);
  });

  it("takes a campaign's examples from its visible reactions of the period, newest first, and none for an analyst", async () => {
    const s = await scene();
    const under = (items: { at: string; text: string }[]) =>
      ingestCitizenMessages(t.ctx, {
        orgId: s.org.id,
        channelAccountId: s.mastodon.id,
        now,
        items,
        threadExternalId: "toot-a",
      });
    const EARLIER = "Die Baustelle gab es schon im Oktober.";
    const HIDDEN = "Die Baustelle blockiert den Gehweg, Herr Meier aus Nummer 5 parkt dort.";
    const LATEST = "Wann wird die Baustelle geräumt?";
    await under([
      { at: "2026-10-30T10:00:00Z", text: EARLIER },
      { at: "2026-12-05T08:00:00Z", text: LATEST },
    ]);
    const [hidden] = await under([{ at: "2026-12-05T09:00:00Z", text: HIDDEN }]);
    await t.ctx.db
      .update(inboundMessages)
      .set({ visibility: "hidden" })
      .where(eq(inboundMessages.conversationId, hidden ?? ""));
    // Another post's newer message on the term (the Weihnachtsmarkt's is no reaction of the campaign).
    await ingestCitizenMessages(t.ctx, {
      orgId: s.org.id,
      channelAccountId: s.mastodon.id,
      now,
      items: [{ at: "2026-12-05T11:00:00Z", text: "Die Baustelle vor dem Weihnachtsmarkt stört." }],
      threadExternalId: "toot-b",
    });
    const baustell = key(ASKED, "Baustelle");
    expect(key(LATEST, "Baustelle")).toBe(baustell);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const url = `/api/orgs/${s.org.id}/reports/topics?campaignIds=${s.campaignId}`;
    const report = (await admin.request("GET", url)).json();
    expect(report.showsExamples).toBe(true);
    const topic = byTopic(report).get(baustell);
    expect(topic).toMatchObject({ messages: 8, previousMessages: 2 });
    // Each text once, the newest first: not the hidden one, not the one before the period, not another post's.
    expect(topic?.examples.map((e) => e.excerpt)).toEqual([LATEST, ASKED, ANGRY]);
    expect(topic?.examples[2]?.conversationId).toBe(s.onWebsite);
    // Someone who may not read the inbox sees the figures, no citizen's words.
    const analyst = await buildMember(t.ctx, s.org.id, { roles: ["analyst"] });
    const theirs = (await (await signIn(t.app, analyst.email, analyst.password)).request("GET", url)).json();
    expect(theirs.showsExamples).toBe(false);
    expect(byTopic(theirs).get(baustell)).toMatchObject({ messages: 8, examples: [] });
  });

  it("refuses a filter that is not a campaign or post, saying which", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    for (const query of ["postIds=nonsense", "campaignIds=", "campaignIds=none", `postIds=${"x,".repeat(60)}`]) {
      const bad = await admin.request("GET", `/api/orgs/${s.org.id}/reports/topics?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code, query).toBe("DRAHT_ERR_VALIDATION_FAILED");
    }
  });
});
