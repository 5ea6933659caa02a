// Antwortzeiten by campaign and post over HTTP on the real database: the conversations whose first message reacted
// to a chosen post (or a campaign's post), their first answers (within target or not, after asking again) and
// closings against values worked out by hand; read from the conversations, they add up to what the rollups give
// for the whole organisation; a department-limited person sees only their department's and is offered only their
// posts; a period holding a whole month reads the same per person as one that does not (the monthly sums).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeConversationStatus } from "../src/app/inbox/change-conversation-status.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { campaigns } from "../src/db/schema/index.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, uniqueSuffix } from "./support/factories.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

const HOUR = 3_600_000;
// Sunday 6 December 2026, 11:00 in Berlin (UTC+1).
const SUNDAY = new Date("2026-12-06T10:00:00Z");
let now = SUNDAY;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const QUESTION = "Wann wird die Straße wieder freigegeben?";

/**
 * "Baustelle" (campaign "Sommer", the Kulturamt's, on Mastodon and the website) and "Markt" and "Kita" (Mastodon).
 * Monday 30 November (local times, office hours 8–16, one business day to answer): A asks under Baustelle on
 * Mastodon at 8, asks again at 9 and is answered at 10 (2 office hours, within target), closed on Wednesday at
 * 10 (2 × 8 + 2 = 18 office hours); B asks under Baustelle on the website (the Bauamt's) at 9 and is answered on
 * Tuesday at 10 (9 office hours, after its due time, Tuesday 9); C asks under Markt at 8, answered at 12 (4 hours)
 * and closed at 15 (7 hours); D asks under Kita on Friday at 9 and still waits; E asks under Baustelle on Friday
 * at 10 and still waits.
 */
async function scene() {
  const org = await buildOrg(t.ctx);
  const bauamt = await buildDepartment(t.ctx, org.id, { name: "Bauamt" });
  const kultur = await buildDepartment(t.ctx, org.id, { name: "Kulturamt" });
  const mastodon = await buildChannelAccount(t.ctx, org.id, { name: "Mastodon", departmentId: kultur.id });
  const website = await buildChannelAccount(t.ctx, org.id, { name: "Website", departmentId: bauamt.id });
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
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
    title: "Baustelle",
    departmentId: kultur.id,
    campaignId: campaign?.id,
    on: [
      { channelAccountId: mastodon.id, externalId: "toot-a" },
      { channelAccountId: website.id, externalId: "entry-a" },
    ],
  });
  const markt = await buildPublishedPost(t.ctx, org.id, {
    title: "Markt",
    departmentId: kultur.id,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-b" }],
  });
  const kita = await buildPublishedPost(t.ctx, org.id, {
    title: "Kita",
    departmentId: kultur.id,
    on: [{ channelAccountId: mastodon.id, externalId: "toot-c" }],
  });
  const ask = async (channelAccountId: string, thread: string, at: string, handle = `@${uniqueSuffix()}`) => {
    now = new Date(at);
    const [outcome] = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser: t.ctx.analyser,
        now,
        publicUrl: t.ctx.publicUrl,
        messages: [
          {
            channelAccountId,
            externalId: `m-${uniqueSuffix()}`,
            kind: "reply",
            authorHandle: handle,
            authorName: "Bürgerin",
            text: QUESTION,
            language: "de",
            threadExternalId: thread,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt: now,
            raw: {},
          },
        ],
      }),
    );
    if (outcome?.status !== "stored") throw new Error("message not stored");
    return outcome.conversationId;
  };
  const answer = async (conversationId: string, at: string) => {
    now = new Date(at);
    await t.ctx.db.transaction((tx) =>
      recordConversationResponse(tx, { conversationId, userId: admin.userId, at: now }),
    );
  };
  const close = async (conversationId: string, at: string) => {
    now = new Date(at);
    await changeConversationStatus(t.ctx, {
      actor: admin.actor,
      orgId: org.id,
      input: { conversationIds: [conversationId], event: "closed" },
    });
  };
  const a = await ask(mastodon.id, "toot-a", "2026-11-30T07:00:00Z", "@anna");
  expect(await ask(mastodon.id, "toot-a", "2026-11-30T08:00:00Z", "@anna")).toBe(a);
  await answer(a, "2026-11-30T09:00:00Z");
  const b = await ask(website.id, "entry-a", "2026-11-30T08:00:00Z");
  await answer(b, "2026-12-01T09:00:00Z");
  const c = await ask(mastodon.id, "toot-b", "2026-11-30T07:00:00Z");
  await answer(c, "2026-11-30T11:00:00Z");
  await close(c, "2026-11-30T14:00:00Z");
  await close(a, "2026-12-02T09:00:00Z");
  await ask(mastodon.id, "toot-c", "2026-12-04T08:00:00Z");
  await ask(mastodon.id, "toot-a", "2026-12-04T09:00:00Z");
  now = SUNDAY;
  return { org, bauamt, admin, campaign, baustelle, markt, kita };
}

