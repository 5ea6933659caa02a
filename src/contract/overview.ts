// Contract of the start page (Übersicht): what needs the signed-in person now, per section, each only where
// their role and scope allow (null: the section is not theirs); and the small counts behind the navigation's badges.
import { z } from "zod";
import { NOTIFICATION_KINDS, ZNotificationFeed } from "./inboxSchemas.js";
import { ZDay, ZId, ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

const ZCount = z.number().int().min(0);

/** A conversation waiting for an answer that is overdue or due soon. */
export const ZDueConversation = z.object({
  id: ZId,
  citizenName: z.string(),
  channelName: z.string(),
  network: z.string(),
  departmentName: z.string().nullable(),
  responseDueAt: ZTimestamp,
  overdue: z.boolean(),
});

/**
 * Conversations waiting for an answer: how many wait, how many of them are overdue and due soon, and the overdue
 * and soon-due ones, the most pressing first (overdue, then by due time).
 */
export const ZDueConversations = z.object({
  /** All that wait for an answer (new or open), the overdue and due soon among them. */
  waiting: ZCount,
  overdue: ZCount,
  dueSoon: ZCount,
  items: z.array(ZDueConversation),
});

export const ZPostAwaitingApproval = z.object({
  id: ZId,
  title: z.string(),
  excerpt: z.string(),
  authorName: z.string(),
  submittedAt: ZTimestamp.nullable(),
  scheduledAt: ZTimestamp.nullable(),
  /** The step this person would take (1-based) of how many. */
  step: z.number().int().min(1),
  steps: z.number().int().min(1),
});

export const ZReplyAwaitingApproval = z.object({
  id: ZId,
  conversationId: ZId,
  citizenName: z.string(),
  authorName: z.string().nullable(),
  excerpt: z.string(),
  createdAt: ZTimestamp,
});

export const ZModerationItem = z.object({
  id: ZId,
  threat: z.boolean(),
  /** 4 threat, 3 appeal, 2 hidden by the pipeline, 1 held, 0 reported or flagged only. */
  priority: z.number().int(),
  channelName: z.string(),
  authorName: z.string(),
  excerpt: z.string(),
  openedAt: ZTimestamp,
});

export const ZAlertItem = z.object({
  id: ZId,
  channelName: z.string(),
  windowStart: ZTimestamp,
  offensive: ZCount,
  total: ZCount,
});

export const CHANNEL_PROBLEMS = ["needs_reconnect", "warning", "idle_posts", "idle_answers"] as const;
export const ZChannelProblem = z.object({
  channelAccountId: ZId,
  name: z.string(),
  network: z.string(),
  problem: z.enum(CHANNEL_PROBLEMS),
});

export const ZOverviewNotification = z.object({
  id: ZId,
  kind: z.enum(NOTIFICATION_KINDS),
  conversationId: ZId.nullable(),
  moderationCaseId: ZId.nullable(),
  /** For the weekly report: the Monday of its week (the download link). */
  reportWeek: ZDay.nullable(),
  /** For a mention in an article's comment or an article's review reminder: the article to open. */
  knowledgeArticleId: ZId.nullable(),
  /** For a newer version of a shared item this organisation adopted: the item to compare and adopt again. */
  sharedItemId: ZId.nullable(),
  feed: ZNotificationFeed.nullable(),
  citizenName: z.string().nullable(),
  actorLabel: z.string(),
  createdAt: ZTimestamp,
});

const section = <T extends z.ZodType>(item: T) => z.object({ count: ZCount, items: z.array(item) });

export const ZOverview = z
  .object({
    /** The server's clock. */
    now: ZTimestamp,
    /** Assigned to me. */
    mine: ZDueConversations.nullable(),
    /**
     * Of my departments ("departments", a person limited to departments) or of the whole organisation as far as
     * my grant reaches ("organisation").
     */
    team: ZDueConversations.extend({ scope: z.enum(["departments", "organisation"]) }).nullable(),
    postApprovals: section(ZPostAwaitingApproval).nullable(),
    replyApprovals: section(ZReplyAwaitingApproval).nullable(),
    moderation: section(ZModerationItem).extend({ threats: ZCount }).nullable(),
    alerts: section(ZAlertItem).nullable(),
    channels: section(ZChannelProblem).extend({ idleWarningDays: z.number().int() }).nullable(),
    guideline: z
      .object({
        id: ZId,
        title: z.string(),
        version: z.number().int(),
        acknowledged: z.boolean(),
        /** Only for those who manage guidelines: when the version in force is due for review. */
        review: z.object({ state: z.enum(["current", "due_soon", "overdue"]), reviewBy: ZDay }).nullable(),
      })
      .nullable(),
    notifications: section(ZOverviewNotification).nullable(),
  })
  .meta({ id: "Overview" });
export type TOverview = z.output<typeof ZOverview>;

/** What the navigation shows next to an area; null where the area is not the person's. */
export const ZOverviewCounts = z
  .object({
    /** Overdue conversations within the person's reach. */
    inboxOverdue: ZCount.nullable(),
    /** Open moderation cases, and how many of them are threats. */
    moderationOpen: ZCount.nullable(),
    moderationThreats: ZCount.nullable(),
    /** Posts this person may approve now. */
    postApprovals: ZCount.nullable(),
  })
  .meta({ id: "OverviewCounts" });
export type TOverviewCounts = z.output<typeof ZOverviewCounts>;

const tag = "Overview";

export const overviewContract = {
  "GET /api/orgs/:orgId/overview": {
    tag,
    summary: "The start page: what needs the signed-in person now, within their role and scope",
    params: ZOrgParams,
    responses: { 200: ZOverview },
  },
  "GET /api/orgs/:orgId/overview/counts": {
    tag,
    summary: "The counts next to the navigation's areas (overdue, open cases, posts to approve)",
    params: ZOrgParams,
    responses: { 200: ZOverviewCounts },
  },
} as const satisfies ContractGroup;
