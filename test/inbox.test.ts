// The inbox end to end on the real database: routing to departments, response-time targets in business
// hours, the urgency order, filters, bulk assignment and closing, replies with templates through the
// channel, guideline checks on replies, notes with mentions, and live events.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import {
  auditEvents,
  conversations,
  inboundMessages,
  sandboxDeliveries,
  userNotifications,
} from "../src/db/schema/index.js";
import { defaultTextAnalyser } from "../src/app/analysis/defaultAnalyser.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildGuideline,
  buildMember,
  uniqueSuffix,
} from "./support/factories.js";
import { openEventStream } from "./support/eventStream.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { type Citizen, buildWebsiteScene, startCitizen } from "./support/website.js";

// Wednesday 25 November 2026, 10:00 in Berlin: inside the default office hours (Mo–Do 8–16).
let now = new Date("2026-11-25T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

interface Scene {
  orgId: string;
  orgSlug: string;
  entryId: string;
  accountId: string;
  kita: string;
  waste: string;
  press: SignedIn & { userId: string };
  citizen: Citizen;
}

async function scene(): Promise<Scene> {
  const s = await buildWebsiteScene(t.ctx);
  const kita = (await buildDepartment(t.ctx, s.org.id, { name: "Jugendamt" })).id;
  const waste = (await buildDepartment(t.ctx, s.org.id, { name: "Abfallwirtschaft" })).id;
  const member = await buildMember(t.ctx, s.org.id, { roles: ["administrator"] });
  const press = Object.assign(await signIn(t.app, member.email, member.password), { userId: member.userId });
  const rules = await press.request("PUT", `/api/orgs/${s.org.id}/inbox/rules`, {
    routing: [
      { name: "Kita", keywords: ["Kita", "Kindergarten"], departmentId: kita },
      { name: "Müll", keywords: ["Müll", "Sperrmüll", "Tonne"], departmentId: waste },
    ],
    targets: [
      { intent: "question", firstResponseMinutes: 60, resolutionMinutes: 480 },
      { intent: null, firstResponseMinutes: 240 },
    ],
    settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14 },
  });
  expect(rules.statusCode, rules.body).toBe(200);
  const citizen = await startCitizen(t.app, s.org.slug, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  await citizen.acceptNetiquette(s.netiquette.id);
  return {
    orgId: s.org.id,
    orgSlug: s.org.slug,
    entryId: s.entryId,
    accountId: s.account.id,
    kita,
    waste,
    press,
    citizen,
  };
}

async function ask(s: Scene, text: string, citizen = s.citizen): Promise<string> {
  const response = await citizen.comment(s.entryId, { text });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

type Listed = {
  id: string;
  intent: string;
  departmentId: string | null;
  overdue: boolean;
  priority: number;
  responseDueAt: string | null;
  status: string;
  preview: string;
};
async function list(s: Scene, query = ""): Promise<Listed[]> {
  const response = await s.press.request("GET", `/api/orgs/${s.orgId}/inbox/conversations${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { conversations: Listed[] }).conversations;
}

describe("the inbox", () => {
  it("routes a question by its keywords to the department and sets its due time in business hours", async () => {
    const s = await scene();
    await ask(s, "Wann gibt es wieder freie Kita-Plätze?");
    const [conversation] = await list(s);
    expect(conversation).toMatchObject({ intent: "question", departmentId: s.kita, overdue: false, priority: 1 });
    // 10:00 Berlin + 60 business minutes = 11:00 Berlin.
    expect(conversation?.responseDueAt).toBe("2026-11-25T10:00:00.000Z");
  });

  it("counts the target across the night and the weekend, not in calendar hours", async () => {
    const saved = now;
    now = new Date("2026-11-27T10:30:00Z"); // Friday 11:30 in Berlin: the office closes at 12:00.
    try {
      const s = await scene();
      await ask(s, "Holt die Müllabfuhr am Samstag die Tonne ab?");
      const [conversation] = await list(s);
      expect(conversation?.departmentId).toBe(s.waste);
      // 30 minutes on Friday, the remaining 30 on Monday from 8:00 → Monday 8:30 Berlin = 7:30 UTC.
      expect(conversation?.responseDueAt).toBe("2026-11-30T07:30:00.000Z");
    } finally {
      now = saved;
    }
  });

  it("skips the organisation's closing days, public holidays and the change to summer time", async () => {
    const saved = now;
    try {
      now = new Date("2026-12-23T14:30:00Z"); // Wednesday 23 December, 15:30 in Berlin
      const s = await scene();
      const schedule = await s.press.request("PUT", `/api/orgs/${s.orgId}/office-schedule`, {
        officeHours: [
          { days: [1, 2, 3, 4], from: "08:00", to: "16:00" },
          { days: [5], from: "08:00", to: "12:00" },
        ],
        closingDays: ["2026-12-24", "2026-12-31"],
      });
      expect(schedule.statusCode, schedule.body).toBe(200);
      await ask(s, "Wann hat das Standesamt zwischen den Jahren geöffnet?");
      // 30 minutes on Wednesday; 24th closed, 25th and 26th holidays, then the weekend: Monday 28th, 8:30.
      expect((await list(s))[0]?.responseDueAt).toBe("2026-12-28T07:30:00.000Z");

      now = new Date("2026-03-27T10:30:00Z"); // Friday 27 March 2026, 11:30 in Berlin (CET)
      const spring = await scene();
      await ask(spring, "Wann kann ich mein Auto ummelden?");
      // 30 minutes on Friday; summer time starts on Sunday: Monday 8:30 CEST is 6:30 UTC.
      expect((await list(spring))[0]?.responseDueAt).toBe("2026-03-30T06:30:00.000Z");

      now = new Date("2027-03-25T14:30:00Z"); // Thursday before Easter 2027, 15:30 in Berlin
      const easter = await scene();
      await ask(easter, "Ist das Bürgerbüro über Ostern geöffnet?");
      // 30 minutes on Thursday; Good Friday, the weekend and Easter Monday are holidays: Tuesday 8:30 CEST.
      expect((await list(easter))[0]?.responseDueAt).toBe("2027-03-30T06:30:00.000Z");
    } finally {
      now = saved;
    }
  });

  it("puts an overdue question above everything else, and the overdue filter finds it", async () => {
    const s = await scene();
    const citizen2 = await startCitizen(t.app, s.orgSlug, "198.51.100.240");
    await citizen2.acceptNetiquette(
      (await t.app.inject({ method: "GET", url: `/api/public/orgs/${s.orgSlug}/netiquette` })).json<{ id: string }>()
        .id,
    );
    await ask(s, "Die Straßenlaterne vor meinem Haus ist seit Wochen kaputt.");
    minutes(5);
    await ask(s, "Wo kann ich Sperrmüll anmelden?", citizen2);
    let rows = await list(s);
    expect(rows.map((r) => r.intent)).toEqual(["question", "complaint"]);
    minutes(70);
    rows = await list(s);
    expect(rows[0]).toMatchObject({ intent: "question", overdue: true });
    const overdue = await list(s, "?overdue=true");
    expect(overdue.map((r) => r.intent)).toEqual(["question"]);
    expect((await list(s, "?intent=complaint")).length).toBe(1);
    expect((await list(s, `?departmentId=${s.waste}`)).map((r) => r.intent)).toEqual(["question"]);
    expect((await list(s, "?sentiment=negative")).map((r) => r.intent)).toEqual(["complaint"]);
  });

  it("assigns and closes several conversations at once, and notifies the new assignee", async () => {
    const s = await scene();
    const other = await startCitizen(t.app, s.orgSlug, "198.51.100.241");
    await other.acceptNetiquette(
      (await t.app.inject({ method: "GET", url: `/api/public/orgs/${s.orgSlug}/netiquette` })).json<{ id: string }>()
        .id,
    );
    await ask(s, "Gibt es einen Kindergarten mit Nachmittagsbetreuung?");
    await ask(s, "Wann öffnet die Kita am Markt?", other);
    const ids = (await list(s)).map((r) => r.id);
    const colleague = await buildMember(t.ctx, s.orgId, { roles: ["editor"] });
    const assigned = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/assignments`, {
      conversationIds: ids,
      assigneeUserId: colleague.userId,
    });
    expect(assigned.json()).toEqual({ changed: 2 });
    const mine = await (
      await signIn(t.app, colleague.email, colleague.password)
    ).request("GET", `/api/orgs/${s.orgId}/inbox/notifications`);
    expect((mine.json() as { notifications: { kind: string }[] }).notifications.map((n) => n.kind)).toEqual([
      "assigned",
      "assigned",
    ]);
    const workload = (await s.press.request("GET", `/api/orgs/${s.orgId}/inbox/workload`)).json() as {
      people: { userId: string | null; active: number; questions: number }[];
    };
    expect(workload.people.find((p) => p.userId === colleague.userId)).toMatchObject({ active: 2, questions: 2 });
    const closed = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/status`, {
      conversationIds: ids,
      event: "closed",
    });
    expect(closed.json()).toEqual({ changed: 2 });
    expect(await list(s)).toEqual([]);
    expect((await list(s, "?status=closed")).length).toBe(2);
  });

  it("answers with a filled template on the website; the answer is on the public page and the conversation records who answered", async () => {
    const s = await scene();
    await ask(s, "Wann ist der Wertstoffhof samstags geöffnet?");
    const [row] = await list(s);
    const template = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/templates`, {
      title: "Öffnungszeiten Wertstoffhof",
      body: "Guten Tag {{name}}, der Wertstoffhof ist samstags von 9 bis 13 Uhr geöffnet. Freundliche Grüße, {{bearbeiter}} ({{organisation}})",
    });
    expect(template.statusCode, template.body).toBe(201);
    // The knowledge base is read by everyone in the organisation, also those who answer nobody (analysts).
    const analyst = await buildMember(t.ctx, s.orgId, { roles: ["analyst"] });
    const reading = await (
      await signIn(t.app, analyst.email, analyst.password)
    ).request("GET", `/api/orgs/${s.orgId}/inbox/templates`);
    expect(reading.statusCode, reading.body).toBe(200);
    expect(reading.json().templates.map((x: { title: string }) => x.title)).toContain("Öffnungszeiten Wertstoffhof");
    const filled = (
      await s.press.request(
        "GET",
        `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/templates/${template.json<{ id: string }>().id}`,
      )
    ).json() as { text: string };
    expect(filled.text).toMatch(/^Guten Tag Bürgerin, der Wertstoffhof .* Freundliche Grüße, Person .* \(Stadt .*\)$/);
    minutes(30);
    const sent = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/replies`, {
      text: filled.text,
      templateId: template.json<{ id: string }>().id,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: "sent" });
    const detail = (await s.press.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}`)).json() as {
      conversation: { status: string; firstResponseBusinessMs: number; responseDueAt: string | null };
      replies: { status: string; authorName: string }[];
    };
    expect(detail.conversation).toMatchObject({
      status: "answered",
      firstResponseBusinessMs: 30 * 60_000,
      responseDueAt: null,
    });
    expect(detail.replies).toMatchObject([{ status: "sent" }]);
    const [stored] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, row?.id ?? ""));
    expect(stored?.firstResponderUserId).toBe(s.press.userId);
    const page = await t.app.inject({ method: "GET", url: `/p/${s.orgSlug}/beitrag/${s.entryId}` });
    expect(page.body).toContain("der Wertstoffhof ist samstags von 9 bis 13 Uhr geöffnet");
  });

  it("gives an unassigned conversation to the person who answers it, and leaves a colleague's with the colleague", async () => {
    const s = await scene();
    const other = await startCitizen(t.app, s.orgSlug, "198.51.100.242");
    await other.acceptNetiquette(
      (await t.app.inject({ method: "GET", url: `/api/public/orgs/${s.orgSlug}/netiquette` })).json<{ id: string }>()
        .id,
    );
    await ask(s, "Wo kann ich einen Anwohnerparkausweis beantragen?");
    await ask(s, "Wann wird die Straßenlaterne repariert?", other);
    const rows = await list(s);
    const mine = rows.find((r) => r.preview.includes("Anwohnerparkausweis"))?.id ?? "";
    const theirs = rows.find((r) => r.preview.includes("Straßenlaterne"))?.id ?? "";
    const colleague = await buildMember(t.ctx, s.orgId, { roles: ["editor"] });
    await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/assignments`, {
      conversationIds: [theirs],
      assigneeUserId: colleague.userId,
    });

    for (const id of [mine, theirs]) {
      const sent = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${id}/replies`, {
        text: "Guten Tag, wir kümmern uns darum. Freundliche Grüße",
      });
      expect(sent.statusCode, sent.body).toBe(201);
    }
    const assignee = async (id: string) =>
      (await t.ctx.db.select().from(conversations).where(eq(conversations.id, id)))[0]?.assigneeUserId;
    expect(await assignee(mine)).toBe(s.press.userId);
    expect(await assignee(theirs)).toBe(colleague.userId);
    const trail = await t.ctx.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, mine), eq(auditEvents.action, "conversation.assigned")));
    expect(trail).toEqual([
      { action: "conversation.assigned", data: { assigneeUserId: s.press.userId, byReply: true } },
    ]);
  });

  it("refuses a template with an unknown placeholder, and a reply that breaks the guideline", async () => {
    const s = await scene();
    const bad = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/templates`, {
      title: "Falsch",
      body: "Hallo {{vorname}}",
    });
    expect(bad.statusCode).toBe(400);
    await buildGuideline(t.ctx, s.orgId, { addressForm: { required: "formal", severity: "blocker" } });
    await ask(s, "Kann ich meinen Ausweis online verlängern?");
    const [row] = await list(s);
    const refused = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/replies`, {
      text: "Klar, kannst du online machen!",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: "DRAHT_ERR_GUIDELINE_VIOLATION" } });
    expect((await list(s))[0]?.status).toBe("new");
  });

  it("sends a reply on another network through its connector", async () => {
    const s = await scene();
    const account = await buildChannelAccount(t.ctx, s.orgId, {
      network: "sandbox",
      name: `Sandbox ${uniqueSuffix()}`,
    });
    await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: s.orgId,
        analyser: defaultTextAnalyser(),
        now,
        publicUrl: t.ctx.publicUrl,
        messages: [
          {
            channelAccountId: account.id,
            externalId: "dm-1",
            kind: "direct",
            authorHandle: "@anna",
            authorName: "Anna",
            text: "Hat das Bürgerbüro heute offen?",
            language: "de",
            threadExternalId: null,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt: now,
            raw: { id: "dm-1" },
          },
        ],
      }),
    );
    const [row] = await list(s, `?channelAccountId=${account.id}`);
    const sent = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/replies`, {
      text: "Ja, bis 16 Uhr.",
    });
    expect(sent.json()).toMatchObject({ status: "sent" });
    const deliveries = await t.ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, account.id));
    expect(deliveries.map((d) => d.text)).toEqual(["Ja, bis 16 Uhr."]);
  });

  it("keeps internal notes off the channel and notifies the colleagues mentioned", async () => {
    const s = await scene();
    await ask(s, "Warum wird die Brücke gesperrt?");
    const [row] = await list(s);
    const planner = await buildMember(t.ctx, s.orgId, { roles: ["department_contributor"] });
    const note = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/notes`, {
      text: "@Tiefbau bitte Termin nennen",
      mentionedUserIds: [planner.userId],
    });
    expect(note.statusCode, note.body).toBe(201);
    const notified = await t.ctx.db
      .select()
      .from(userNotifications)
      .where(eq(userNotifications.userId, planner.userId));
    expect(notified).toMatchObject([{ kind: "mention", conversationId: row?.id }]);
    const page = await t.app.inject({ method: "GET", url: `/p/${s.orgSlug}/beitrag/${s.entryId}` });
    expect(page.body).not.toContain("Termin nennen");
    const stranger = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${row?.id}/notes`, {
      text: "x",
      mentionedUserIds: [crypto.randomUUID()],
    });
    expect(stranger.statusCode).toBe(400);
  });

  it("announces live only what a department-limited person may see: another department's conversations and who works on them stay unknown", async () => {
    const s = await scene();
    const member = await buildMember(t.ctx, s.orgId, { roles: ["editor"], departmentIds: [s.kita] });
    const kita = await signIn(t.app, member.email, member.password);
    const stream = await openEventStream(t.app, kita, `/api/orgs/${s.orgId}/inbox/events`);
    try {
      await stream.until("event: ready");
      await ask(s, "Wann wird der Sperrmüll abgeholt?");
      const [waste] = await list(s);
      expect(waste?.departmentId).toBe(s.waste);
      const looking = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/conversations/${waste?.id}/presence`, {
        state: "viewing",
      });
      expect(looking.statusCode, looking.body).toBe(200);
      // Events reach a stream in the order they happened: once the Kita question has arrived, the others
      // were not sent to this person.
      const parent = await startCitizen(t.app, s.orgSlug, "198.51.100.242");
      await parent.acceptNetiquette(
        (await t.app.inject({ method: "GET", url: `/api/public/orgs/${s.orgSlug}/netiquette` })).json<{ id: string }>()
          .id,
      );
      await ask(s, "Wann gibt es wieder freie Kita-Plätze?", parent);
      const kitaQuestion = (await list(s)).find((c) => c.departmentId === s.kita);
      const received = await stream.until(`${kitaQuestion?.id}`);
      expect(received).not.toContain(`${waste?.id}`);
      expect(received).not.toContain("event: presence");
    } finally {
      stream.close();
    }
  });

  it("announces new messages to open inboxes live", async () => {
    const s = await scene();
    const stream = await openEventStream(t.app, s.press, `/api/orgs/${s.orgId}/inbox/events`);
    try {
      // Subscribed once the stream says it is ready: what happens after that must reach it.
      await stream.until("event: ready");
      await ask(s, "Ist das Rathaus morgen geöffnet?");
      const [row] = await list(s);
      await stream.until(`${row?.id}`);
      expect(stream.text()).toContain("event: conversations");
    } finally {
      stream.close();
    }
  });

  it("threads a large batch: 600 messages of 300 citizens into 300 conversations", async () => {
    const s = await scene();
    const account = await buildChannelAccount(t.ctx, s.orgId, {
      network: "sandbox",
      name: `Sandbox ${uniqueSuffix()}`,
    });
    const messages = Array.from({ length: 600 }, (_, i) => ({
      channelAccountId: account.id,
      externalId: `bulk-${i}`,
      kind: "reply" as const,
      authorHandle: `@person${i % 300}`,
      authorName: `Person ${i % 300}`,
      // Person k writes a question first (routed by it) and thanks afterwards.
      text: i < 300 ? "Wann kommt die Müllabfuhr?" : "Danke!",
      language: "de",
      threadExternalId: "post-1",
      inReplyToExternalId: null,
      visibility: "visible" as const,
      receivedAt: new Date(now.getTime() + i),
      raw: {},
    }));
    const outcomes = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: s.orgId,
        analyser: defaultTextAnalyser(),
        now,
        messages,
        publicUrl: t.ctx.publicUrl,
      }),
    );
    expect(outcomes.filter((o) => o.status === "stored")).toHaveLength(600);
    const threaded = await t.ctx.db.select().from(conversations).where(eq(conversations.channelAccountId, account.id));
    expect(threaded).toHaveLength(300);
    expect(threaded.every((c) => c.departmentId === s.waste && c.intent === "question")).toBe(true);
  });

  it("stores a message once, whether repeated in one batch or delivered again later", async () => {
    const s = await scene();
    const account = await buildChannelAccount(t.ctx, s.orgId, {
      network: "sandbox",
      name: `Sandbox ${uniqueSuffix()}`,
    });
    const message = (id: string) => ({
      channelAccountId: account.id,
      externalId: id,
      kind: "mention" as const,
      authorHandle: "@ben",
      authorName: "Ben",
      text: "Danke für die Info!",
      language: "de",
      threadExternalId: "post-1",
      inReplyToExternalId: null,
      visibility: "visible" as const,
      receivedAt: now,
      raw: {},
    });
    const ingest = (messages: unknown[]) =>
      t.ctx.db.transaction((tx) =>
        ingestMessages(tx, {
          orgId: s.orgId,
          analyser: defaultTextAnalyser(),
          now,
          messages,
          publicUrl: t.ctx.publicUrl,
        }),
      );
    const first = await ingest([message("m-1"), message("m-1"), { ...message("m-2"), receivedAt: "yesterday" }]);
    expect(first.map((o) => o.status)).toEqual(["stored", "duplicate", "rejected"]);
    const again = await ingest([message("m-1")]);
    expect(again.map((o) => o.status)).toEqual(["duplicate"]);
    // NUL characters cannot be stored and are dropped; a typed "\u0000" is text like any other.
    const odd = await ingest([{ ...message("m-4"), text: "Hallo\u0000 Welt \\u0000 ok", raw: { note: "a\u0000b" } }]);
    expect(odd[0]?.status).toBe("stored");
    const [stored] = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(and(eq(inboundMessages.channelAccountId, account.id), eq(inboundMessages.externalId, "m-4")));
    expect(stored).toMatchObject({ text: "Hallo Welt \\u0000 ok", raw: { note: "ab" } });
    const foreign = await ingest([{ ...message("m-3"), channelAccountId: crypto.randomUUID() }]);
    expect(foreign[0]).toMatchObject({ status: "rejected", reason: expect.stringContaining("not a channel account") });
    expect((await list(s, `?channelAccountId=${account.id}&status=all`)).length).toBe(1);
    expect(
      (await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, account.id))).length,
    ).toBe(2);
  });
});
