// The public transparency page on the real database: absent until the organisation switches it on (an
// audited settings change), then weekly median first-response times and shares within the target per
// channel and overall that match a straight computation from known first answers, small counts hidden,
// moderation decisions and objections by Netiquette clause, and no name of a citizen or of staff.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { auditEvents } from "../src/db/schema/index.js";
import { emptyHistogram, histogramQuantile, responseBucketOf } from "../src/domain/reports/responseHistogram.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../src/domain/website/publicSettings.js";
import { businessTimeLabel } from "../src/server/public/transparencyHtml.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf, uniqueSuffix } from "./support/factories.js";
import { storeCitizenMessages } from "./support/citizenMessages.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Sunday 6 December 2026, 11:00 in Berlin: the page covers the weeks from 7 September to 29 November.
const TODAY = new Date("2026-12-06T10:00:00Z");
let now = TODAY;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const MINUTE = 60_000;
const CITIZEN = "Erika Beispielbürgerin";

/** `count` citizens ask at `at`, each in a conversation of their own: their messages and conversations. */
async function ask(orgId: string, channelAccountId: string, at: string, count: number) {
  now = new Date(at);
  const items = Array.from({ length: count }, () => ({
    at: now,
    text: "Wann wird die Straße wieder freigegeben?",
    handle: `@erika-${uniqueSuffix()}`,
    name: CITIZEN,
  }));
  return storeCitizenMessages(t.ctx, { orgId, channelAccountId, now, items, threadExternalId: "post-1" });
}

/** Answers the asked conversations after the given business minutes (the questions came in office hours). */
async function answer(asked: Awaited<ReturnType<typeof ask>>, at: string, afterMinutes: number[], userId: string) {
  for (const [i, minutes] of afterMinutes.entries()) {
    now = new Date(Date.parse(at) + minutes * MINUTE);
    const conversationId = asked[i]?.conversationId;
    if (!conversationId) throw new Error("question not stored");
    await t.ctx.db.transaction((tx) => recordConversationResponse(tx, { conversationId, userId, at: now }));
  }
}

const textOf = (html: string) =>
  html
    .replace(/<span class="(visually-hidden|cell-label)"[^>]*>[^<]*<\/span>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The column headings of the table with the given caption. */
function tableHeadings(html: string, caption: string): string[] {
  const start = html.indexOf(`${caption}</caption>`);
  const head = html.slice(start, html.indexOf("</thead>", start));
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/gs)].map((cell) => textOf(cell[1] ?? ""));
}

/** The rows of the table with the given caption, as the texts of their cells. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`${caption}</caption>`);
  if (start < 0) throw new Error(`no table "${caption}"`);
  const table = html.slice(start, html.indexOf("</table>", start));
  const body = table.slice(table.indexOf("<tbody"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cell) => textOf(cell[1] ?? "")),
  );
}

const weekRow = (rows: string[][], label: string) => rows.find((row) => row[0] === label);

/** The median the page must show: read from the histogram of the known first answers, as the rollups keep it. */
function expectedMedian(minutes: number[]): string {
  const histogram = emptyHistogram();
  for (const m of minutes) histogram[responseBucketOf(m * MINUTE)] = (histogram[responseBucketOf(m * MINUTE)] ?? 0) + 1;
  const median = histogramQuantile(histogram, 0.5);
  if (!median) throw new Error("no median");
  return businessTimeLabel(median.ms);
}

async function scene() {
  const org = await buildOrg(t.ctx);
  await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
  const mastodon = await buildChannelAccount(t.ctx, org.id, { name: "Musterstadt auf Mastodon" });
  const bluesky = await buildChannelAccount(t.ctx, org.id, { name: "Musterstadt auf Bluesky" });
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const staff = await buildMember(t.ctx, org.id, { roles: ["editor"] });
  return { org, mastodon, bluesky, admin, staff };
}

