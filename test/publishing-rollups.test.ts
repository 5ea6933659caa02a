// The Veröffentlichung report's rollups (migration 0049) against a straight count of the publications themselves,
// after each kind of change that can touch them: publications written pending and then published, written
// published at once, failed, retried; the networks' counters written, updated and removed; a post out on two days;
// a publication deleted; a post moved to another department and campaign; another time zone. Posts are counted
// once for every day range and set of channel accounts a viewer may ask for. publication_reactions (migration
// publication_reactions_triggers: a row per publication that is out, with its post's place and the sum of its
// counters) against the same publications joined with their posts and counters. PGlite and PostgreSQL.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { updateOrganisation } from "../src/app/orgs/update-organisation.js";
import { openPublishingScope } from "../src/app/reports/publishingScope.js";
import { rankPosts } from "../src/app/reports/topPostsRanking.js";
import type { Database } from "../src/db/client.js";
import { rowsOf } from "../src/db/queries/rows.js";
import {
  campaigns,
  posts,
  publicationDailyRollups,
  publicationMetrics,
  publications,
  publishedPostRollups,
} from "../src/db/schema/index.js";
import { addDays } from "../src/domain/reports/reportPeriod.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildMember,
  buildOrg,
  buildTestContext,
  systemAdminOf,
  uniqueSuffix,
} from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => new Date("2026-12-06T10:00:00Z") });
});
afterAll(() => database.close());

/** Publications and counters per local day, channel account, department and campaign, counted straight. */
async function countedByDay(orgId: string) {
  return rowsOf<Record<string, unknown>>(
    await ctx.db.execute(sql`
      select x.day::text as day, x.channel_account_id as channel, x.department_id as department,
             x.campaign_id as campaign, sum(x.published)::int as published, sum(x.failed)::int as failed,
             sum(x.likes)::int as likes, sum(x.reposts)::int as reposts, sum(x.replies)::int as replies
        from (select (case when p.status = 'published' then p.published_at else p.due_at end
                      at time zone o.time_zone)::date as day,
                     p.channel_account_id, po.department_id, po.campaign_id,
                     (p.status = 'published')::int as published, (p.status = 'failed')::int as failed,
                     case when p.status = 'published' then coalesce(m.likes, 0) else 0 end as likes,
                     case when p.status = 'published' then coalesce(m.reposts, 0) else 0 end as reposts,
                     case when p.status = 'published' then coalesce(m.replies, 0) else 0 end as replies
                from publications p join posts po on po.id = p.post_id join organisations o on o.id = p.org_id
                left join publication_metrics m on m.publication_id = p.id
               where p.org_id = ${orgId} and (p.status = 'failed' or (p.status = 'published' and p.published_at is not null))) as x
       group by 1, 2, 3, 4
       order by 1, 2, 3, 4`),
  );
}

async function rolledUpByDay(orgId: string) {
  const d = publicationDailyRollups;
  const rows = await ctx.db
    .select()
    .from(d)
    .where(
      and(
        eq(d.orgId, orgId),
        sql`(${d.published}, ${d.failed}, ${d.likes}, ${d.reposts}, ${d.replies}) <> (0, 0, 0, 0, 0)`,
      ),
    );
  return rows
    .map((r) => ({
      day: r.day,
      channel: r.channelAccountId,
      department: r.departmentId,
      campaign: r.campaignId,
      published: r.published,
      failed: r.failed,
      likes: r.likes,
      reposts: r.reposts,
      replies: r.replies,
    }))
    .sort((a, b) =>
      `${a.day}|${a.channel}|${a.department}|${a.campaign}`.localeCompare(
        `${b.day}|${b.channel}|${b.department}|${b.campaign}`,
      ),
    );
}

/** Each publication that is out with its post's department and campaign and its counters' sum, both ways. */
async function reactionsBothWays(orgId: string) {
  const rows = (query: ReturnType<typeof sql>) => ctx.db.execute(query).then((r) => rowsOf<Record<string, unknown>>(r));
  const columns = sql`publication_id, org_id, post_id, channel_account_id, department_id, campaign_id, published_at, reactions`;
  const straight = await rows(sql`
    select ${columns} from (
      select p.id as publication_id, p.org_id, p.post_id, p.channel_account_id, po.department_id, po.campaign_id,
             p.published_at, m.likes + m.reposts + m.replies as reactions
        from publications p join posts po on po.id = p.post_id
        left join publication_metrics m on m.publication_id = p.id
       where p.org_id = ${orgId} and p.status = 'published' and p.published_at is not null) as x
     order by publication_id`);
  const rolled = await rows(sql`
    select ${columns} from publication_reactions where org_id = ${orgId} order by publication_id`);
  return { straight, rolled };
}

