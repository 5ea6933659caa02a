// Contract schemas of the organisation's inbox settings and the workload view: routing rules and response-time
// targets, the coverage plan with absences, and who carries how much (inboxSchemas.ts re-exports them).
import { z } from "zod";
import { COVERAGE_ROLES, ZCoveragePlan } from "../domain/coverage.js";
import { REPLY_APPROVAL_MODES } from "../domain/replyApproval.js";
import { ZResponseTargets } from "../domain/responseTargets.js";
import { ZRoutingRules } from "../domain/routing.js";
import { ZWeeklyWindow } from "../domain/schedule.js";
import { INTENTS } from "../text/analysis.js";
import { ZDay, ZId, ZTimestamp } from "./common.js";

const ZIntent = z.enum(INTENTS);

// ---- Requests ----

export const ZInboxRules = z.object({
  routing: ZRoutingRules,
  targets: ZResponseTargets,
  settings: z.object({
    autoAcknowledge: z.boolean(),
    /** Acknowledge on networks too (a reply others may see there); the website's is private anyway. */
    acknowledgeOnNetworks: z.boolean().default(false),
    idleWarningDays: z.number().int().min(1).max(90),
    repeatWindowDays: z.number().int().min(1).max(90),
    replyApproval: z.enum(REPLY_APPROVAL_MODES).default("none"),
    replyApprovalKeywords: z.array(z.string().trim().min(2).max(60)).max(100).default([]),
  }),
});

/** The coverage plan is replaced as a whole. */
export const ZCoverageUpdate = z.object({ plan: ZCoveragePlan });

// ---- Answers ----

const ZTarget = z.object({
  channelAccountId: ZId.nullable(),
  intent: ZIntent.nullable(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int().nullable(),
});

export const ZInboxRulesView = z
  .object({
    routing: z.array(
      z.object({
        id: ZId,
        name: z.string(),
        channelAccountId: ZId.nullable(),
        keywords: z.array(z.string()),
        intent: ZIntent.nullable(),
        departmentId: ZId.nullable(),
        assigneeUserId: ZId.nullable(),
      }),
    ),
    targets: z.array(ZTarget),
    /** What applies where no target matches. */
    defaultTarget: ZTarget,
    settings: z.object({
      autoAcknowledge: z.boolean(),
      /** Acknowledge on networks too; off by default (the website's acknowledgement is private anyway). */
      acknowledgeOnNetworks: z.boolean(),
      idleWarningDays: z.number().int(),
      repeatWindowDays: z.number().int(),
      replyApproval: z.enum(REPLY_APPROVAL_MODES),
      replyApprovalKeywords: z.array(z.string()),
    }),
  })
  .meta({ id: "InboxRules" });

export const ZCoverageView = z
  .object({
    plan: z.array(
      z.object({
        channelAccountId: ZId,
        userId: ZId,
        userName: z.string(),
        role: z.enum(COVERAGE_ROLES),
        /** null = at any time. */
        window: ZWeeklyWindow.nullable(),
      }),
    ),
    absences: z.array(
      z.object({ id: ZId, userId: ZId, userName: z.string(), startsOn: ZDay, endsOn: ZDay, note: z.string() }),
    ),
  })
  .meta({ id: "Coverage" });

const ZLoad = z.object({
  active: z.number().int(),
  overdue: z.number().int(),
  questions: z.number().int(),
  oldestWaitingSince: ZTimestamp.nullable(),
});

export const ZWorkload = z
  .object({
    /** Per person; userId null = not assigned. */
    people: z.array(ZLoad.extend({ userId: ZId.nullable(), name: z.string().nullable() })),
    departments: z.array(ZLoad.extend({ departmentId: ZId.nullable(), name: z.string().nullable() })),
    idleWarningDays: z.number().int(),
    channels: z.array(
      z.object({
        channelAccountId: ZId,
        name: z.string(),
        network: z.string(),
        /** What has been missing for longer than idleWarningDays. */
        idle: z.enum(["posts", "answers"]).nullable(),
        lastPostAt: ZTimestamp.nullable(),
        lastAnswerAt: ZTimestamp.nullable(),
        lastCitizenMessageAt: ZTimestamp.nullable(),
      }),
    ),
  })
  .meta({ id: "Workload" });
