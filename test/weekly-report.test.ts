// The weekly Stimmungsbericht on the real database: the PDF of a week with known messages and answers (read
// back by pdf.js), what a department-limited person's PDF holds, and the Monday job — exactly once per week
// and recipient, by e-mail to a local SMTP server with the PDF attached, and in-app only without SMTP.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { sendWeeklyReports } from "../src/app/reports/send-weekly-reports.js";
import { userNotifications, weeklyReportDeliveries } from "../src/db/schema/index.js";
import { buildChannelAccount, buildMember, buildOrg, buildTestContext, uniqueSuffix } from "./support/factories.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { pdfLines } from "./support/pdfText.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { NEGATIVE_TEXT as NEGATIVE, POSITIVE_TEXT as POSITIVE, buildReportOrg } from "./support/reportScene.js";
import { type SmtpPeer, startSmtpPeer } from "./support/smtpPeer.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Monday 7 December 2026, 08:00 in Berlin: the week of 30 November to 6 December is due.
const now = new Date("2026-12-07T07:00:00Z");
let t: TestApp;
let smtp: SmtpPeer;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

function ingest(orgId: string, channelAccountId: string, items: { at: string; text: string }[]) {
  return ingestCitizenMessages(t.ctx, { orgId, channelAccountId, now, items });
}

/** Bauamt: 3 negative + 1 positive this week, 1 negative the week before; Kulturamt: 2 positive this week. */
async function scene() {
  const { org, kultur, website, mastodon } = await buildReportOrg(t.ctx, {
    name: `Musterstadt ${uniqueSuffix()}`,
  });
  const [first] = await ingest(org.id, website.id, [
    { at: "2026-11-30T09:00:00Z", text: NEGATIVE },
    { at: "2026-12-01T10:00:00Z", text: NEGATIVE },
    { at: "2026-12-01T11:00:00Z", text: NEGATIVE },
    { at: "2026-12-03T10:00:00Z", text: POSITIVE },
    { at: "2026-11-24T10:00:00Z", text: NEGATIVE },
  ]);
  await ingest(org.id, mastodon.id, [
    { at: "2026-12-04T10:00:00Z", text: POSITIVE },
    { at: "2026-12-05T10:00:00Z", text: POSITIVE },
  ]);
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  // The Monday message answered 30 minutes later, in office hours.
  await t.ctx.db.transaction((tx) =>
    recordConversationResponse(tx, {
      conversationId: first ?? "",
      userId: admin.userId,
      at: new Date("2026-11-30T09:30:00Z"),
    }),
  );
  const limited = await buildMember(t.ctx, org.id, { roles: ["press_office"], departmentIds: [kultur.id] });
  return { org, admin, limited };
}

