// Continuity of the inbox on the real database: escalation of overdue and repeated questions along the
// coverage plan (assignee, deputies, head of department; absences respected), the automatic
// acknowledgement outside office hours, Freigabe of replies on sensitive topics, idle-channel warnings.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalateConversations } from "../src/app/inbox/escalate-conversations.js";
import { remindDueSoon } from "../src/app/inbox/remind-due-soon.js";
import { warnIdleChannels } from "../src/app/inbox/warn-idle-channels.js";
import { defaultTextAnalyser } from "../src/app/analysis/defaultAnalyser.js";
import { sendQueuedReplies } from "../src/app/inbox/deliverReply.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import {
  auditChains,
  conversations,
  emailOutbox,
  sandboxDeliveries,
  userNotifications,
  websiteComments,
} from "../src/db/schema/index.js";
import { buildChannelAccount, buildDepartment, buildMember } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { type Citizen, buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-25T09:00:00Z"); // Wednesday, 10:00 in Berlin
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));
const noticesOf = (userId: string) =>
  t.ctx.db.select().from(userNotifications).where(eq(userNotifications.userId, userId));

interface Scene {
  orgId: string;
  orgSlug: string;
  entryId: string;
  accountId: string;
  departmentId: string;
  admin: SignedIn;
  citizen: Citizen;
  netiquetteId: string;
}

