// Shapes of the inbox: the filters and inputs staff send, and the conversations, messages, replies,
// rules, coverage, workload and notifications the API answers with.
import { z } from "zod";
import { CONVERSATION_STATUSES } from "../domain/conversationLifecycle.js";
import { INBOUND_KINDS, INBOUND_VISIBILITIES } from "../domain/inbound.js";
import { FEED_PROBLEMS } from "../domain/knowledge/feedProblems.js";
import { REPLY_DELIVERY_STATUSES } from "../domain/replyDelivery.js";
import { PLACEHOLDERS } from "../domain/replyTemplates.js";
import { INTENTS } from "../text/analysis.js";
import { ZDay, ZId, ZTimestamp } from "./common.js";

export { ZCoverageUpdate, ZCoverageView, ZInboxRules, ZInboxRulesView, ZWorkload } from "./inboxSettingsSchemas.js";

// ---- Requests ----

/** "true"/"false" in a query; a value parsed before (a boolean) stays as it is. */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

export const ZConversationFilter = z.object({
  /** "active" = new and open (the default working view); "all" = every status. */
  status: z.enum(["active", "all", ...CONVERSATION_STATUSES]).default("active"),
  channelAccountId: z.uuid().optional(),
  departmentId: z.union([z.uuid(), z.literal("none")]).optional(),
  assignee: z.union([z.uuid(), z.enum(["me", "none"])]).optional(),
  intent: z.enum(INTENTS).optional(),
  /** Waiting for an answer (a due time is set): the start page's "warten auf Antwort". */
  waiting: flag.optional(),
  overdue: flag.optional(),
  /** Not overdue yet, but due within the reminder's half hour (responseTargets.answerDueState). */
  dueSoon: flag.optional(),
  sentiment: z.enum(["negative", "neutral", "positive"]).optional(),
  flagged: flag.optional(),
  askedAgain: flag.optional(),
  /** Part of the citizen's name. */
  citizen: z.string().trim().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TConversationFilter = z.infer<typeof ZConversationFilter>;

export const ZAssignment = z
  .object({
    conversationIds: z.array(z.uuid()).min(1).max(500),
    /** Omitted: unchanged; null: no department. */
    departmentId: z.uuid().nullable().optional(),
    /** Omitted: unchanged; null: nobody. */
    assigneeUserId: z.uuid().nullable().optional(),
  })
  .refine((a) => a.departmentId !== undefined || a.assigneeUserId !== undefined, {
    message: "name a department or a person",
    path: ["assigneeUserId"],
  });

export const ZStatusChange = z.object({
  conversationIds: z.array(z.uuid()).min(1).max(500),
  event: z.enum(["closed", "reopened", "staff_viewed"]),
});

export const ZReply = z.object({
  text: z.string().trim().min(1).max(5000),
  /** The template the text started from (for statistics); the text itself is what is sent. */
  templateId: z.uuid().nullable().default(null),
  /** The citizen message answered; default: the latest one. */
  inReplyToMessageId: z.uuid().optional(),
  /** Files of the media library sent with the answer, in order (channels whose connector takes them). */
  mediaIds: z.array(z.uuid()).max(10).default([]),
  /** Knowledge articles the answer drew on (inserted from the suggestions): counted as their use. */
  articleIds: z.array(z.uuid()).max(10).default([]),
  /**
   * Send the network's approved message template instead (WhatsApp outside the 24-hour window): its name, language
   * and the texts for its placeholders in order. The stored text is then the template's body filled in.
   */
  template: z
    .object({
      name: z.string().min(1).max(512),
      language: z.string().min(1).max(20),
      parameters: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
    })
    .optional(),
});

/** A message template the network approved (WhatsApp), offered where free answers are not allowed. */
export const ZMessageTemplate = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  body: z.string(),
  parameters: z.number().int().min(0),
});
export const ZMessageTemplates = z.object({ templates: z.array(ZMessageTemplate) });
export type TMessageTemplate = z.infer<typeof ZMessageTemplate>;

export const ZReplyDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approved") }),
  z.object({ decision: z.literal("returned"), comment: z.string().trim().min(1).max(2000) }),
]);

export const ZNote = z.object({
  text: z.string().trim().min(1).max(5000),
  mentionedUserIds: z.array(z.uuid()).max(20).default([]),
});