type Figures = {
  answered: number;
  withTarget: number;
  withinTarget: number;
  askedAgain: number;
  meanMs: number | null;
  resolution: { resolved: number; meanMs: number | null };
};
const brief = (f: Figures) => ({
  answered: f.answered,
  withTarget: f.withTarget,
  withinTarget: f.withinTarget,
  askedAgain: f.askedAgain,
  meanMs: f.meanMs,
  resolved: f.resolution.resolved,
  resolutionMeanMs: f.resolution.meanMs,
});

describe("the response-time report by campaign and post", () => {
  it("counts the first answers and closings of the conversations that reacted to the post or campaign", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const get = async (query: string) => {
      const response = await session.request("GET", `/api/orgs/${s.org.id}/reports/response-times?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const byPost = await get(`from=2026-11-30&postIds=${s.baustelle.id}`);
    expect(brief(byPost.totals)).toEqual({
      answered: 2,
      withTarget: 2,
      withinTarget: 1,
      askedAgain: 1,
      meanMs: 5.5 * HOUR,
      resolved: 1,
      resolutionMeanMs: 18 * HOUR,
    });
    expect(byPost.byChannel.map((c: { name: string; current: Figures }) => [c.name, c.current.answered])).toEqual([
      ["Mastodon", 1],
      ["Website", 1],
    ]);
    // A's answer on Monday, B's on Tuesday, A's closing on Wednesday.
    const onDay = (day: string) => byPost.series.find((p: { start: string }) => p.start === day).figures;
    expect([
      onDay("2026-11-30").answered,
      onDay("2026-12-01").answered,
      onDay("2026-12-02").resolution.resolved,
    ]).toEqual([1, 1, 1]);
    // E waits under the post now; the series of waits is not kept per post.
    expect([byPost.waitingNow, byPost.waitingSeries]).toEqual([1, null]);
    // The campaign is its one post here.
    const byCampaign = await get(`from=2026-11-30&campaignIds=${s.campaign?.id}`);
    expect(byCampaign).toEqual(byPost);
    const markt = await get(`from=2026-11-30&postIds=${s.markt.id}`);
    expect(brief(markt.totals)).toEqual({
      answered: 1,
      withTarget: 1,
      withinTarget: 1,
      askedAgain: 0,
      meanMs: 4 * HOUR,
      resolved: 1,
      resolutionMeanMs: 7 * HOUR,
    });
    expect(markt.waitingNow).toBe(0);
    expect(byPost.postChoices.campaigns).toEqual([
      { id: s.campaign?.id, name: "Sommer", firstDay: "2026-11-01", lastDay: "2026-12-31" },
    ]);
    expect(byPost.postChoices.posts.map((p: { id: string }) => p.id).sort()).toEqual(
      [s.baustelle.id, s.markt.id, s.kita.id].sort(),
    );
  });

  it("adds up, over all posts, to what the rollups give for the whole organisation", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/response-times?from=2026-11-30`;
    const all = (await session.request("GET", base)).json();
    const posts = (await session.request("GET", `${base}&postIds=${s.baustelle.id},${s.markt.id},${s.kita.id}`)).json();
    expect(all.totals.answered).toBe(3);
    for (const part of ["totals", "previous", "series", "byChannel", "byDepartment", "byPerson"])
      expect(posts[part], part).toEqual(all[part]);
    expect(posts.waitingNow).toBe(all.waitingNow);
  });

  it("reads the people of a whole month as of its days", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/response-times`;
    // November is whole from the 1st (the monthly sums), its 30th alone is a day at the edge.
    const month = (await session.request("GET", `${base}?from=2026-11-01`)).json();
    const days = (await session.request("GET", `${base}?from=2026-11-30`)).json();
    expect(month.byPerson).toEqual(days.byPerson);
    expect(brief(month.byPerson[0].current)).toMatchObject({ answered: 3, resolved: 2 });
    expect(month.totals).toEqual(days.totals);
  });

  it("shows a department-limited person only their department's conversations and offers only their posts", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["press_office"], departmentIds: [s.bauamt.id] });
    const session = await signIn(t.app, limited.email, limited.password);
    const response = await session.request(
      "GET",
      `/api/orgs/${s.org.id}/reports/response-times?from=2026-11-30&postIds=${s.baustelle.id}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    // Only B, on the website, is the Bauamt's; the posts and the campaign are the Kulturamt's.
    expect(brief(report.totals)).toMatchObject({ answered: 1, withTarget: 1, withinTarget: 0, meanMs: 9 * HOUR });
    expect(report.byDepartment.map((d: { name: string }) => d.name)).toEqual(["Bauamt"]);
    expect(report.waitingNow).toBe(0);
    expect(report.postChoices).toEqual({ campaigns: [], posts: [] });
  });

  it("refuses a post or campaign filter that names no id", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/response-times`;
    for (const query of ["postIds=nonsense", "campaignIds="]) {
      const bad = await session.request("GET", `${base}?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
  });
});
