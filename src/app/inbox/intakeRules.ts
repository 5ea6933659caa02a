// The organisation's inbox rules as the intake needs them: business calendar, response-time targets,
// routing rules (in order, with their ids) and the inbox settings.
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboxSettings, organisations, responseTargets, routingRules } from "../../db/schema/index.js";
import type { IntakeRules } from "../../domain/conversationIntake.js";
import { AppError } from "../../domain/errors.js";
import type { ReplyApprovalMode } from "../../domain/replyApproval.js";
import { calendarOf } from "../../domain/slaClock.js";

export const DEFAULT_INBOX_SETTINGS = {
  autoAcknowledge: false,
  idleWarningDays: 7,
  repeatWindowDays: 14,
  replyApproval: "none" as ReplyApprovalMode,
  replyApprovalKeywords: [] as string[],
};

export async function inboxSettingsOf(tx: Db | Tx, orgId: string) {
  const [row] = await tx.select().from(inboxSettings).where(eq(inboxSettings.orgId, orgId));
  if (!row) return DEFAULT_INBOX_SETTINGS;
  const { autoAcknowledge, idleWarningDays, repeatWindowDays, replyApproval, replyApprovalKeywords } = row;
  return { autoAcknowledge, idleWarningDays, repeatWindowDays, replyApproval, replyApprovalKeywords };
}

export async function loadIntakeRules(tx: Db | Tx, orgId: string): Promise<IntakeRules & { ruleIds: string[]; autoAcknowledge: boolean; timeZone: string }> {
  const [org] = await tx
    .select({ timeZone: organisations.timeZone, state: organisations.state, officeSchedule: organisations.officeSchedule })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND");
  // One after another: a transaction's connection runs one statement at a time anyway.
  const rules = await tx.select().from(routingRules).where(eq(routingRules.orgId, orgId)).orderBy(asc(routingRules.position));
  const targets = await tx.select().from(responseTargets).where(eq(responseTargets.orgId, orgId));
  const settings = await inboxSettingsOf(tx, orgId);
  return {
    calendar: calendarOf(org),
    timeZone: org.timeZone,
    targets: targets.map((t) => ({ channelAccountId: t.channelAccountId, intent: t.intent, firstResponseMinutes: t.firstResponseMinutes, resolutionMinutes: t.resolutionMinutes })),
    routing: rules.map((r) => ({ name: r.name, channelAccountId: r.channelAccountId, keywords: r.keywords, intent: r.intent, departmentId: r.departmentId, assigneeUserId: r.assigneeUserId })),
    ruleIds: rules.map((r) => r.id),
    repeatWindowMs: settings.repeatWindowDays * 24 * 3_600_000,
    autoAcknowledge: settings.autoAcknowledge,
  };
}