export const ZPresence = z.object({ state: z.enum(["viewing", "replying", "left"]) });

export const ZMarkRead = z.object({ ids: z.array(z.uuid()).min(1).max(100) });

/** A stream ends after this long (the browser reconnects at once, and the session is checked again). */
export const ZStreamQuery = z.object({ lifetime: z.coerce.number().int().min(0).max(600).default(600) });

// ---- Answers ----

const ZIntent = z.enum(INTENTS);

export const ZConversationSummary = z
  .object({
    id: ZId,
    channelAccountId: ZId,
    channelName: z.string(),
    network: z.string(),
    threadKey: z.string(),
    citizenHandle: z.string(),
    citizenName: z.string(),
    status: z.enum(CONVERSATION_STATUSES),
    departmentId: ZId.nullable(),
    departmentName: z.string().nullable(),
    assigneeUserId: ZId.nullable(),
    intent: ZIntent,
    /** -1 (negative) … 1 (positive). */
    sentiment: z.number(),
    flagged: z.boolean(),
    /** The citizen asked a similar question again without an answer. */
    askedAgain: z.boolean(),
    priority: z.number().int(),
    overdue: z.boolean(),
    dueSoon: z.boolean(),
    escalationLevel: z.number().int(),
    waitingSince: ZTimestamp.nullable(),
    responseDueAt: ZTimestamp.nullable(),
    resolutionDueAt: ZTimestamp.nullable(),
    firstMessageAt: ZTimestamp,
    lastMessageAt: ZTimestamp,
    firstResponseAt: ZTimestamp.nullable(),
    /** Business time until the first answer. */
    firstResponseBusinessMs: z.number().nullable(),
    lastResponseAt: ZTimestamp.nullable(),
    closedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "ConversationSummary" });

export const ZConversationListItem = ZConversationSummary.extend({
  assigneeName: z.string().nullable(),
  /** The start of the latest citizen message. */
  preview: z.string(),
}).meta({ id: "ConversationListItem" });

const ZReplyStatus = z.enum(["in_review", "returned", "queued", "sending", "sent", "failed"]);

export const ZConversationDetail = z
  .object({
    conversation: ZConversationSummary.extend({
      remainingBusinessMs: z.number().nullable(),
      /**
       * Where the network allows free answers only within 24 hours of the citizen's last message (WhatsApp,
       * Messenger and Instagram direct messages): when that ends and whether it is still open; null elsewhere.
       */
      answerWindow: z.object({ closesAt: ZTimestamp, open: z.boolean() }).nullable(),
      /**
       * Files of the media library an answer may carry on this channel: how many, whether videos go alone, and the
       * shorter text beside a file where the network has one (WhatsApp's caption); null: answers are text only.
       */
      replyMedia: z
        .object({
          maxMedia: z.number().int().min(1),
          /** The most bytes the files may have together (e-mail); null: as the media library took each. */
          maxTotalBytes: z.number().int().nullable(),
          videos: z.enum(["none", "alone", "mixed"]),
          maxLengthWithMedia: z.number().int().nullable(),
        })
        .nullable(),
    }),
    messages: z.array(
      z.object({
        id: ZId,
        externalId: z.string(),
        kind: z.enum(INBOUND_KINDS),
        authorName: z.string(),
        text: z.string(),
        visibility: z.enum(INBOUND_VISIBILITIES),
        intent: ZIntent,
        sentiment: z.number(),
        flagged: z.boolean(),
        /** The text analysis at ingestion (intent, scores, labels, …), with the reasons a person can read. */
        analysis: z
          .object({ reasons: z.array(z.string()).optional() })
          .catchall(z.unknown())
          .nullable(),
        media: z.array(
          z.object({
            kind: z.enum(["image", "video", "audio", "file"]),
            url: z.string().nullable(),
            altText: z.string().nullable(),
          }),
        ),
        receivedAt: ZTimestamp,
        /** Set when the citizen changed the text on the network. */
        editedAt: ZTimestamp.nullable(),
        /** The earlier versions, oldest first. */
        earlierVersions: z.array(z.object({ text: z.string(), replacedAt: ZTimestamp })),
        /** Files the citizen sent with it, kept by draht (…/attachments/:attachmentId is the download). */
        attachments: z.array(
          z.object({
            id: ZId,
            fileName: z.string(),
            /** Detected from the content. */
            mimeType: z.string(),
            byteSize: z.number().int(),
          }),
        ),
        /** Files it came with that were beyond draht's limits: they stay on the network (in the mailbox). */
        attachmentsNotKept: z.number().int(),
        /** The message on its network, where it has an address there. */
        url: z.string().nullable(),
      }),
    ),
    replies: z.array(
      z.object({
        id: ZId,
        text: z.string(),
        status: ZReplyStatus,
        error: z.string().nullable(),
        automatic: z.boolean(),
        authorName: z.string().nullable(),
        authorUserId: ZId.nullable(),
        reviewComment: z.string().nullable(),
        inReplyToExternalId: z.string(),
        createdAt: ZTimestamp,
        sentAt: ZTimestamp.nullable(),
        /** What the network reported about the sent reply (WhatsApp: delivered, read, not deliverable). */
        deliveryStatus: z.enum(REPLY_DELIVERY_STATUSES).nullable(),
        deliveryStatusAt: ZTimestamp.nullable(),
        /** Files of the media library sent with it, in order. */
        media: z.array(
          z.object({ id: ZId, kind: z.enum(["image", "video"]), fileName: z.string(), altText: z.string().nullable() }),
        ),
      }),
    ),
    notes: z.array(
      z.object({
        id: ZId,
        text: z.string(),
        authorName: z.string().nullable(),
        mentionedUserIds: z.array(ZId),
        createdAt: ZTimestamp,
      }),
    ),
    /** The citizen's earlier conversations on the same account. */
    history: z.array(
      z.object({
        id: ZId,
        threadKey: z.string(),
        status: z.enum(CONVERSATION_STATUSES),
        intent: ZIntent,
        lastMessageAt: ZTimestamp,
      }),
    ),
  })
  .meta({ id: "ConversationDetail" });