async function scene(settings: Record<string, unknown> = {}): Promise<Scene> {
  const s = await buildWebsiteScene(t.ctx);
  const departmentId = (await buildDepartment(t.ctx, s.org.id, { name: "Bürgerbüro" })).id;
  const member = await buildMember(t.ctx, s.org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  const rules = await admin.request("PUT", `/api/orgs/${s.org.id}/inbox/rules`, {
    routing: [{ name: "Alles ins Bürgerbüro", keywords: [], departmentId }],
    targets: [{ intent: "question", firstResponseMinutes: 30 }],
    settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14, ...settings },
  });
  expect(rules.statusCode, rules.body).toBe(200);
  const citizen = await startCitizen(t.app, s.org.slug, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  await citizen.acceptNetiquette(s.netiquette.id);
  return {
    orgId: s.org.id,
    orgSlug: s.org.slug,
    entryId: s.entryId,
    accountId: s.account.id,
    departmentId,
    admin,
    citizen,
    netiquetteId: s.netiquette.id,
  };
}

async function ask(s: Scene, text: string): Promise<string> {
  const response = await s.citizen.comment(s.entryId, { text });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

async function onlyConversation(s: Scene) {
  const rows = await t.ctx.db.select().from(conversations).where(eq(conversations.orgId, s.orgId));
  expect(rows).toHaveLength(1);
  return rows[0] as typeof conversations.$inferSelect;
}

describe("escalation", () => {
  it("reminds the assignee and the deputy on duty when a question is overdue, then the head of the department", async () => {
    const s = await scene();
    const [assignee, deputy, absentDeputy, head] = await Promise.all([
      buildMember(t.ctx, s.orgId, { roles: ["editor"] }),
      buildMember(t.ctx, s.orgId, { roles: ["editor"] }),
      buildMember(t.ctx, s.orgId, { roles: ["editor"] }),
      buildMember(t.ctx, s.orgId, { roles: ["department_head"], departmentIds: [s.departmentId] }),
    ]);
    const plan = await s.admin.request("PUT", `/api/orgs/${s.orgId}/inbox/coverage`, {
      plan: [
        { channelAccountId: s.accountId, userId: assignee.userId, role: "responsible" },
        {
          channelAccountId: s.accountId,
          userId: deputy.userId,
          role: "deputy",
          window: { days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" },
        },
        { channelAccountId: s.accountId, userId: absentDeputy.userId, role: "deputy" },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const away = await s.admin.request("POST", `/api/orgs/${s.orgId}/inbox/absences`, {
      userId: absentDeputy.userId,
      startsOn: "2026-11-23",
      endsOn: "2026-11-27",
    });
    expect(away.statusCode, away.body).toBe(201);
    await ask(s, "Wie lange dauert ein neuer Personalausweis?");
    const conversation = await onlyConversation(s);
    await s.admin.request("POST", `/api/orgs/${s.orgId}/inbox/assignments`, {
      conversationIds: [conversation.id],
      assigneeUserId: assignee.userId,
    });

    minutes(20); // due in 10 minutes: the assignee is reminded, once
    expect(await escalateConversations(t.ctx, { orgId: s.orgId })).toEqual({ escalated: 0 });
    expect(await remindDueSoon(t.ctx, { orgId: s.orgId })).toEqual({ reminded: 1 });
    expect(await remindDueSoon(t.ctx, { orgId: s.orgId })).toEqual({ reminded: 0 });
    expect((await noticesOf(assignee.userId)).map((n) => n.kind).sort()).toEqual(["assigned", "due_soon"]);
    expect(await noticesOf(deputy.userId)).toEqual([]);
    minutes(15); // 35 business minutes: overdue
    expect(await escalateConversations(t.ctx, { orgId: s.orgId })).toEqual({ escalated: 1 });
    expect(await onlyConversation(s)).toMatchObject({ escalationLevel: 1, priority: 3 });
    expect((await noticesOf(assignee.userId)).map((n) => n.kind).sort()).toEqual(["assigned", "due_soon", "reminder"]);
    expect((await noticesOf(deputy.userId)).map((n) => n.kind)).toEqual(["reminder"]);
    expect(await noticesOf(absentDeputy.userId)).toEqual([]);
    expect(await noticesOf(head.userId)).toEqual([]);
    await escalateConversations(t.ctx, { orgId: s.orgId });
    expect((await noticesOf(deputy.userId)).length).toBe(1);

    minutes(30); // overdue by the target's length again
    await escalateConversations(t.ctx, { orgId: s.orgId });
    expect(await onlyConversation(s)).toMatchObject({ escalationLevel: 2 });
    expect((await noticesOf(head.userId)).map((n) => n.kind)).toEqual(["escalation"]);
  });

  it("escalates a question asked again while the first is unanswered, and marks the conversation", async () => {
    const s = await scene();
    const accountable = await buildMember(t.ctx, s.orgId, { roles: ["editor"] });
    await s.admin.request("PUT", `/api/orgs/${s.orgId}/inbox/coverage`, {
      plan: [{ channelAccountId: s.accountId, userId: accountable.userId, role: "responsible" }],
    });
    await ask(s, "Wann wird die Ampel an der Schulstraße repariert?");
    minutes(3);
    await ask(s, "Wann wird denn die Ampel an der Schulstraße endlich repariert??");
    expect(await onlyConversation(s)).toMatchObject({ askedAgain: true, priority: 3 });
    await escalateConversations(t.ctx, { orgId: s.orgId });
    expect(await onlyConversation(s)).toMatchObject({ escalationLevel: 1 });
    expect((await noticesOf(accountable.userId)).map((n) => n.kind)).toEqual(["reminder"]);
    const listed = (
      await s.admin.request("GET", `/api/orgs/${s.orgId}/inbox/conversations?askedAgain=true`)
    ).json() as { conversations: unknown[] };
    expect(listed.conversations).toHaveLength(1);
  });

  it("escalates the other organisations' conversations where one organisation's audit chain is damaged", async () => {
    const [damaged, healthy] = [await scene(), await scene()];
    for (const s of [damaged, healthy]) {
      await ask(s, "Wann wird die Ampel an der Schulstraße repariert?");
      minutes(3);
      await ask(s, "Wann wird denn die Ampel an der Schulstraße endlich repariert??");
    }
    await t.ctx.db
      .update(auditChains)
      .set({ headMac: "ab".repeat(32) })
      .where(eq(auditChains.chainId, damaged.orgId));
    await escalateConversations(t.ctx);
    expect(await onlyConversation(healthy)).toMatchObject({ escalationLevel: 1 });
    expect(await onlyConversation(damaged)).toMatchObject({ escalationLevel: 0 });
  });

  it("does not treat a different question of the same citizen as asked again", async () => {
    const s = await scene();
    await ask(s, "Wann hat die Bibliothek geöffnet?");
    minutes(3);
    await ask(s, "Gibt es in der Stadthalle noch Karten für das Konzert?");
    expect(await onlyConversation(s)).toMatchObject({ askedAgain: false, priority: 1 });
  });
});

describe("automatic acknowledgement", () => {
  it("acknowledges a question outside office hours with the due time, once, without counting it as an answer", async () => {
    const saved = now;
    now = new Date("2026-11-25T19:30:00Z"); // Wednesday 20:30 in Berlin: the office is closed.
    try {
      const s = await scene({ autoAcknowledge: true });
      await ask(s, "Kann ich morgen ohne Termin ins Bürgerbüro kommen?");
      minutes(5);
      await ask(s, "Und muss ich ein Passbild mitbringen?");
      const conversation = await onlyConversation(s);
      // Due 30 business minutes after Thursday 8:00 → 8:30 Berlin = 7:30 UTC.
      expect(conversation).toMatchObject({
        status: "new",
        firstResponseAt: null,
        responseDueAt: new Date("2026-11-26T07:30:00Z"),
      });
      const staff = await t.ctx.db
        .select()
        .from(websiteComments)
        .where(and(eq(websiteComments.entryId, s.entryId), eq(websiteComments.authorKind, "staff")));
      expect(staff).toHaveLength(1);
      expect(staff[0]?.text).toContain("Donnerstag, 26. November um 08:30 Uhr");
    } finally {
      now = saved;
    }
  });

  it("shows the acknowledgement only to the author's session, never to other readers or in the feed's count", async () => {
    const saved = now;
    now = new Date("2026-11-25T19:30:00Z"); // Wednesday 20:30 in Berlin: the office is closed.
    try {
      const s = await scene({ autoAcknowledge: true });
      const question = await ask(s, "Kann ich morgen ohne Termin ins Bürgerbüro kommen?");
      type Thread = {
        comments: { id: string; replies: { authorKind: string; acknowledgement: boolean; text: string }[] }[];
      };
      const repliesSeenBy = async (headers: Record<string, string>) => {
        const response = await t.app.inject({
          method: "GET",
          url: `/api/public/orgs/${s.orgSlug}/posts/${s.entryId}`,
          headers,
        });
        return (response.json() as Thread).comments.find((c) => c.id === question)?.replies ?? [];
      };
      const own = await repliesSeenBy({ "x-draht-session": s.citizen.token });
      expect(own).toEqual([
        expect.objectContaining({ authorKind: "staff", acknowledgement: true, text: expect.stringContaining("bis") }),
      ]);
      const other = await startCitizen(t.app, s.orgSlug, "198.51.100.9");
      expect(await repliesSeenBy({ "x-draht-session": other.token })).toEqual([]);
      expect(await repliesSeenBy({})).toEqual([]);
      const page = await t.app.inject({ method: "GET", url: `/p/${s.orgSlug}/beitrag/${s.entryId}` });
      expect(page.body).not.toContain("Wir haben Ihre Nachricht erhalten");
      expect(page.body).not.toContain("Eingangsbestätigung");
      const feed = (await t.app.inject({ method: "GET", url: `/api/public/orgs/${s.orgSlug}/feed` })).json() as {
        entries: { id: string; comments: number }[];
      };
      expect(feed.entries.find((e) => e.id === s.entryId)?.comments).toBe(1);
      // Staff still see it in the inbox, as what it is.
      const conversation = await onlyConversation(s);
      const detail = (
        await s.admin.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${conversation.id}`)
      ).json() as { replies: { automatic: boolean; status: string }[] };
      expect(detail.replies).toEqual([expect.objectContaining({ automatic: true, status: "sent" })]);
      // And it is no answer in the moderation list.
      const listed = (await s.admin.request("GET", `/api/orgs/${s.orgId}/website/comments`)).json() as {
        comments: { id: string; answered: boolean }[];
      };
      expect(listed.comments).toEqual([expect.objectContaining({ id: question, answered: false })]);
    } finally {
      now = saved;
    }
  });

  it("e-mails the acknowledgement to the author once the address is confirmed", async () => {
    const saved = now;
    now = new Date("2026-11-25T19:30:00Z");
    try {
      const s = await scene({ autoAcknowledge: true });
      const address = `buerger-${Date.now()}@example.org`;
      const posted = await s.citizen.comment(s.entryId, {
        text: "Hat die Bücherei am Samstag geöffnet?",
        email: address,
      });
      expect(posted.statusCode, posted.body).toBe(201);
      const commentId = (posted.json() as { id: string }).id;
      const mails = () => t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
      expect((await mails()).map((m) => m.purpose)).toEqual(["confirm_address"]);
      const token = (await mails())[0]?.body.match(/token=([\w-]+)/)?.[1] ?? "";
      const confirmed = await s.citizen.call("POST", `/comments/${commentId}/confirm-email`, { token });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const sent = await mails();
      expect(sent.map((m) => m.purpose)).toEqual(["confirm_address", "acknowledgement"]);
      expect(sent[1]?.body).toContain("Donnerstag, 26. November um 08:30 Uhr");
      expect(sent[1]?.body).toContain(`/beitrag/${s.entryId}`);
    } finally {
      now = saved;
    }
  });

  it("sends acknowledgements to networks only where the organisation switches it on", async () => {
    const saved = now;
    now = new Date("2026-11-25T19:30:00Z");
    try {
      const connectors = createConnectorRegistry({ db: t.ctx.db, clock: () => now, publicUrl: t.ctx.publicUrl });
      const deliveredTo = async (settings: Record<string, unknown>) => {
        const s = await scene({ autoAcknowledge: true, ...settings });
        const account = await buildChannelAccount(t.ctx, s.orgId, { network: "sandbox", name: "Mastodon (Sandbox)" });
        await t.ctx.db.transaction((tx) =>
          ingestMessages(tx, {
            orgId: s.orgId,
            analyser: defaultTextAnalyser(),
            now,
            publicUrl: t.ctx.publicUrl,
            messages: [
              {
                channelAccountId: account.id,
                externalId: `dm-${account.id}`,
                kind: "direct",
                authorHandle: "@anna",
                authorName: "Anna",
                text: "Hat das Bürgerbüro morgen offen?",
                language: "de",
                threadExternalId: null,
                inReplyToExternalId: null,
                visibility: "visible",
                receivedAt: now,
                raw: {},
              },
            ],
          }),
        );
        await sendQueuedReplies(t.ctx, { connectors });
        return t.ctx.db.select().from(sandboxDeliveries).where(eq(sandboxDeliveries.channelAccountId, account.id));
      };
      expect(await deliveredTo({})).toEqual([]);
      expect(await deliveredTo({ acknowledgeOnNetworks: false })).toEqual([]);
      const sent = await deliveredTo({ acknowledgeOnNetworks: true });
      expect(sent.map((d) => d.text)).toEqual([expect.stringContaining("wir haben Ihre Nachricht erhalten")]);
    } finally {
      now = saved;
    }
  });

  it("sends none during office hours", async () => {
    const s = await scene({ autoAcknowledge: true });
    await ask(s, "Kann ich heute noch vorbeikommen?");
    const staff = await t.ctx.db
      .select()
      .from(websiteComments)
      .where(and(eq(websiteComments.entryId, s.entryId), eq(websiteComments.authorKind, "staff")));
    expect(staff).toEqual([]);
  });
});

describe("Freigabe of replies", () => {
  it("holds a reply on a sensitive topic until someone else approves it, and never lets the author approve", async () => {
    const s = await scene({ replyApproval: "keywords", replyApprovalKeywords: ["Wahl"] });
    await ask(s, "Wo ist mein Wahllokal für die Wahl am Sonntag?");
    const conversation = await onlyConversation(s);
    const sent = await s.admin.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${conversation.id}/replies`, {
      text: "Das steht auf Ihrer Wahlbenachrichtigung.",
    });
    expect(sent.json()).toMatchObject({ status: "in_review" });
    const replyId = sent.json<{ id: string }>().id;
    const page = () => t.app.inject({ method: "GET", url: `/p/${s.orgSlug}/beitrag/${s.entryId}` });
    expect((await page()).body).not.toContain("Wahlbenachrichtigung");
    const own = await s.admin.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${conversation.id}/replies/${replyId}/decision`,
      { decision: "approved" },
    );
    expect(own.statusCode).toBe(403);
    const approverMember = await buildMember(t.ctx, s.orgId, { roles: ["press_office"] });
    const approver = await signIn(t.app, approverMember.email, approverMember.password);
    const approved = await approver.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${conversation.id}/replies/${replyId}/decision`,
      { decision: "approved" },
    );
    expect(approved.json()).toMatchObject({ status: "sent" });
    expect((await page()).body).toContain("Wahlbenachrichtigung");
    expect(await onlyConversation(s)).toMatchObject({ status: "answered" });
  });

  it("sends replies on other topics at once", async () => {
    const s = await scene({ replyApproval: "keywords", replyApprovalKeywords: ["Wahl"] });
    await ask(s, "Wann ist die Bücherei offen?");
    const conversation = await onlyConversation(s);
    const sent = await s.admin.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${conversation.id}/replies`, {
      text: "Dienstags bis samstags ab 10 Uhr.",
    });
    expect(sent.json()).toMatchObject({ status: "sent" });
  });
});

describe("idle channels", () => {
  it("warns the accountable person once when a channel has had no post for the idle period", async () => {
    const s = await scene({ idleWarningDays: 3 });
    const responsible = await buildMember(t.ctx, s.orgId, { roles: ["editor"] });
    await s.admin.request("PUT", `/api/orgs/${s.orgId}/inbox/coverage`, {
      plan: [{ channelAccountId: s.accountId, userId: responsible.userId, role: "responsible" }],
    });
    await warnIdleChannels(t.ctx, { orgId: s.orgId });
    expect(await noticesOf(responsible.userId)).toEqual([]);
    const saved = now;
    now = new Date(now.getTime() + 4 * 24 * 3_600_000);
    try {
      await warnIdleChannels(t.ctx, { orgId: s.orgId });
      await warnIdleChannels(t.ctx, { orgId: s.orgId });
      expect(await noticesOf(responsible.userId)).toMatchObject([
        { kind: "idle_channel", channelAccountId: s.accountId },
      ]);
      const workload = (
        await (
          await signIn(t.app, responsible.email, responsible.password)
        ).request("GET", `/api/orgs/${s.orgId}/inbox/workload`)
      ).json() as {
        channels: { channelAccountId: string; idle: string | null }[];
      };
      expect(workload.channels.find((c) => c.channelAccountId === s.accountId)?.idle).toBe("posts");
    } finally {
      now = saved;
    }
  });
});
