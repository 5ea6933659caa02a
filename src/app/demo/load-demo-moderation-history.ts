// A year of Musterstadt's moderation, so the moderation report shows something real: insults, spam and a few
// threats among the citizens' messages (more in the week the Hauptstraße was closed), through the real
// ingestion and pipeline (cases, held and hidden messages, threats with their evidence); decided by the
// moderator a little later, some objected to (Einspruch) and decided again; a few evidence packages on
// request; shitstorm alerts, each acknowledged. The decisions are written in a few statements (a year of
// decisions through the decision path would take seconds and carry out actions on the network); the rollup
// triggers count the visibility they set like any decision's. Seeded: the same history on every start.
import { and, desc, eq, inArray, isNotNull, like, lt, sql } from "drizzle-orm";
import {
  channelAccounts,
  inboundMessages,
  moderationAlerts,
  moderationCases,
  organisations,
  posts,
  publications,
} from "../../db/schema/index.js";
import { userNotifications } from "../../db/schema/index.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import { addBusinessTime, calendarOf } from "../../domain/slaClock.js";
import { epochOfWallClock, localDate } from "../../domain/zonedTime.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { AppContext } from "../context.js";
import { ingestMessages } from "../inbox/ingest-messages.js";
import { secureEvidence } from "../moderation/secureEvidence.js";
import { netiquetteInForce } from "../website/publicOrg.js";
import { STORM_POST } from "./demoHistoryPostTexts.js";
import { DEMO_STORM } from "./demoHistoryTopics.js";

const HISTORY_DAYS = 365;
const QUIET_DAYS = 3;
const INSULTS = [
  "Ihr seid alle unfähige Idioten und Versager im Rathaus.",
  "Was für eine Verwaltung voller Trottel, ihr Nichtsnutze.",
  "Der Bürgermeister ist ein unfähiger Vollidiot.",
  "Ihr Versager im Tiefbauamt kriegt nichts hin, ihr Idioten.",
];
const STORM_INSULTS = [
  "Die Sperrung der Hauptstraße ist eine Frechheit, ihr Idioten im Rathaus.",
  "Nur Vollidioten sperren die Hauptstraße ohne Ankündigung.",
];
const SPAM = ["Kaufen Sie jetzt günstige Kredite ohne Schufa unter www.kredit-sofort.example, klicken Sie hier!"];
const THREATS = ["Den Bürgermeister sollte man aufhängen.", "Wer die Hauptstraße sperrt, den sollte man abstechen."];
/** Clauses of the default Netiquette (domain/website/netiquette.ts). */
const CLAUSE = { respect: 1, insults: 3, threats: 4, spam: 5 };

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  at: Date;
  text: string;
  kind: "insult" | "spam" | "threat";
}

interface Step {
  caseId: string;
  kind: "decision" | "appeal";
  action: string | null;
  clause: number | null;
  at: Date;
  reason: string;
}