export const ZReplyOutcome = z.object({ id: ZId, status: ZReplyStatus });

export const ZReplyTemplateView = z
  .object({
    id: ZId,
    title: z.string(),
    body: z.string(),
    departmentId: ZId.nullable(),
    tags: z.array(z.string()),
    /** The knowledge article the template cites. */
    articleId: ZId.nullable(),
    /**
     * Adopted from another organisation's shared collection ("installation": a shared item) or from another
     * installation's feed ("feed": a feed item): the item and whose it is.
     */
    origin: z.object({ itemId: ZId, publisherName: z.string(), via: z.enum(["installation", "feed"]) }).nullable(),
    updatedAt: ZTimestamp,
  })
  .meta({ id: "ReplyTemplate" });

export const NOTIFICATION_KINDS = [
  "mention",
  "assigned",
  "due_soon",
  "reminder",
  "escalation",
  "idle_channel",
  "threat",
  "shitstorm",
  "moderation_escalation",
  "channel_health",
  "weekly_report",
  "article_mention",
  "article_review",
  "shared_item_changed",
  "feed_item_changed",
  "feed_refused",
  "approval_waiting",
] as const;

/**
 * For a notice about a subscribed feed of another installation: the feed (its title as last verified) and, for a
 * newer version of an adopted item, the item to compare and adopt again; for a refused fetch, why it was refused.
 */
export const ZNotificationFeed = z.object({
  id: ZId,
  title: z.string(),
  itemId: ZId.nullable(),
  problem: z.enum(FEED_PROBLEMS).nullable(),
});

export const ZNotification = z
  .object({
    id: ZId,
    kind: z.enum(NOTIFICATION_KINDS),
    conversationId: ZId.nullable(),
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
  })
  .meta({ id: "Notification" });

/** The live inbox's events (server-sent events of GET …/inbox/events; `data` is this JSON). */
export const ZInboxEvent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("conversations"), orgId: z.uuid(), conversationIds: z.array(z.uuid()) }),
  z.object({
    kind: z.literal("presence"),
    orgId: z.uuid(),
    conversationId: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    state: z.enum(["viewing", "replying", "left"]),
  }),
]);
export type TInboxEvent = z.infer<typeof ZInboxEvent>;

export const ZTemplateList = z.object({
  templates: z.array(ZReplyTemplateView),
  /** The placeholders a template may use, e.g. {{name}}. */
  placeholders: z.array(z.enum(PLACEHOLDERS)),
});
