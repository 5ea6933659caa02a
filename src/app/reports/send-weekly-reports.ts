// The worker's Monday job: for every organisation that sends the weekly report, once its week is due
// (Monday 07:00 in the organisation's time zone, or later that week), each recipient gets it exactly once —
// the delivery row (unique per organisation, week and person) is claimed together with the in-app
// notification in one transaction, so a restart or a second worker never delivers twice. Then, where SMTP
// is configured, the PDF made as that recipient (their scope) goes out by e-mail; a failed e-mail is logged
// and not tried again (at most once: a mayor gets no duplicate reports). Without SMTP nothing is sent.
import { eq } from "drizzle-orm";
import {
  organisations,
  userNotifications,
  users,
  weeklyReportDeliveries,
  weeklyReportSettings,
} from "../../db/schema/index.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { type ReportWeek, dueReportWeek } from "../../domain/reports/reportWeek.js";
import { localClock, localDate } from "../../domain/zonedTime.js";
import { actorInOrganisation } from "../auth/actor-in-organisation.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { getWeeklyReportPdf } from "./get-weekly-report-pdf.js";
import { germanDate } from "./weeklyReportContent.js";

interface Recipient {
  userId: string;
  name: string;
  email: string;
}

export interface WeeklyReportRun {
  delivered: number;
  emailed: number;
  failed: number;
}

export async function sendWeeklyReports(ctx: AppContext): Promise<WeeklyReportRun> {
  const run: WeeklyReportRun = { delivered: 0, emailed: 0, failed: 0 };
  const orgs = await ctx.db
    .select({
      orgId: organisations.id,
      name: organisations.name,
      timeZone: organisations.timeZone,
      recipientUserIds: weeklyReportSettings.recipientUserIds,
    })
    .from(weeklyReportSettings)
    .innerJoin(organisations, eq(organisations.id, weeklyReportSettings.orgId))
    .where(eq(weeklyReportSettings.enabled, true));
  const now = ctx.clock();
  for (const org of orgs) {
    const week = dueReportWeek({ today: localDate(now, org.timeZone), clock: localClock(now, org.timeZone) });
    if (!week) continue;
    for (const userId of org.recipientUserIds) {
      const [person] = await ctx.db
        .select({ userId: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, userId));
      if (!person) continue;
      const actor = await actorInOrganisation(ctx, { userId, label: person.email, orgId: org.orgId });
      // Someone who left the organisation, or may no longer read reports, is skipped (and not recorded).
      if (!authorize({ actor, action: "reports.view", resource: inOrganisation(org.orgId), now }).allowed) continue;
      // One recipient's failure (a report that cannot be made) must not keep the others from theirs.
      try {
        await deliver(ctx, { org, week, person, actor }, run);
      } catch (error) {
        run.failed += 1;
        ctx.log.error({ orgId: org.orgId, userId, err: error }, "weekly report could not be delivered");
      }
    }
  }
  return run;
}

async function deliver(
  ctx: AppContext,
  args: { org: { orgId: string; name: string }; week: ReportWeek; person: Recipient; actor: OrgActor },
  run: WeeklyReportRun,
): Promise<void> {
  const { org, week, person } = args;
  const now = ctx.clock();
  const claimed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(weeklyReportDeliveries)
      .values({
        orgId: org.orgId,
        week: week.from,
        userId: person.userId,
        deliveredAt: now,
        email: ctx.mailer ? "pending" : "not_configured",
      })
      .onConflictDoNothing()
      .returning({ id: weeklyReportDeliveries.id });
    if (!row) return null;
    await tx.insert(userNotifications).values({
      orgId: org.orgId,
      userId: person.userId,
      kind: "weekly_report",
      reportWeek: week.from,
      actorLabel: "system",
      createdAt: now,
    });
    return row.id;
  });
  if (claimed === null) return;
  run.delivered += 1;
  const log = ctx.log.child({ orgId: org.orgId, userId: person.userId, week: week.from, deliveryId: claimed });
  log.info("weekly report delivered in-app");
  if (!ctx.mailer) return;
  let outcome: "sent" | "failed" = "sent";
  try {
    const file = await getWeeklyReportPdf(ctx, { actor: args.actor, orgId: org.orgId, query: { week: week.from } });
    await ctx.mailer.send({
      to: person.email,
      subject: `${org.name}: Stimmungsbericht vom ${germanDate(week.from, false)} bis ${germanDate(week.to)}`,
      text: [
        `Guten Tag ${person.name},`,
        "",
        `anbei der Stimmungsbericht von ${org.name} für die Woche vom ${germanDate(week.from, false)} bis ` +
          `${germanDate(week.to)}: wie viele Nachrichten eingingen, wie die Stimmung war und wie schnell ` +
          "geantwortet wurde.",
        "",
        `Sie finden ihn auch in draht: ${ctx.publicUrl}/o/${org.orgId}/reports/weekly?week=${week.from}`,
      ].join("\n"),
      attachments: [{ filename: file.fileName, content: file.body, contentType: file.contentType }],
    });
    run.emailed += 1;
  } catch (error) {
    outcome = "failed";
    run.failed += 1;
    // Mail errors carry the recipient's address in their text: only the codes go to the log.
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    log.error({ code, responseCode }, "weekly report e-mail failed");
  }
  await ctx.db.update(weeklyReportDeliveries).set({ email: outcome }).where(eq(weeklyReportDeliveries.id, claimed));
}
