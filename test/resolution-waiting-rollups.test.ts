// The Antwortzeiten report's resolution and waiting rollups (migration 0044) against a straight count of the
// conversations themselves, after each kind of change that can touch them: closing, reopening by hand and by a
// new citizen message, closing again, an answer, a move to another department while waiting, and a changed time
// zone. Waiting periods are read from snapshots of the conversations taken after every step. PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { assignConversations } from "../src/app/inbox/assign-conversations.js";
import { changeConversationStatus } from "../src/app/inbox/change-conversation-status.js";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { updateOrganisation } from "../src/app/orgs/update-organisation.js";
import type { Database } from "../src/db/client.js";
import { conversations, responseDailyRollups, waitingDailyRollups } from "../src/db/schema/index.js";
import { addDays } from "../src/domain/reports/reportPeriod.js";
import { emptyHistogram, responseBucketOf } from "../src/domain/reports/responseHistogram.js";
import { localDate } from "../src/domain/zonedTime.js";
import { buildMember, buildTestContext, systemAdminOf } from "./support/factories.js";
import { buildRollupScene, inKeyOrder, ingestUnderThread } from "./support/rollupScene.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
let now = new Date("2026-11-24T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

/** A citizen's message now: its conversation. */
async function ingest(orgId: string, channelAccountId: string, handle: string, text: string) {
  const [stored] = await ingestUnderThread(ctx, { orgId, channelAccountId, items: [{ at: now, text, handle }] });
  if (!stored) throw new Error("not stored");
  return stored.conversationId;
}

/** The straight count of resolutions: every closed conversation, on its closing day, for who closed it. */
async function resolutionsCounted(orgId: string, timeZone: string) {
  const rows = await ctx.db.select().from(conversations).where(eq(conversations.orgId, orgId));
  const counts = new Map<string, { key: string; resolved: number; ms: number; histogram: number[] }>();
  for (const c of rows) {
    if (c.status !== "closed" || !c.closedAt || c.resolutionBusinessMs === null) continue;
    const key = `${localDate(c.closedAt, timeZone)}|${c.channelAccountId}|${c.departmentId}|${c.closedByUserId}`;
    const e = counts.get(key) ?? { key, resolved: 0, ms: 0, histogram: emptyHistogram() };
    e.resolved += 1;
    e.ms += c.resolutionBusinessMs;
    const bucket = responseBucketOf(c.resolutionBusinessMs);
    e.histogram[bucket] = (e.histogram[bucket] ?? 0) + 1;
    counts.set(key, e);
  }
  return inKeyOrder(counts.values());
}

async function resolutionsRolledUp(orgId: string) {
  const rows = await ctx.db.select().from(responseDailyRollups).where(eq(responseDailyRollups.orgId, orgId));
  return inKeyOrder(
    rows
      .filter((r) => r.resolved !== 0)
      .map((r) => ({
        key: `${r.day}|${r.channelAccountId}|${r.departmentId}|${r.responderUserId}`,
        resolved: r.resolved,
        ms: r.resolutionBusinessMsSum,
        histogram: r.resolutionHistogram,
      })),
  );
}

type Snapshot = Map<string, typeof conversations.$inferSelect>;
const snapshots: Snapshot[] = [];

async function snapshot(orgId: string) {
  const rows = await ctx.db.select().from(conversations).where(eq(conversations.orgId, orgId));
  snapshots.push(new Map(rows.map((r) => [r.id, r])));
}

interface Wait {
  since: Date;
  due: Date | null;
  ended: Date | null;
  channelAccountId: string;
  departmentId: string | null;
}

/** The waiting periods the snapshots show: one per waiting_since, with the attributes it had last, ended when it changed. */
function waitsOf(): Wait[] {
  const waits: Wait[] = [];
  const running = new Map<string, Wait>();
  for (const snap of snapshots) {
    for (const [id, c] of snap) {
      const wait = running.get(id);
      if (wait && c.waitingSince?.getTime() !== wait.since.getTime()) {
        wait.ended = c.updatedAt;
        running.delete(id);
      }
      if (!c.waitingSince) continue;
      let current = running.get(id);
      if (!current) {
        current = { since: c.waitingSince, due: null, ended: null, channelAccountId: "", departmentId: null };
        waits.push(current);
        running.set(id, current);
      }
      current.due = c.responseDueAt;
      current.channelAccountId = c.channelAccountId;
      current.departmentId = c.departmentId;
    }
  }
  return waits;
}

/** What waited at each day's end, and was overdue, per channel account and department: straight from the periods. */
function waitingCounted(days: string[], timeZone: string) {
  const out: string[] = [];
  for (const day of days)
    for (const w of waitsOf()) {
      const began = localDate(w.since, timeZone) <= day;
      const running = w.ended === null || localDate(w.ended, timeZone) > day;
      if (!began || !running) continue;
      const overdue = w.due !== null && localDate(w.due, timeZone) <= day;
      out.push(`${day}|${w.channelAccountId}|${w.departmentId}|${overdue ? "overdue" : "on time"}`);
    }
  return out.sort();
}

/** The same from the rollup: the daily changes added up to each day's end. */
async function waitingRolledUp(orgId: string, days: string[]) {
  const rows = await ctx.db.select().from(waitingDailyRollups).where(eq(waitingDailyRollups.orgId, orgId));
  const out: string[] = [];
  for (const day of days) {
    const sums = new Map<string, { waiting: number; overdue: number }>();
    for (const r of rows.filter((row) => row.day <= day)) {
      const key = `${r.channelAccountId}|${r.departmentId}`;
      const s = sums.get(key) ?? { waiting: 0, overdue: 0 };
      s.waiting += r.waiting;
      s.overdue += r.overdue;
      sums.set(key, s);
    }
    for (const [key, s] of sums) {
      for (let i = 0; i < s.overdue; i++) out.push(`${day}|${key}|overdue`);
      for (let i = 0; i < s.waiting - s.overdue; i++) out.push(`${day}|${key}|on time`);
    }
  }
  return out.sort();
}

describe("the resolution and waiting rollups", () => {
  it("count each conversation once at its last closing, and what waited at each day's end, as a straight count does", async () => {
    const { org, jugendamt, account } = await buildRollupScene(ctx);
    const staff = await buildMember(ctx, org.id, { roles: ["editor"] });
    const close = (id: string, event: "closed" | "reopened", by = staff) =>
      changeConversationStatus(ctx, { actor: by.actor, orgId: org.id, input: { conversationIds: [id], event } });
    const days = Array.from({ length: 12 }, (_, i) => addDays("2026-11-23", i));
    snapshots.length = 0;
    const at = async (iso: string, step: () => Promise<unknown>) => {
      now = new Date(iso);
      await step();
      await snapshot(org.id);
    };
    // Tuesday 24 November: three citizens ask.
    const ids: string[] = [];
    await at("2026-11-24T09:00:00Z", async () => {
      for (const handle of ["@a", "@b", "@c"])
        ids.push(await ingest(org.id, account.id, handle, "Wann wird die Straße gesperrt?"));
    });
    const [a, b, c] = ids as [string, string, string];
    await at("2026-11-24T10:00:00Z", () =>
      ctx.db.transaction((tx) => recordConversationResponse(tx, { conversationId: a, userId: staff.userId, at: now })),
    );
    await at("2026-11-24T15:00:00Z", () => close(a, "closed"));
    // b is moved while it waits, then closed unanswered days later, past its due time.
    await at("2026-11-25T08:00:00Z", () =>
      assignConversations(ctx, {
        actor: systemAdminOf(org.id),
        orgId: org.id,
        input: { conversationIds: [b], departmentId: jugendamt.id },
      }),
    );
    await at("2026-11-27T12:00:00Z", () => close(b, "closed"));
    // a is reopened by hand and closed again; c is answered, closed, and its citizen writes again.
    await at("2026-11-30T09:00:00Z", () => close(a, "reopened"));
    await at("2026-11-30T11:00:00Z", () => close(a, "closed"));
    await at("2026-11-30T12:00:00Z", () =>
      ctx.db.transaction((tx) => recordConversationResponse(tx, { conversationId: c, userId: staff.userId, at: now })),
    );
    await at("2026-11-30T13:00:00Z", () => close(c, "closed"));
    await at("2026-12-01T09:00:00Z", () => ingest(org.id, account.id, "@c", "Und wann ist sie wieder frei?"));

    expect(await resolutionsRolledUp(org.id)).toEqual(await resolutionsCounted(org.id, "Europe/Berlin"));
    const resolved = await resolutionsRolledUp(org.id);
    // a once (on 30 November, not 24 November), b once; c was reopened by its citizen.
    expect(resolved.map((r) => [r.key.slice(0, 10), r.resolved])).toEqual([
      ["2026-11-27", 1],
      ["2026-11-30", 1],
    ]);
    expect(await waitingRolledUp(org.id, days)).toEqual(waitingCounted(days, "Europe/Berlin"));
    expect((await waitingRolledUp(org.id, ["2026-11-26"])).filter((w) => w.endsWith("overdue"))).toHaveLength(2);

    // Another time zone: closings and running waits move to its days.
    await at("2026-12-02T09:00:00Z", () =>
      updateOrganisation(ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: { timeZone: "America/New_York" } }),
    );
    expect(await resolutionsRolledUp(org.id)).toEqual(await resolutionsCounted(org.id, "America/New_York"));
    const later = days.filter((day) => day >= "2026-12-01");
    expect(await waitingRolledUp(org.id, later)).toEqual(waitingCounted(later, "America/New_York"));
  });
});