/** Each post that is out summed over its publications, both ways. */
async function postReactionsBothWays(orgId: string) {
  const rows = (query: ReturnType<typeof sql>) => ctx.db.execute(query).then((r) => rowsOf<Record<string, unknown>>(r));
  const straight = await rows(sql`
    select p.post_id, p.org_id, po.department_id, po.campaign_id, min(p.published_at) as first_published_at,
           max(p.published_at) as last_published_at, sum(m.likes + m.reposts + m.replies)::int as reactions,
           max(p.published_at) filter (where m.publication_id is not null) as last_read_published_at
      from publications p join posts po on po.id = p.post_id
      left join publication_metrics m on m.publication_id = p.id
     where p.org_id = ${orgId} and p.status = 'published' and p.published_at is not null
     group by 1, 2, 3, 4 order by 1`);
  const rolled = await rows(sql`
    select post_id, org_id, department_id, campaign_id, first_published_at, last_published_at, reactions,
           last_read_published_at
      from post_reactions where org_id = ${orgId} order by 1`);
  return { straight, rolled };
}

/** The report's ranking of the posts with most reactions against publications ⋈ publication_metrics. */
async function rankingBothWays(orgId: string, query: { from: string; to: string; channelAccountIds?: string }) {
  const scope = await openPublishingScope(ctx, { actor: systemAdminOf(orgId), orgId, query });
  const channels = query.channelAccountIds ? `{${query.channelAccountIds}}` : null;
  const straight = rowsOf<{ post_id: string; reactions: number }>(
    await ctx.db.execute(sql`
      select p.post_id, sum(m.likes + m.reposts + m.replies)::int as reactions
        from publications p join publication_metrics m on m.publication_id = p.id
       where p.org_id = ${orgId} and p.status = 'published' and p.published_at >= ${scope.start.toISOString()}
         and p.published_at < ${scope.end.toISOString()}
         and (${channels}::uuid[] is null or p.channel_account_id = any(${channels}::uuid[]))
       group by 1 having sum(m.likes + m.reposts + m.replies) > 0
       order by 2 desc, max(p.published_at) desc`),
  ).map((r) => ({ postId: r.post_id, reactions: Number(r.reactions) }));
  const rolled = (await rankPosts(ctx, scope, 10)).map((r) => ({ postId: r.postId, reactions: r.reactions }));
  return { straight, rolled };
}

/** Posts that went out in [from, to] on one of the channel accounts, counted straight and from the rollup. */
async function postsBothWays(orgId: string, from: string, to: string, channels: string[]) {
  const list = `{${channels.join(",")}}`;
  const [straight] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`
      select count(distinct p.post_id)::int as n
        from publications p join organisations o on o.id = p.org_id
       where p.org_id = ${orgId} and p.status = 'published' and p.published_at is not null
         and (p.published_at at time zone o.time_zone)::date between ${from}::date and ${to}::date
         and p.channel_account_id = any(${list}::uuid[])`),
  );
  const [rolled] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`
      select (coalesce(sum(posts) filter (where post_id is null), 0) + count(distinct post_id))::int as n
        from published_post_rollups
       where org_id = ${orgId} and day between ${from}::date and ${to}::date and channel_account_ids && ${list}::uuid[]`),
  );
  return { straight: Number(straight?.n), rolled: Number(rolled?.n) };
}

