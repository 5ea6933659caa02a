// A person limited to departments sees and changes only their departments' things; things of the whole
// organisation (no department) need a grant that is not limited. Regressions of issue #16 (items 1, 2, 14),
// and the demo's department contributor ("kita@", Jugendamt) still doing their work.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCampaignBoard } from "../../src/app/campaigns/get-campaign-board.js";
import { saveCampaign } from "../../src/app/campaigns/save-campaign.js";
import { assignConversations } from "../../src/app/inbox/assign-conversations.js";
import { updateInboxRules } from "../../src/app/inbox/inbox-rules.js";
import { saveReplyTemplate } from "../../src/app/inbox/reply-templates.js";
import { uploadMedia } from "../../src/app/media/upload-media.js";
import { updateMember } from "../../src/app/members/update-member.js";
import { createPost } from "../../src/app/posts/create-post.js";
import { publishNetiquette } from "../../src/app/website/publish-netiquette.js";
import { inboundMessages, moderationCases, organisations, posts } from "../../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../../src/domain/website/netiquette.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildMedia,
  buildMember,
  buildOrg,
  buildTestContext,
  samplePng,
  systemAdminOf,
} from "../support/factories.js";
import { buildWebsitePost, startCitizen } from "../support/website.js";
import { openTestDatabase } from "../support/testDb.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "../support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Town {
  orgId: string;
  youth: string;
  roads: string;
  accountId: string;
  press: { userId: string; actor: Awaited<ReturnType<typeof buildMember>>["actor"] };
  kita: SignedIn & { userId: string };
}

/** Musterstadt in small: a press office for the whole town and a Jugendamt contributor like the demo's kita@. */
async function town(): Promise<Town> {
  const org = await buildOrg(t.ctx);
  const youth = (await buildDepartment(t.ctx, org.id, { name: "Jugendamt" })).id;
  const roads = (await buildDepartment(t.ctx, org.id, { name: "Tiefbauamt" })).id;
  const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox", name: "Mastodon" });
  const press = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
  const kita = await buildMember(t.ctx, org.id, { roles: ["department_contributor"], departmentIds: [youth] });
  const signedIn = Object.assign(await signIn(t.app, kita.email, kita.password), { userId: kita.userId });
  return { orgId: org.id, youth, roads, accountId: account.id, press, kita: signedIn };
}

async function draftBy(s: Town, departmentId: string | null, title: string, body: string) {
  return createPost(t.ctx, {
    actor: s.press.actor,
    orgId: s.orgId,
    input: { title, body, departmentId, channels: [{ channelAccountId: s.accountId, textOverride: null }] },
  });
}

describe("posts without a department", () => {
  it("are neither shown nor handed out nor overwritten to a department-limited person", async () => {
    const s = await town();
    const draft = await draftBy(s, null, "Stadtfest", "Das Stadtfest beginnt am Samstag.");

    const list = await s.kita.request("GET", `/api/orgs/${s.orgId}/posts`);
    expect(list.statusCode).toBe(200);
    expect(list.json().posts).toEqual([]);

    const read = await s.kita.request("GET", `/api/orgs/${s.orgId}/posts/${draft.id}`);
    expect([403, 404]).toContain(read.statusCode);
    expect(read.body).not.toContain("Stadtfest");

    const write = await s.kita.request("PUT", `/api/orgs/${s.orgId}/posts/${draft.id}`, {
      title: "Überschrieben",
      body: "Überschrieben von der Kita.",
      departmentId: s.youth,
      revision: 1,
    });
    expect([403, 404]).toContain(write.statusCode);
    const [after] = await t.ctx.db.select().from(posts).where(eq(posts.id, draft.id));
    expect(after).toMatchObject({ title: "Stadtfest", body: "Das Stadtfest beginnt am Samstag.", revision: 1 });
    expect(after?.departmentId).toBeNull();
  });
});