export async function loadDemoModerationHistory(
  ctx: AppContext,
  options: { orgId: string; moderatorUserId: string; moderatorLabel: string },
): Promise<{ cases: number }> {
  const random = seeded(20261207);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, options.orgId));
  const netiquette = await netiquetteInForce(ctx.db, options.orgId);
  const accounts = await ctx.db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, options.orgId), like(channelAccounts.name, "% (Sandbox)")));
  if (!org || !netiquette || accounts.length === 0) return { cases: 0 };
  const calendar = calendarOf(org);
  const now = ctx.clock();
  const today = localDate(now, org.timeZone);
  const planned: Planned[] = [];
  for (let ago = HISTORY_DAYS; ago >= QUIET_DAYS; ago--) {
    const day = addDays(today, -ago);
    const at = () =>
      new Date(epochOfWallClock(day, `${String(7 + Math.floor(random() * 14)).padStart(2, "0")}:15`, org.timeZone));
    const storm = ago <= DEMO_STORM.daysAgo && ago > DEMO_STORM.daysAgo - DEMO_STORM.days;
    if (storm) for (let i = 0; i < 8; i++) planned.push({ at: at(), text: pick(STORM_INSULTS), kind: "insult" });
    // About five a week, more on some days.
    for (const chance of [0.5, 0.2, 0.05])
      if (random() < chance) planned.push({ at: at(), text: pick(INSULTS), kind: "insult" });
    if (random() < 0.08) planned.push({ at: at(), text: pick(SPAM), kind: "spam" });
    if (ago % 47 === 0 || (storm && ago === DEMO_STORM.daysAgo))
      planned.push({ at: at(), text: pick(THREATS), kind: "threat" });
  }
  // One batch for the insults and spam (their cases' opening set to the message's time afterwards); each threat
  // on its own at its time, so its evidence and notification carry the day it happened.
  let n = 0;
  const ingest = (items: Planned[], at: Date) =>
    ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: options.orgId,
        analyser: ctx.analyser,
        now: at,
        publicUrl: ctx.publicUrl,
        messages: items.map((p) => ({
          channelAccountId: pick(accounts).id,
          externalId: `moderation-history-${n++}`,
          kind: "comment",
          authorHandle: `@moderation${n}@sandbox.example`,
          authorName: `Person ${n}`,
          text: p.text,
          language: "de",
          threadExternalId: `history-post-${p.at.toISOString().slice(0, 7)}`,
          inReplyToExternalId: null,
          visibility: "visible",
          receivedAt: p.at,
          raw: {},
        })),
      }),
    );
  await ingest(
    planned.filter((p) => p.kind !== "threat"),
    now,
  );
  for (const threat of planned.filter((p) => p.kind === "threat")) await ingest([threat], threat.at);
  await ctx.db.execute(sql`
    update moderation_cases as c
       set opened_at = m.received_at
      from inbound_messages as m
     where m.id = c.inbound_message_id and m.org_id = ${options.orgId}::uuid and m.external_id like 'moderation-history-%'`);
  const cases = await ctx.db
    .select({
      id: moderationCases.id,
      threat: moderationCases.threat,
      text: inboundMessages.text,
      at: inboundMessages.receivedAt,
    })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .where(and(eq(moderationCases.orgId, options.orgId), like(inboundMessages.externalId, "moderation-history-%")));
  // Their conversations are history too: closed, so today's inbox stays today's.
  await ctx.db.execute(sql`
    update conversations as c
       set status = 'closed', waiting_since = null, response_due_at = null, resolution_due_at = null, priority = 0,
           escalation_level = 0, closed_at = m.received_at + interval '2 days', updated_at = m.received_at + interval '2 days'
      from inbound_messages as m
     where m.conversation_id = c.id and m.org_id = ${options.orgId}::uuid and m.external_id like 'moderation-history-%'`);
  const steps = planDecisions(cases, { random, calendar, now });
  await writeDecisions(ctx, { ...options, netiquetteId: netiquette.id, steps });
  // A few packages secured on request, the day after the decision.
  const hidden = steps.filter((s) => s.kind === "decision" && s.action === "hide" && random() < 0.05);
  for (const s of hidden)
    await secureEvidence(ctx.db, {
      orgId: options.orgId,
      caseId: s.caseId,
      securedBy: options.moderatorLabel,
      now: new Date(s.at.getTime() + 86_400_000),
      publicUrl: ctx.publicUrl,
    });
  // The threats' notifications were read long ago.
  await ctx.db
    .update(userNotifications)
    .set({ readAt: sql`${userNotifications.createdAt}` })
    .where(
      and(
        eq(userNotifications.orgId, options.orgId),
        inArray(userNotifications.kind, ["threat"]),
        lt(userNotifications.createdAt, new Date(epochOfWallClock(addDays(today, -QUIET_DAYS), "00:00", org.timeZone))),
      ),
    );
  await loadAlerts(ctx, { ...options, accountIds: accounts.map((a) => a.id), today, timeZone: org.timeZone });
  return { cases: cases.length };
}