describe("the transparency page", () => {
  it("does not exist until the organisation switches it on, which is audited and linked from every page", async () => {
    const s = await scene();
    now = TODAY;
    const off = await t.app.inject({ method: "GET", url: `/p/${s.org.slug}/transparenz` });
    expect(off.statusCode).toBe(404);
    expect(off.body).toContain("Nicht gefunden");
    expect(off.body).not.toContain("/transparenz");

    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const saved = await admin.request("PUT", `/api/orgs/${s.org.id}/website/settings`, {
      ...DEFAULT_WEBSITE_SETTINGS,
      transparencyPage: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.transparencyPage).toBe(true);
    const [audited] = await t.ctx.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, s.org.id), eq(auditEvents.action, "website.settings.updated")));
    expect(audited?.data).toMatchObject({ transparencyPage: true });

    const on = await t.app.inject({ method: "GET", url: `/p/${s.org.slug}/transparenz` });
    expect(on.statusCode).toBe(200);
    expect(on.headers["content-type"]).toContain("text/html");
    expect(on.body).toContain("<h1>Transparenz: Wie wir antworten und moderieren</h1>");
    expect(on.body).toContain("7. September 2026 bis 29. November 2026");
    expect(on.body).toContain("Berechnet am 6. Dezember 2026 um 11:00 Uhr");
    const feed = await t.app.inject({ method: "GET", url: `/p/${s.org.slug}` });
    expect(feed.body).toContain(`<a href="/p/${s.org.slug}/transparenz">Transparenz</a>`);
  });

  it("shows weekly medians and shares within the target per channel and overall, hiding small counts and names", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    await admin.request("PUT", `/api/orgs/${s.org.id}/website/settings`, {
      ...DEFAULT_WEBSITE_SETTINGS,
      transparencyPage: true,
    });
    // Week of 16 November: Mastodon answers five questions after an hour each.
    const week1 = "2026-11-16T09:00:00Z"; // Monday 10:00 in Berlin, office hours
    await answer(await ask(s.org.id, s.mastodon.id, week1, 5), week1, [60, 60, 60, 60, 60], s.staff.userId);
    // Week of 23 November: Mastodon six, one a week later (past the target of a business day); Bluesky two.
    const week2 = "2026-11-23T09:00:00Z";
    const mastodonMinutes = [10, 20, 30, 40, 50];
    const asked = await ask(s.org.id, s.mastodon.id, week2, 6);
    await answer(asked, week2, mastodonMinutes, s.staff.userId);
    now = new Date("2026-11-27T10:00:00Z"); // Friday 11:00: 6 + 8 + 8 + 8 + 3 business hours later
    await t.ctx.db.transaction((tx) =>
      recordConversationResponse(tx, {
        conversationId: asked[5]?.conversationId ?? "",
        userId: s.admin.userId,
        at: now,
      }),
    );
    await answer(await ask(s.org.id, s.bluesky.id, week2, 2), week2, [15, 15], s.staff.userId);
    // The running week counts not yet.
    await answer(
      await ask(s.org.id, s.bluesky.id, "2026-11-30T09:00:00Z", 5),
      "2026-11-30T09:00:00Z",
      [5, 5, 5, 5, 5],
      s.staff.userId,
    );

    now = TODAY;
    const page = await t.app.inject({ method: "GET", url: `/p/${s.org.slug}/transparenz` });
    expect(page.statusCode).toBe(200);
    const html = page.body;

    const masto = tableRows(html, "Musterstadt auf Mastodon, nach Wochen");
    expect(masto).toHaveLength(12);
    expect(weekRow(masto, "16.11. bis 22. November 2026")).toEqual([
      "16.11. bis 22. November 2026",
      "5",
      expectedMedian([60, 60, 60, 60, 60]),
      "100 %",
    ]);
    // 5 of 6 within the target; the count withheld, since the week's total less it would tell Bluesky's two.
    expect(weekRow(masto, "23.11. bis 29. November 2026")).toEqual([
      "23.11. bis 29. November 2026",
      "–",
      expectedMedian([...mastodonMinutes, 33 * 60]),
      "83 %",
    ]);
    expect(weekRow(masto, "7.9. bis 13. September 2026")).toEqual([
      "7.9. bis 13. September 2026",
      "0",
      "keine Antworten",
      "keine Antworten",
    ]);
    // Bluesky's two answers: no count, no median, no share.
    expect(weekRow(tableRows(html, "Musterstadt auf Bluesky, nach Wochen"), "23.11. bis 29. November 2026")).toEqual([
      "23.11. bis 29. November 2026",
      "weniger als 5",
      "–",
      "–",
    ]);
    expect(html).toContain("aus weniger als 5 Fällen, nicht gezeigt");
    const all = tableRows(html, "Alle Kanäle zusammen, nach Wochen");
    expect(weekRow(all, "23.11. bis 29. November 2026")).toEqual([
      "23.11. bis 29. November 2026",
      "8",
      expectedMedian([...mastodonMinutes, 33 * 60, 15, 15]),
      "88 %",
    ]);

    for (const name of [CITIZEN, "@erika-", s.admin.email, s.staff.email, "Person "]) expect(html).not.toContain(name);
  });

  it("counts the moderators' decisions and the objections of the 12 weeks by Netiquette clause", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    await admin.request("PUT", `/api/orgs/${s.org.id}/website/settings`, {
      ...DEFAULT_WEBSITE_SETTINGS,
      transparencyPage: true,
    });
    const moderator = await buildMember(t.ctx, s.org.id, { roles: ["moderator"] });
    const messages = await ask(s.org.id, s.mastodon.id, "2026-11-10T09:00:00Z", 9);
    const mod = await signIn(t.app, moderator.email, moderator.password);
    const base = `/api/orgs/${s.org.id}/moderation`;
    const caseIds: string[] = [];
    for (const [i, message] of messages.entries()) {
      now = new Date(Date.parse("2026-11-10T10:00:00Z") + i * MINUTE);
      const reported = await mod.request("POST", `${base}/reports`, {
        messageId: message.id,
        reason: "Bitte prüfen",
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const caseId = (reported.json() as { id: string }).id;
      caseIds.push(caseId);
      // Seven hidden citing §3, two deleted citing §5.
      const decision = i < 7 ? { action: "hide", clause: 3 } : { action: "delete", clause: 5 };
      const decided = await mod.request("POST", `${base}/cases/${caseId}/decision`, { ...decision, reason: "Geprüft" });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    // One objection, decided again the next day: the comment stays hidden.
    // A day later: signed in again (sessions end when idle).
    now = new Date("2026-11-11T10:00:00Z");
    const nextDay = await signIn(t.app, moderator.email, moderator.password);
    const appealed = await nextDay.request("POST", `${base}/cases/${caseIds[0]}/appeal`, {
      text: "Per Brief: Das war keine Beleidigung.",
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    now = new Date("2026-11-12T10:00:00Z");
    const dayAfter = await signIn(t.app, moderator.email, moderator.password);
    const again = await dayAfter.request("POST", `${base}/cases/${caseIds[0]}/decision`, {
      action: "hide",
      clause: 3,
      reason: "Bleibt verborgen",
    });
    expect(again.statusCode, again.body).toBe(200);

    now = TODAY;
    const html = (await t.app.inject({ method: "GET", url: `/p/${s.org.slug}/transparenz` })).body;
    const clauses = tableRows(
      html,
      "Entscheidungen der Moderation nach Regel der Netiquette, 7. September 2026 bis 29. November 2026",
    );
    expect(clauses).toEqual([
      ["§3 Keine Beleidigungen", "8", "0", "0", "0", "8"],
      ["§5 Keine Werbung", "0", "weniger als 5", "0", "0", "weniger als 5"],
    ]);
    // The staff's word for a hidden comment (as in the Moderation report), and on a phone each figure names its column.
    expect(
      tableHeadings(
        html,
        "Entscheidungen der Moderation nach Regel der Netiquette, 7. September 2026 bis 29. November 2026",
      ),
    ).toEqual([
      "Regel",
      "Ausgeblendet",
      "Gelöscht",
      "Ermahnt oder verwarnt",
      "Geprüft und sichtbar gelassen",
      "Zusammen",
    ]);
    expect(html).not.toMatch(/verborgen/i);
    expect(html).toContain(
      '<td role="cell" class="num"><span class="cell-label" aria-hidden="true">Ausgeblendet</span><span class="cell-value">8</span></td>',
    );
    const appeals = tableRows(
      html,
      "Einsprüche gegen Entscheidungen der Moderation und ihr Ausgang, 7. September 2026 bis 29. November 2026",
    );
    expect(appeals).toEqual([["0", "weniger als 5", "0", "weniger als 5"]]);
    for (const name of [CITIZEN, moderator.email, "Person ", "Bitte prüfen", "Per Brief"])
      expect(html).not.toContain(name);
  });
});
