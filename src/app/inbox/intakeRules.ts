// The organisation's inbox rules as the intake needs them: business calendar, response-time targets,
// routing rules (in order, with their ids) and the inbox settings.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboxSettings } from "../../db/schema/index.js";
import type { IntakeRules } from "../../domain/conversationIntake.js";
import { AppError } from "../../domain/errors.js";
import type { ReplyApprovalMode } from "../../domain/replyApproval.js";
import { type TOfficeSchedule, calendarOf } from "../../domain/slaClock.js";
import type { Intent } from "../../text/analysis.js";
import { rowsOf } from "../../db/queries/rows.js";

export const DEFAULT_INBOX_SETTINGS = {
  autoAcknowledge: false,
  acknowledgeOnNetworks: false,
  idleWarningDays: 7,
  repeatWindowDays: 14,
  replyApproval: "none" as ReplyApprovalMode,
  replyApprovalKeywords: [] as string[],
};

export async function inboxSettingsOf(tx: Db | Tx, orgId: string) {
  const [row] = await tx.select().from(inboxSettings).where(eq(inboxSettings.orgId, orgId));
  if (!row) return DEFAULT_INBOX_SETTINGS;
  const { autoAcknowledge, acknowledgeOnNetworks, idleWarningDays, repeatWindowDays } = row;
  return {
    autoAcknowledge,
    acknowledgeOnNetworks,
    idleWarningDays,
    repeatWindowDays,
    replyApproval: row.replyApproval,
    replyApprovalKeywords: row.replyApprovalKeywords,
  };
}

interface RulesRecord {
  time_zone: string;
  state: string;
  office_schedule: TOfficeSchedule | null;
  rules: {
    id: string;
    name: string;
    channel_account_id: string | null;
    keywords: string[];
    intent: Intent | null;
    department_id: string | null;
    assignee_user_id: string | null;
  }[];
  targets: {
    channel_account_id: string | null;
    intent: Intent | null;
    first_response_minutes: number;
    resolution_minutes: number | null;
  }[];
  settings: { auto_acknowledge: boolean; acknowledge_on_networks: boolean; repeat_window_days: number } | null;
}

/** One statement (every citizen message runs it): the organisation's calendar, rules, targets and settings. */
export async function loadIntakeRules(
  tx: Db | Tx,
  orgId: string,
): Promise<
  IntakeRules & { ruleIds: string[]; autoAcknowledge: boolean; acknowledgeOnNetworks: boolean; timeZone: string }
> {
  const [row] = rowsOf<RulesRecord>(
    await tx.execute(sql`
      select o.time_zone, o.state, o.office_schedule,
             coalesce((select jsonb_agg(to_jsonb(r) order by r.position) from routing_rules r where r.org_id = o.id), '[]'::jsonb) as rules,
             coalesce((select jsonb_agg(to_jsonb(t)) from response_targets t where t.org_id = o.id), '[]'::jsonb) as targets,
             (select to_jsonb(s) from inbox_settings s where s.org_id = o.id) as settings
        from organisations o
       where o.id = ${orgId}::uuid`),
  );
  if (!row) throw new AppError("NOT_FOUND");
  const settings = row.settings ?? {
    auto_acknowledge: DEFAULT_INBOX_SETTINGS.autoAcknowledge,
    acknowledge_on_networks: DEFAULT_INBOX_SETTINGS.acknowledgeOnNetworks,
    repeat_window_days: DEFAULT_INBOX_SETTINGS.repeatWindowDays,
  };
  return {
    calendar: calendarOf({ timeZone: row.time_zone, state: row.state, officeSchedule: row.office_schedule }),
    timeZone: row.time_zone,
    targets: row.targets.map((t) => ({
      channelAccountId: t.channel_account_id,
      intent: t.intent,
      firstResponseMinutes: t.first_response_minutes,
      resolutionMinutes: t.resolution_minutes,
    })),
    routing: row.rules.map((r) => ({
      name: r.name,
      channelAccountId: r.channel_account_id,
      keywords: r.keywords,
      intent: r.intent,
      departmentId: r.department_id,
      assigneeUserId: r.assignee_user_id,
    })),
    ruleIds: row.rules.map((r) => r.id),
    repeatWindowMs: settings.repeat_window_days * 24 * 3_600_000,
    autoAcknowledge: settings.auto_acknowledge,
    acknowledgeOnNetworks: settings.acknowledge_on_networks,
  };
}
