// The weekly Stimmungsbericht of one week as a PDF, for whoever asks: the Stimmung, Themen and Antwortzeiten reports
// run with the viewer's own actor, so a person limited to departments or channel accounts gets only those.
import { and, eq, isNull } from "drizzle-orm";
import { organisations, userNotifications } from "../../db/schema/index.js";
import { ZWeeklyReportQuery } from "../../contract/weeklyReport.js";
import { AppError } from "../../domain/errors.js";
import { type ReportWeek, lastCompletedWeek, weekOf } from "../../domain/reports/reportWeek.js";
import { localDate } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { getMoodReport } from "./get-mood-report.js";
import { getResponseReport } from "./get-response-report.js";
import { getTopicsReport } from "./get-topics-report.js";
import { weeklyReportContent } from "./weeklyReportContent.js";
import { weeklyReportPdf } from "./weeklyReportPdf.js";

export interface WeeklyReportFile {
  week: ReportWeek;
  fileName: string;
  contentType: "application/pdf";
  body: Uint8Array;
}

export async function getWeeklyReportPdf(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: unknown },
): Promise<WeeklyReportFile> {
  const query = ZWeeklyReportQuery.parse(options.query);
  const [org] = await ctx.db
    .select({ name: organisations.name, slug: organisations.slug, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const week = query.week ? weekOf(query.week) : lastCompletedWeek(localDate(ctx.clock(), org.timeZone));
  // Each report asks the policy (reports.view) and narrows to the viewer's departments and channel accounts.
  const period = { from: week.from, to: week.to };
  const [mood, responses, topics] = await Promise.all([
    getMoodReport(ctx, { actor: options.actor, orgId: options.orgId, query: period }),
    getResponseReport(ctx, { actor: options.actor, orgId: options.orgId, query: period, withoutPostChoices: true }),
    getTopicsReport(ctx, { actor: options.actor, orgId: options.orgId, query: period, forExport: true }),
  ]);
  const content = weeklyReportContent({
    organisation: org.name,
    timeZone: org.timeZone,
    week,
    mood,
    responses,
    topics,
  });
  const body = await weeklyReportPdf(content, { createdAt: ctx.clock() });
  // The notice that the week's report is ready has been read once its reader opened it (people without the
  // inbox have no other way to mark it read).
  await ctx.db
    .update(userNotifications)
    .set({ readAt: ctx.clock() })
    .where(
      and(
        eq(userNotifications.orgId, options.orgId),
        eq(userNotifications.userId, options.actor.userId ?? ""),
        eq(userNotifications.kind, "weekly_report"),
        eq(userNotifications.reportWeek, week.from),
        isNull(userNotifications.readAt),
      ),
    );
  return {
    week,
    fileName: `wochenbericht-${org.slug}-${week.from}.pdf`,
    contentType: "application/pdf",
    body,
  };
}