describe("the Veröffentlichung rollups", () => {
  it("count publications, failures, counters and posts as a straight count does, after every kind of change", async () => {
    const org = await buildOrg(ctx);
    const polizei = await buildDepartment(ctx, org.id, { name: "Polizei" });
    const kultur = await buildDepartment(ctx, org.id, { name: "Kulturamt" });
    const [a, b, c] = [
      await buildChannelAccount(ctx, org.id, { name: "Kanal A" }),
      await buildChannelAccount(ctx, org.id, { name: "Kanal B" }),
      await buildChannelAccount(ctx, org.id, { name: "Kanal C" }),
    ];
    const author = await buildMember(ctx, org.id, { roles: ["press_office"] });
    const [campaign] = await ctx.db
      .insert(campaigns)
      .values({
        orgId: org.id,
        name: "24 Stunden Polizei",
        hashtag: "#24hPolizei",
        startsAt: new Date("2026-11-24T00:00:00Z"),
        endsAt: new Date("2026-11-25T00:00:00Z"),
      })
      .returning({ id: campaigns.id });
    const post = async (departmentId: string, campaignId: string | null = null) => {
      const [row] = await ctx.db
        .insert(posts)
        .values({
          orgId: org.id,
          authorUserId: author.userId,
          departmentId,
          campaignId,
          body: "Beitrag",
          status: "scheduled",
        })
        .returning({ id: posts.id });
      return row?.id ?? "";
    };
    const due = new Date("2026-11-24T09:00:00Z");
    const outbox = (postId: string, accountIds: string[], values: Partial<typeof publications.$inferInsert> = {}) =>
      ctx.db
        .insert(publications)
        .values(
          accountIds.map((channelAccountId) => ({
            orgId: org.id,
            postId,
            channelAccountId,
            idempotencyKey: `${postId}:${channelAccountId}:${uniqueSuffix()}`,
            dueAt: due,
            nextAttemptAt: due,
            createdAt: due,
            ...values,
          })),
        )
        .returning({ id: publications.id, channelAccountId: publications.channelAccountId });
    const publish = (ids: string[], at: string) =>
      ctx.db
        .update(publications)
        .set({ status: "published", publishedAt: new Date(at) })
        .where(inArray(publications.id, ids));
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const days = Array.from({ length: 5 }, (_, i) => addDays("2026-11-23", i));
    const check = async () => {
      expect(await rolledUpByDay(org.id)).toEqual(await countedByDay(org.id));
      const reactions = await reactionsBothWays(org.id);
      expect(reactions.rolled).toEqual(reactions.straight);
      const perPost = await postReactionsBothWays(org.id);
      expect(perPost.rolled).toEqual(perPost.straight);
      for (const [from, to] of [...days.map((day) => [day, day]), ["2026-11-23", "2026-11-27"]])
        for (const channelAccountIds of [undefined, a.id, `${a.id},${b.id}`]) {
          const ranking = await rankingBothWays(org.id, { from: from ?? "", to: to ?? "", channelAccountIds });
          expect(ranking.rolled, `${from}–${to} ${channelAccountIds ?? ""}`).toEqual(ranking.straight);
        }
      for (const channels of [[a.id], [b.id], [c.id], [a.id, b.id], [a.id, b.id, c.id]])
        for (const [from, to] of [
          ...days.map((day) => [day, day]),
          ["2026-11-23", "2026-11-27"],
          ["2026-11-25", "2026-11-27"],
        ]) {
          const both = await postsBothWays(org.id, from ?? "", to ?? "", channels);
          expect(both.rolled, `${from}–${to} on ${channels.length} accounts`).toBe(both.straight);
        }
    };

    // p1 on A and B: written pending, published later in one statement (Tuesday 24 November, 11:00 in Berlin).
    const p1 = await post(polizei.id);
    const p1Out = await outbox(p1, [a.id, b.id]);
    await check();
    await publish(ids(p1Out), "2026-11-24T10:00:00Z");
    await check();
    // p2 (campaign) written as published at once, with its counters.
    const p2 = await post(polizei.id, campaign?.id);
    const p2Out = await outbox(p2, [a.id], { status: "published", publishedAt: new Date("2026-11-24T20:00:00Z") });
    const counters = (publicationId: string, likes: number, fetchedAt: string) => ({
      publicationId,
      orgId: org.id,
      channelAccountId: a.id,
      likes,
      reposts: 2,
      replies: 1,
      fetchedAt: new Date(fetchedAt),
      nextFetchAt: new Date(fetchedAt),
    });
    await ctx.db
      .insert(publicationMetrics)
      .values([
        counters(ids(p2Out)[0] ?? "", 5, "2026-11-25T08:00:00Z"),
        { ...counters(ids(p1Out)[0] ?? "", 7, "2026-11-25T08:00:00Z"), channelAccountId: a.id },
      ]);
    await check();
    // p3 on A and B goes out on two days: A late on Wednesday 25 November (23:30 in Berlin), B the next morning.
    const p3 = await post(kultur.id);
    const p3Out = await outbox(p3, [a.id, b.id]);
    const onA = p3Out.find((p) => p.channelAccountId === a.id)?.id ?? "";
    const onB = p3Out.find((p) => p.channelAccountId === b.id)?.id ?? "";
    await publish([onA], "2026-11-25T22:30:00Z");
    await check();
    await publish([onB], "2026-11-26T07:00:00Z");
    await check();
    // p4 on C fails for good, is retried, and goes out.
    const p4 = await post(kultur.id);
    const p4Out = await outbox(p4, [c.id]);
    await ctx.db
      .update(publications)
      .set({ status: "failed" })
      .where(inArray(publications.id, ids(p4Out)));
    await check();
    await ctx.db
      .update(publications)
      .set({ status: "pending" })
      .where(inArray(publications.id, ids(p4Out)));
    await check();
    await publish(ids(p4Out), "2026-11-27T12:00:00Z");
    await check();
    // The networks' counters change, are read again, and one reading is removed.
    await ctx.db
      .update(publicationMetrics)
      .set({ likes: 11, replies: 4, fetchedAt: new Date("2026-11-26T08:00:00Z") })
      .where(eq(publicationMetrics.publicationId, ids(p2Out)[0] ?? ""));
    await check();
    const [asOf] = await ctx.db
      .select({ at: sql<string>`max(${publicationDailyRollups.fetchedAt})` })
      .from(publicationDailyRollups)
      .where(eq(publicationDailyRollups.orgId, org.id));
    expect(new Date(asOf?.at ?? 0)).toEqual(new Date("2026-11-26T08:00:00Z"));
    await ctx.db.delete(publicationMetrics).where(eq(publicationMetrics.publicationId, ids(p1Out)[0] ?? ""));
    await check();
    // p1 moves to the Kulturamt, p3 into the campaign.
    await ctx.db.update(posts).set({ departmentId: kultur.id }).where(eq(posts.id, p1));
    await ctx.db.update(posts).set({ campaignId: campaign?.id }).where(eq(posts.id, p3));
    await check();
    // p3's second publication is deleted (with its counters), then p2's.
    await ctx.db
      .insert(publicationMetrics)
      .values({ ...counters(onB, 3, "2026-11-26T09:00:00Z"), channelAccountId: b.id });
    await check();
    await ctx.db.delete(publications).where(eq(publications.id, onB));
    await check();
    await ctx.db.delete(publications).where(inArray(publications.id, ids(p2Out)));
    await check();
    // Another time zone: p3's late publication falls on Wednesday in New York as well, p1's at 05:00.
    await updateOrganisation(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { timeZone: "America/New_York" },
    });
    await check();
    await updateOrganisation(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { timeZone: "Pacific/Kiritimati" },
    });
    await check();
    const left = await ctx.db.select().from(publishedPostRollups).where(eq(publishedPostRollups.orgId, org.id));
    expect(left.every((r) => r.posts > 0)).toBe(true);
  });

  // On PostgreSQL the second publisher runs while the first holds its row; PGlite's one connection lets it wait
  // for the first to commit — the count must be one either way.
  it("count a post once when two transactions publish its channel accounts at the same time", async () => {
    const org = await buildOrg(ctx);
    const a = await buildChannelAccount(ctx, org.id, { name: "Kanal A" });
    const b = await buildChannelAccount(ctx, org.id, { name: "Kanal B" });
    const author = await buildMember(ctx, org.id, { roles: ["press_office"] });
    const [row] = await ctx.db
      .insert(posts)
      .values({ orgId: org.id, authorUserId: author.userId, body: "Beitrag", status: "scheduled" })
      .returning({ id: posts.id });
    const postId = row?.id ?? "";
    const due = new Date("2026-11-24T09:00:00Z");
    const out = await ctx.db
      .insert(publications)
      .values(
        [a.id, b.id].map((channelAccountId) => ({
          orgId: org.id,
          postId,
          channelAccountId,
          idempotencyKey: `${postId}:${channelAccountId}`,
          dueAt: due,
          nextAttemptAt: due,
          createdAt: due,
        })),
      )
      .returning({ id: publications.id });
    // The first transaction holds its publication, written, until the second has written its own.
    let written = () => undefined as void;
    const firstWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const publishOne = (db: Pick<AppContext["db"], "update">, id: string) =>
      db.update(publications).set({ status: "published", publishedAt: due }).where(eq(publications.id, id));
    const first = ctx.db.transaction(async (tx) => {
      await publishOne(tx, out[0]?.id ?? "");
      written();
      await held;
    });
    await firstWritten;
    const second = publishOne(ctx.db, out[1]?.id ?? "");
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    const both = await postsBothWays(org.id, "2026-11-24", "2026-11-24", [a.id, b.id]);
    expect(both).toEqual({ straight: 1, rolled: 1 });
    // The post's reactions row sums both publications (each transaction sums it again once the other's is seen).
    const perPost = await postReactionsBothWays(org.id);
    expect(perPost.rolled).toEqual(perPost.straight);
    expect(perPost.rolled).toHaveLength(1);
  });
});