describe("the campaign board", () => {
  it("shows a department-limited participant only the posts of their departments", async () => {
    const s = await town();
    const campaign = await saveCampaign(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      input: {
        name: "24 Stunden Rathaus",
        hashtag: "#24hRathaus",
        startsAt: "2030-01-01T06:00:00Z",
        endsAt: "2030-01-02T06:00:00Z",
        participantIds: [s.kita.userId, s.press.userId],
      },
    });
    const secret = await createPost(t.ctx, {
      actor: s.press.actor,
      orgId: s.orgId,
      input: {
        title: "Vertraulich: Brückensperrung",
        body: "Die Brücke wird vertraulich gesperrt. #24hRathaus",
        departmentId: s.roads,
        campaignId: campaign.id,
        channels: [{ channelAccountId: s.accountId, textOverride: null }],
      },
    });
    const own = await createPost(t.ctx, {
      actor: s.press.actor,
      orgId: s.orgId,
      input: {
        title: "Kita-Anmeldung",
        body: "Die Kita-Anmeldung ist offen. #24hRathaus",
        departmentId: s.youth,
        campaignId: campaign.id,
        channels: [{ channelAccountId: s.accountId, textOverride: null }],
      },
    });

    const board = await s.kita.request("GET", `/api/orgs/${s.orgId}/campaigns/${campaign.id}/board`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.body).not.toContain(secret.id);
    expect(board.body).not.toContain("Brücke");
    expect(board.body).toContain(own.id);
    expect(board.json()).toMatchObject({ total: 1 });
  });

  it("is not shown to a department-limited person for another department's campaign they do not take part in", async () => {
    const s = await town();
    const campaign = await saveCampaign(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      input: {
        name: "Baustellensommer",
        hashtag: "#Baustellen",
        startsAt: "2030-01-01T06:00:00Z",
        endsAt: "2030-01-02T06:00:00Z",
        departmentId: s.roads,
      },
    });
    const board = await s.kita.request("GET", `/api/orgs/${s.orgId}/campaigns/${campaign.id}/board`);
    expect([403, 404]).toContain(board.statusCode);
    expect(board.body).not.toContain("Baustellensommer");
    const list = await s.kita.request("GET", `/api/orgs/${s.orgId}/campaigns`);
    expect(list.json().campaigns).toEqual([]);
    // Nor do the composer's live checks read its rules (hashtag, time window) for them.
    const check = await s.kita.request("POST", `/api/orgs/${s.orgId}/posts/check`, {
      body: "Kita-Fest am Samstag",
      departmentId: s.youth,
      campaignId: campaign.id,
      channels: [{ channelAccountId: s.accountId, textOverride: null }],
    });
    expect(check.statusCode).toBe(403);
    expect(check.body).not.toMatch(/Baustellen|2030/);
  });

  it("reports a failing database as the failure it is, not as a missing campaign", async () => {
    const s = await town();
    const campaign = await saveCampaign(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      input: { name: "Marathon", hashtag: "#Lauf", startsAt: "2030-01-01T06:00:00Z", endsAt: "2030-01-02T06:00:00Z" },
    });
    // A second connection to the same database, closed: every query on it fails for real.
    const broken = await openTestDatabase();
    await broken.close();
    const ctx = buildTestContext(broken.db);
    const failure = await getCampaignBoard(ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      campaignId: campaign.id,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the demo's department contributor (kita@, Jugendamt)", () => {
  it("drafts Jugendamt posts to the town's accounts, but gives none to another department or the whole town", async () => {
    const s = await town();
    const created = await s.kita.request("POST", `/api/orgs/${s.orgId}/posts`, {
      body: "Die Kita am Park hat neue Plätze.",
      departmentId: s.youth,
      channels: [{ channelAccountId: s.accountId, textOverride: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const list = await s.kita.request("GET", `/api/orgs/${s.orgId}/posts`);
    expect(list.json().posts.map((p: { id: string }) => p.id)).toEqual([id]);
    for (const departmentId of [s.roads, null]) {
      const moved = await s.kita.request("PUT", `/api/orgs/${s.orgId}/posts/${id}`, {
        body: "Verschoben.",
        departmentId,
        revision: 1,
      });
      expect(moved.statusCode).toBe(403);
    }
    const orgWide = await s.kita.request("POST", `/api/orgs/${s.orgId}/posts`, {
      body: "Für alle.",
      departmentId: null,
    });
    expect(orgWide.statusCode).toBe(403);
    const [after] = await t.ctx.db.select().from(posts).where(eq(posts.id, id));
    expect(after).toMatchObject({ departmentId: s.youth, revision: 1 });
  });

  it("works the Jugendamt's conversations and comments, not the unrouted ones nor another department's", async () => {
    const s = await inboxTown();
    const kitaQuestion = await s.ask("Wann gibt es wieder freie Kita-Plätze?");
    const unrouted = await s.ask("Wann öffnet das Standesamt?");
    const roads = await s.ask("Wann wird die Baustelle in der Hauptstraße fertig?");

    const inbox = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/conversations`);
    expect(inbox.json().conversations.map((c: { id: string }) => c.id)).toEqual([kitaQuestion.conversationId]);
    const comments = await s.kita.request("GET", `/api/orgs/${s.orgId}/website/comments`);
    expect(comments.json().comments.map((c: { id: string }) => c.id)).toEqual([kitaQuestion.commentId]);

    const answer = await s.kita.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${kitaQuestion.conversationId}/replies`,
      { text: "Guten Tag, die Plätze vergibt der Kita-Navigator." },
    );
    expect(answer.statusCode, answer.body).toBe(201);
    for (const other of [unrouted, roads]) {
      const read = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${other.conversationId}`);
      expect([403, 404]).toContain(read.statusCode);
      const reply = await s.kita.request("POST", `/api/orgs/${s.orgId}/website/comments/${other.commentId}/answer`, {
        text: "Das beantworten wir.",
      });
      expect([403, 404]).toContain(reply.statusCode);
    }
  });

  it("is not told about conversations outside the Jugendamt, even when someone hands one to them by name", async () => {
    const s = await inboxTown();
    const unrouted = await s.ask("Wann öffnet das Standesamt?");
    await assignConversations(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      input: { conversationIds: [unrouted.conversationId], assigneeUserId: s.kita.userId },
    });
    const mine = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/notifications`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().notifications).toEqual([]);
    const workload = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/workload`);
    expect(workload.json().people).toEqual([]);
  });

  it("hands a misrouted conversation on to the right department, after which it is out of their sight", async () => {
    const s = await inboxTown();
    const misrouted = await s.ask("Die Kita-Straße hat ein Schlagloch, wann wird es repariert?");
    const handed = await s.kita.request("POST", `/api/orgs/${s.orgId}/inbox/assignments`, {
      conversationIds: [misrouted.conversationId],
      departmentId: s.roads,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const read = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${misrouted.conversationId}`);
    expect([403, 404]).toContain(read.statusCode);
  });

  it("uses the town's files and the Jugendamt's, changes only the Jugendamt's, and never sees another department's", async () => {
    const s = await town();
    const townFile = await buildMedia(t.ctx, s.orgId, { altText: null });
    const roadsFile = await uploadMedia(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      bytes: await samplePng(),
      maxBytes: 10_000_000,
      meta: { fileName: "baustelle.png", altText: "Eine Baustelle", departmentId: s.roads },
    });
    const upload = await s.kita.request(
      "POST",
      `/api/orgs/${s.orgId}/media?name=kita.png&departmentId=${s.youth}`,
      await samplePng(),
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const own = upload.json().id as string;
    const described = await s.kita.request("PATCH", `/api/orgs/${s.orgId}/media/${own}`, { altText: "Kinder malen" });
    expect(described.statusCode, described.body).toBe(200);

    const library = await s.kita.request("GET", `/api/orgs/${s.orgId}/media`);
    expect(
      library
        .json()
        .media.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([own, townFile.id].sort());
    expect(
      (await s.kita.request("PATCH", `/api/orgs/${s.orgId}/media/${townFile.id}`, { altText: "x" })).statusCode,
    ).toBe(403);
    expect(
      [403, 404].includes(
        (await s.kita.request("GET", `/api/orgs/${s.orgId}/media/${roadsFile.id}/content`)).statusCode,
      ),
    ).toBe(true);
    const orgWideUpload = await s.kita.request("POST", `/api/orgs/${s.orgId}/media?name=alle.png`, await samplePng());
    expect(orgWideUpload.statusCode).toBe(403);
    const usingRoads = await s.kita.request("POST", `/api/orgs/${s.orgId}/posts`, {
      body: "Mit fremdem Bild.",
      departmentId: s.youth,
      mediaIds: [roadsFile.id],
    });
    expect(usingRoads.statusCode).toBe(403);
  });

  it("answers with the town's and the Jugendamt's reply templates, not with another department's", async () => {
    const s = await inboxTown();
    const admin = systemAdminOf(s.orgId);
    const save = (title: string, departmentId: string | null) =>
      saveReplyTemplate(t.ctx, {
        actor: admin,
        orgId: s.orgId,
        templateId: null,
        input: { title, body: "Guten Tag {{name}}", departmentId },
      });
    const [townTemplate, youthTemplate, roadsTemplate] = [
      await save("Allgemein", null),
      await save("Kita", s.youth),
      await save("Baustelle", s.roads),
    ];
    const listed = await s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/templates`);
    expect(
      listed
        .json()
        .templates.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([townTemplate.id, youthTemplate.id].sort());
    const question = await s.ask("Wann gibt es wieder freie Kita-Plätze?");
    const filled = (id: string) =>
      s.kita.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${question.conversationId}/templates/${id}`);
    expect((await filled(youthTemplate.id)).statusCode).toBe(200);
    expect([403, 404]).toContain((await filled(roadsTemplate.id)).statusCode);
  });
});

describe("moderators limited to a department", () => {
  it("see and decide the cases of their department's conversations only", async () => {
    const s = await inboxTown();
    const member = await buildMember(t.ctx, s.orgId, { roles: ["moderator"], departmentIds: [s.youth] });
    const moderator = await signIn(t.app, member.email, member.password);
    const own = await s.ask("Die Kita-Leitung sind alle unfähige Idioten und Versager");
    const unrouted = await s.ask("Ihr im Rathaus seid alle unfähige Idioten und Versager");
    const queue = await moderator.request("GET", `/api/orgs/${s.orgId}/moderation/cases`);
    expect(queue.statusCode).toBe(200);
    const messages = queue.json().cases.map((c: { message: { text: string } }) => c.message.text);
    expect(messages).toEqual([expect.stringContaining("Kita-Leitung")]);
    const caseOf = async (commentId: string) => {
      const [row] = await t.ctx.db
        .select({ id: moderationCases.id })
        .from(moderationCases)
        .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
        .where(eq(inboundMessages.externalId, commentId));
      return row?.id ?? "";
    };
    expect(
      (await moderator.request("GET", `/api/orgs/${s.orgId}/moderation/cases/${await caseOf(own.commentId)}`))
        .statusCode,
    ).toBe(200);
    const foreign = await moderator.request(
      "GET",
      `/api/orgs/${s.orgId}/moderation/cases/${await caseOf(unrouted.commentId)}`,
    );
    expect([403, 404]).toContain(foreign.statusCode);
  });
});

describe("members limited to channel accounts", () => {
  it("work the conversations of their accounts only, write for them, and change no setting of the organisation", async () => {
    const s = await inboxTown();
    const member = await buildMember(t.ctx, s.orgId, { roles: ["administrator"] });
    await updateMember(t.ctx, {
      actor: systemAdminOf(s.orgId),
      orgId: s.orgId,
      userId: member.userId,
      input: { channelAccountIds: [s.accountId] },
    });
    const mastodonOnly = await signIn(t.app, member.email, member.password);
    const onTheWebsite = await s.ask("Wann öffnet das Standesamt?");
    const inbox = await mastodonOnly.request("GET", `/api/orgs/${s.orgId}/inbox/conversations`);
    expect(inbox.json().conversations).toEqual([]);
    const read = await mastodonOnly.request(
      "GET",
      `/api/orgs/${s.orgId}/inbox/conversations/${onTheWebsite.conversationId}`,
    );
    expect(read.json().error.details).toMatchObject({ reason: "channel_account" });
    // Without a department limit, things of no department are theirs too, as far as they reach their accounts.
    const draft = await mastodonOnly.request("POST", `/api/orgs/${s.orgId}/posts`, {
      body: "Neu auf Mastodon.",
      channels: [{ channelAccountId: s.accountId, textOverride: null }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const template = await mastodonOnly.request("POST", `/api/orgs/${s.orgId}/inbox/templates`, {
      title: "Danke",
      body: "Guten Tag {{name}}, danke!",
    });
    expect(template.statusCode, template.body).toBe(201);
    const hours = await mastodonOnly.request("PUT", `/api/orgs/${s.orgId}/office-schedule`, {
      officeHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
      closingDays: [],
    });
    expect(hours.json().error.details).toMatchObject({ reason: "channel_account" });
    const channels = await mastodonOnly.request("GET", `/api/orgs/${s.orgId}/channels`);
    expect(channels.json().channels.map((c: { id: string }) => c.id)).toEqual([s.accountId]);
  });
});

interface InboxTown extends Town {
  ask(text: string): Promise<{ commentId: string; conversationId: string }>;
}

/** The town with its website, routing Kita questions to the Jugendamt and building-site ones to the Tiefbauamt. */
async function inboxTown(): Promise<InboxTown> {
  const s = await town();
  const admin = systemAdminOf(s.orgId);
  const website = await buildChannelAccount(t.ctx, s.orgId, { network: "website", name: "Website" });
  const netiquette = await publishNetiquette(t.ctx, { actor: admin, orgId: s.orgId, input: DEFAULT_NETIQUETTE });
  const { entryId } = await buildWebsitePost(t.ctx, { orgId: s.orgId, channelAccountId: website.id });
  await updateInboxRules(t.ctx, {
    actor: admin,
    orgId: s.orgId,
    input: {
      routing: [
        { name: "Kita", keywords: ["Kita"], departmentId: s.youth },
        { name: "Baustellen", keywords: ["Baustelle"], departmentId: s.roads },
      ],
      targets: [],
      settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14 },
    },
  });
  const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.id, s.orgId));
  // Each question from another citizen, so that each is a conversation of its own.
  const ask = async (text: string) => {
    const citizen = await startCitizen(t.app, org?.slug ?? "", `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
    await citizen.acceptNetiquette(netiquette.id);
    const response = await citizen.comment(entryId, { text });
    expect(response.statusCode, response.body).toBe(201);
    const commentId = (response.json() as { id: string }).id;
    const [message] = await t.ctx.db
      .select({ conversationId: inboundMessages.conversationId })
      .from(inboundMessages)
      .where(eq(inboundMessages.externalId, commentId));
    return { commentId, conversationId: message?.conversationId ?? "" };
  };
  return { ...s, ask };
}