describe("the weekly report as a PDF", () => {
  it("names the organisation and the week, and says the week's figures against the week before", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/weekly.pdf?week=2026-12-02`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain("2026-11-30.pdf");
    const text = (await pdfLines(response.rawPayload)).join(" ");
    expect(text).toContain(`Stimmungsbericht ${s.org.name}`);
    expect(text).toContain("Kalenderwoche 49: 30.11.2026 bis 06.12.2026 (Zeitzone Europe/Berlin)");
    for (const heading of [
      "Zusammenfassung",
      "Stimmung nach Tagen",
      "Nach Fachbereich",
      "Häufigste Themen",
      "Nach Kanal",
    ])
      expect(text).toContain(heading);
    expect(text).toContain("gingen 6 Nachrichten von Bürgerinnen und Bürgern ein (Vorwoche: 1, +500 %)");
    expect(text).toContain("Negativ waren 50 % (Vorwoche 100 %, –50 Prozentpunkte), positiv 50 %");
    expect(text).toContain("Erste Antworten: 1; die Hälfte innerhalb von 38 Minuten");
    expect(text).toContain("100 % der Antworten kamen innerhalb der Zielzeit (1 von 1).");
    // The week's topics leave a term of fewer than five messages out (the three complaints' Baustelle), and never
    // carry a citizen's words.
    expect(text).toContain("Begriffe aus weniger als 5 Nachrichten sind nicht aufgeführt");
    expect(text).not.toMatch(/Häufigste Themen .*Baustelle/);
    expect(text).not.toContain("unzumutbar");
    expect(text).toContain("Jetzt warten 6 Vorgänge auf eine Antwort, davon 4 überfällig.");
    expect(text).toContain("Mo 30.11. 1/0/0 2 Di 01.12. 2/0/0");
    expect(text).toMatch(/Bauamt[\s\S]*Kulturamt/);
    expect(text).toContain("negativ (gestreift)");
  });

  it("names the posts with the most reactions, and those with the largest negative and positive shares", async () => {
    const s = await scene();
    const website = await buildChannelAccount(t.ctx, s.org.id, { name: "Website Posts" });
    const post = async (title: string, text: string, negative: number, positive: number) => {
      const externalId = `entry-${uniqueSuffix()}`;
      await buildPublishedPost(t.ctx, s.org.id, {
        title,
        publishedAt: new Date("2026-11-30T08:00:00Z"),
        on: [{ channelAccountId: website.id, externalId }],
      });
      const items = [
        ...Array.from({ length: negative }, () => ({ at: "2026-12-02T10:00:00Z", text: NEGATIVE })),
        ...Array.from({ length: positive }, () => ({ at: "2026-12-02T11:00:00Z", text: POSITIVE })),
      ];
      await ingestCitizenMessages(t.ctx, {
        orgId: s.org.id,
        channelAccountId: website.id,
        now,
        items,
        threadExternalId: externalId,
      });
    };
    await post("Sperrung der Hauptstraße ab Montag", NEGATIVE, 9, 3);
    await post("Der Weihnachtsmarkt öffnet", POSITIVE, 1, 10);
    await post("Neue Öffnungszeiten", POSITIVE, 1, 1);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/weekly.pdf?week=2026-12-02`);
    const text = (await pdfLines(response.rawPayload)).join(" ");
    expect(text).toContain(
      "Den größten Anteil negativer Reaktionen erhielt der Beitrag „Sperrung der Hauptstraße ab Montag“: 75 % von 12.",
    );
    expect(text).toContain(
      "Den größten Anteil positiver Reaktionen erhielt der Beitrag „Der Weihnachtsmarkt öffnet“: 91 % von 11.",
    );
    expect(text).toContain("Beiträge mit den meisten Reaktionen");
    expect(text).toContain("Sperrung der Hauptstraße ab Montag 30.11.2026 12 75 % 25 % 0");
    expect(text).toContain("Neue Öffnungszeiten 30.11.2026 2 50 % 50 % 0");
    // Two reactions are too few to be named for a share.
    expect(text).not.toMatch(/Anteil [a-z]+ Reaktionen erhielt der Beitrag „Neue/);
  });

  it("takes the last completed week when none is named", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/weekly.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect((await pdfLines(response.rawPayload)).join(" ")).toContain("30.11.2026 bis 06.12.2026");
  });

  it("holds only the departments of a department-limited person", async () => {
    const s = await scene();
    const limited = await signIn(t.app, s.limited.email, s.limited.password);
    const response = await limited.request("GET", `/api/orgs/${s.org.id}/reports/weekly.pdf?week=2026-12-06`);
    expect(response.statusCode, response.body).toBe(200);
    const text = (await pdfLines(response.rawPayload)).join(" ");
    expect(text).toContain("Kulturamt");
    expect(text).not.toContain("Bauamt");
    expect(text).not.toContain("Website");
    expect(text).toContain("gingen 2 Nachrichten");
  });
});