/** The moderator decides each case after a few office hours; one in eight decisions is objected to. */
function planDecisions(
  cases: { id: string; threat: boolean; text: string; at: Date }[],
  env: { random: () => number; calendar: ReturnType<typeof calendarOf>; now: Date },
): Step[] {
  const steps: Step[] = [];
  const later = (from: Date, minutes: number) => addBusinessTime(env.calendar, from, minutes * 60_000);
  for (const c of cases) {
    const spam = SPAM.includes(c.text);
    const roll = env.random();
    const [action, clause] = c.threat
      ? ["delete", CLAUSE.threats]
      : spam
        ? ["delete", CLAUSE.spam]
        : roll < 0.7
          ? ["hide", CLAUSE.insults]
          : roll < 0.85
            ? ["delete", CLAUSE.insults]
            : ["approve", CLAUSE.respect];
    const decidedAt = later(c.at, 20 + Math.floor(env.random() * 240));
    if (decidedAt >= env.now) continue;
    steps.push({ caseId: c.id, kind: "decision", action, clause, at: decidedAt, reason: "Geprüft nach Netiquette" });
    if (action === "approve" || c.threat || env.random() > 0.125) continue;
    const appealAt = later(decidedAt, 300 + Math.floor(env.random() * 600));
    if (appealAt >= env.now) continue;
    steps.push({
      caseId: c.id,
      kind: "appeal",
      action: null,
      clause: null,
      at: appealAt,
      reason: "Einspruch per E-Mail",
    });
    const outcome = env.random();
    const againAt = later(appealAt, 240 + Math.floor(env.random() * 480));
    // A recent objection may still wait; the others were decided again: mostly upheld, some changed.
    if (againAt >= env.now || (outcome < 0.1 && env.now.getTime() - appealAt.getTime() < 20 * 86_400_000)) continue;
    const upheld = outcome < 0.7;
    steps.push({
      caseId: c.id,
      kind: "decision",
      action: upheld ? action : "approve",
      clause: upheld ? clause : CLAUSE.respect,
      at: againAt,
      reason: upheld ? "Einspruch geprüft, Entscheidung bleibt" : "Einspruch berechtigt",
    });
  }
  return steps;
}

async function writeDecisions(
  ctx: AppContext,
  args: { orgId: string; moderatorUserId: string; moderatorLabel: string; netiquetteId: string; steps: Step[] },
) {
  const rows = args.steps.map((s) => ({
    case_id: s.caseId,
    kind: s.kind,
    action: s.action,
    clause: s.clause,
    reason: s.reason,
    at: s.at.toISOString(),
  }));
  await ctx.db.execute(sql`
    insert into moderation_decisions (org_id, case_id, kind, action, clause, reason, actor_user_id, actor_label, at)
    select ${args.orgId}::uuid, u.case_id, u.kind, u.action, u.clause, u.reason,
           case when u.kind = 'appeal' then null else ${args.moderatorUserId}::uuid end,
           case when u.kind = 'appeal' then 'citizen' else ${args.moderatorLabel} end, u.at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as u(case_id uuid, kind text, action text, clause int, reason text, at timestamptz)`);
  // Each case as its last step left it: decided (the message's visibility with it), or reopened by an objection.
  const last = new Map<string, Step>();
  for (const s of args.steps) if ((last.get(s.caseId)?.at ?? 0) < s.at) last.set(s.caseId, s);
  const decisionOf = new Map<string, Step>();
  for (const s of args.steps) if (s.kind === "decision") decisionOf.set(s.caseId, s);
  const finals = [...last.values()].map((s) => {
    const decision = decisionOf.get(s.caseId) as Step;
    return {
      id: s.caseId,
      status: s.kind === "appeal" ? "reopened" : "decided",
      action: decision.action,
      clause: decision.clause,
      at: decision.at.toISOString(),
      visibility: decision.action === "approve" ? "visible" : decision.action === "delete" ? "deleted" : "hidden",
    };
  });
  await ctx.db.execute(sql`
    update moderation_cases as c
       set status = u.status, action = u.action, clause = u.clause, netiquette_id = ${args.netiquetteId}::uuid,
           decided_by_user_id = ${args.moderatorUserId}::uuid, decided_at = u.at,
           priority = case when u.status = 'reopened' then greatest(c.priority, 3) else c.priority end
      from jsonb_to_recordset(${JSON.stringify(finals)}::jsonb)
           as u(id uuid, status text, action text, clause int, at timestamptz, visibility text)
     where c.id = u.id`);
  await ctx.db.execute(sql`
    update inbound_messages as m
       set visibility = u.visibility
      from jsonb_to_recordset(${JSON.stringify(finals)}::jsonb) as u(id uuid, visibility text), moderation_cases c
     where c.id = u.id and m.id = c.inbound_message_id`);
}