describe("the weekly report on Monday", () => {
  it("e-mails each recipient their own PDF exactly once, however often the job runs", async () => {
    const s = await scene();
    const withSmtp = buildTestContext(t.database.db, { clock: () => now, env: { SMTP_URL: smtp.url } });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const saved = await admin.request("PUT", `/api/orgs/${s.org.id}/reports/weekly/settings`, {
      enabled: true,
      recipientUserIds: [s.admin.userId, s.limited.userId],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ enabled: true, emailConfigured: false });
    const before = smtp.received.length;
    await sendWeeklyReports(withSmtp);
    // A restart, and a second worker: nothing goes out again.
    await sendWeeklyReports(withSmtp);
    await sendWeeklyReports(buildTestContext(t.database.db, { clock: () => now, env: { SMTP_URL: smtp.url } }));
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([[s.admin.email], [s.limited.email]].sort());
    for (const mail of mails) {
      expect(mail.raw).toContain("Content-Type: application/pdf");
      expect(mail.raw).toContain(`wochenbericht-`);
    }
    const limitedMail = mails.find((m) => m.to[0] === s.limited.email);
    const attachment = pdfAttachmentOf(limitedMail?.raw ?? "");
    const text = (await pdfLines(attachment)).join(" ");
    expect(text).toContain("Kulturamt");
    expect(text).not.toContain("Bauamt");
    const deliveries = await t.ctx.db
      .select({ email: weeklyReportDeliveries.email, week: weeklyReportDeliveries.week })
      .from(weeklyReportDeliveries)
      .where(eq(weeklyReportDeliveries.orgId, s.org.id));
    expect(deliveries).toEqual([
      { email: "sent", week: "2026-11-30" },
      { email: "sent", week: "2026-11-30" },
    ]);
  });

  it("without SMTP sends no e-mail but leaves the notification with its download link", async () => {
    const s = await scene();
    expect(t.ctx.mailer).toBeNull();
    const analyst = await buildMember(t.ctx, s.org.id, { roles: ["analyst"] });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    await admin.request("PUT", `/api/orgs/${s.org.id}/reports/weekly/settings`, {
      enabled: true,
      recipientUserIds: [s.admin.userId, analyst.userId],
    });
    // 06:30 on Monday in Berlin: not yet.
    const early = buildTestContext(t.database.db, { clock: () => new Date("2026-12-07T05:30:00Z") });
    expect(await sendWeeklyReports(early)).toMatchObject({ delivered: 0 });
    const before = smtp.received.length;
    expect(await sendWeeklyReports(t.ctx)).toMatchObject({ emailed: 0, failed: 0 });
    expect(smtp.received.length).toBe(before);
    const notes = await t.ctx.db
      .select({ kind: userNotifications.kind, reportWeek: userNotifications.reportWeek })
      .from(userNotifications)
      .where(and(eq(userNotifications.orgId, s.org.id), eq(userNotifications.userId, s.admin.userId)));
    expect(notes).toEqual([{ kind: "weekly_report", reportWeek: "2026-11-30" }]);
    const overview = (await admin.request("GET", `/api/orgs/${s.org.id}/overview`)).json();
    expect(overview.notifications.items).toEqual([
      expect.objectContaining({ kind: "weekly_report", reportWeek: "2026-11-30" }),
    ]);
    // An analyst has no inbox: the start page shows them the report's notification all the same.
    const analystSession = await signIn(t.app, analyst.email, analyst.password);
    const theirs = (await analystSession.request("GET", `/api/orgs/${s.org.id}/overview`)).json();
    expect(theirs.notifications.items).toEqual([expect.objectContaining({ kind: "weekly_report" })]);
    // Opening the week's PDF reads its notification (the analyst cannot mark anything read in an inbox they lack).
    const pdf = await analystSession.request("GET", `/api/orgs/${s.org.id}/reports/weekly.pdf?week=2026-11-30`);
    expect(pdf.statusCode).toBe(200);
    const after = (await analystSession.request("GET", `/api/orgs/${s.org.id}/overview`)).json();
    expect(after.notifications).toBeNull(); // the section shows only when a report is waiting
    // Only the reader's own: the administrator's notification of the week is still unread.
    expect((await admin.request("GET", `/api/orgs/${s.org.id}/overview`)).json().notifications.items).toHaveLength(1);
    const deliveries = await t.ctx.db
      .select({ email: weeklyReportDeliveries.email })
      .from(weeklyReportDeliveries)
      .where(eq(weeklyReportDeliveries.orgId, s.org.id));
    expect(deliveries).toEqual([{ email: "not_configured" }, { email: "not_configured" }]);
  });

  it("takes only members of the organisation as recipients", async () => {
    const s = await scene();
    const stranger = await buildMember(t.ctx, (await buildOrg(t.ctx)).id, { roles: ["administrator"] });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const refused = await admin.request("PUT", `/api/orgs/${s.org.id}/reports/weekly/settings`, {
      enabled: true,
      recipientUserIds: [stranger.userId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ problem: "not_a_member" });
    const view = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/weekly/settings`)).json();
    expect(view.members.map((m: { email: string }) => m.email).sort()).toEqual([s.admin.email, s.limited.email].sort());
  });

  it("offers and takes only members who may read reports (the job would skip the others without a word)", async () => {
    const s = await scene();
    const editor = await buildMember(t.ctx, s.org.id, { roles: ["editor"] });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const view = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/weekly/settings`)).json();
    expect(view.members.map((m: { email: string }) => m.email)).not.toContain(editor.email);
    const refused = await admin.request("PUT", `/api/orgs/${s.org.id}/reports/weekly/settings`, {
      enabled: true,
      recipientUserIds: [s.admin.userId, editor.userId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ problem: "may_not_read_reports", userId: editor.userId });
  });
});

/** The PDF attached to a raw MIME message (base64, as nodemailer writes it). */
function pdfAttachmentOf(raw: string): Uint8Array {
  const part = raw.split(/\r?\n--/).find((p) => p.includes("Content-Type: application/pdf"));
  const body =
    part
      ?.split(/\r?\n\r?\n/)
      .slice(1)
      .join("") ?? "";
  return new Uint8Array(Buffer.from(body.replace(/\s+/g, ""), "base64"));
}