/** Shitstorm alerts: the Hauptstraße's and a few smaller ones, each acknowledged (the trail says when). */
async function loadAlerts(
  ctx: AppContext,
  args: {
    orgId: string;
    moderatorUserId: string;
    moderatorLabel: string;
    accountIds: string[];
    today: string;
    timeZone: string;
  },
) {
  // The Hauptstraße's storm raged under its post; two smaller ones under the post last published before them;
  // one across a whole channel.
  const plan = [
    { daysAgo: DEMO_STORM.daysAgo, clock: "09:00", offensive: 14, total: 41, under: "storm" },
    { daysAgo: 201, clock: "17:00", offensive: 9, total: 22, under: "latest" },
    { daysAgo: 134, clock: "20:00", offensive: 7, total: 15, under: null },
    { daysAgo: 23, clock: "18:00", offensive: 8, total: 19, under: "latest" },
  ] as const;
  for (const [i, a] of plan.entries()) {
    const start = new Date(epochOfWallClock(addDays(args.today, -a.daysAgo), a.clock, args.timeZone));
    const accountId = args.accountIds[i % args.accountIds.length] as string;
    const [post] = a.under
      ? await ctx.db
          .select({ channelAccountId: publications.channelAccountId, externalId: publications.externalId })
          .from(publications)
          .innerJoin(posts, eq(posts.id, publications.postId))
          .where(
            and(
              eq(posts.orgId, args.orgId),
              isNotNull(publications.externalId),
              a.under === "storm"
                ? eq(posts.title, STORM_POST.title)
                : and(eq(publications.channelAccountId, accountId), lt(publications.publishedAt, start)),
            ),
          )
          .orderBy(desc(publications.publishedAt))
          .limit(1)
      : [];
    await ctx.db.transaction(async (tx) => {
      const [alert] = await tx
        .insert(moderationAlerts)
        .values({
          orgId: args.orgId,
          channelAccountId: post?.channelAccountId ?? accountId,
          threadExternalId: post?.externalId ?? "",
          windowStart: start,
          windowEnd: new Date(start.getTime() + 3_600_000),
          offensive: a.offensive,
          total: a.total,
          baselineMedian: 1,
          baselineMad: 1,
          score: a.offensive / 1.4826,
          status: "acknowledged",
          createdAt: new Date(start.getTime() + 3_600_000),
        })
        .returning({ id: moderationAlerts.id });
      if (!alert) return;
      await appendAuditEvent(tx, {
        orgId: args.orgId,
        actor: { userId: args.moderatorUserId, label: args.moderatorLabel },
        action: "moderation.alert_acknowledged",
        target: { type: "moderation_alert", id: alert.id },
        data: { preModerated: false },
        occurredAt: new Date(start.getTime() + (90 + i * 40) * 60_000),
      });
    });
  }
}
