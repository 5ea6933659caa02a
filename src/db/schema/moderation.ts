// Moderation: the organisation's settings, cases (one per inbound message that needs a moderator's
// decision) with their decision history, evidence packages (append-only: kept even when the message is
// deleted on the channel), threat labels (the organisation's labelled examples) and shitstorm alerts.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TCaseStatus, TModerationAction } from "../../domain/moderation/decisions.js";
import type { EvidenceContent } from "../../domain/moderation/evidence.js";
import type { TModerationTrail, TPipelineStatus } from "../../domain/moderation/pipeline.js";
import type { TModerationSettings } from "../../domain/moderation/settings.js";
import type { TThreatLabel } from "../../domain/moderation/threatLabels.js";
import { channelAccounts } from "./channels.js";
import { conversations } from "./conversations.js";
import { inboundMessages } from "./inbox.js";
import { netiquettes } from "./netiquette.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const moderationSettings = pgTable("moderation_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  settings: jsonb("settings").$type<TModerationSettings>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

export const moderationCases = pgTable(
  "moderation_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    inboundMessageId: uuid("inbound_message_id")
      .notNull()
      .references(() => inboundMessages.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    conversationId: uuid("conversation_id").references(() => conversations.id),
    status: text("status").$type<TCaseStatus>().notNull(),
    /** 4 threat, 3 appeal, 2 hidden by the pipeline, 1 held, 0 reported or flagged only. */
    priority: integer("priority").notNull(),
    /** What the pipeline decided, with its trail. */
    pipelineStatus: text("pipeline_status").$type<TPipelineStatus>().notNull(),
    pipelineReason: text("pipeline_reason"),
    pipelineClause: integer("pipeline_clause"),
    trail: jsonb("trail").$type<TModerationTrail>().notNull(),
    threat: boolean("threat").notNull().default(false),
    offense: real("offense").notNull().default(0),
    /** The latest decision (the history is in moderation_decisions). */
    action: text("action").$type<TModerationAction>(),
    clause: integer("clause"),
    netiquetteId: uuid("netiquette_id").references(() => netiquettes.id),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** A second moderator's review of the latest decision. */
    review: text("review").$type<"confirmed" | "overturned">(),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("moderation_cases_message_unique").on(t.inboundMessageId),
    index("moderation_cases_queue_idx")
      .on(t.orgId, t.priority, t.openedAt)
      .where(sql`${t.status} <> 'decided'`),
    index("moderation_cases_org_decided_idx").on(t.orgId, t.decidedAt),
    // The moderation report: cases opened in a period (threats).
    index("moderation_cases_org_opened_idx").on(t.orgId, t.openedAt),
  ],
);

export const moderationDecisions = pgTable(
  "moderation_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id),
    /**
     * "edit": the author changed the message on the network (reason holds the text before); "filter": the
     * pipeline's hiding carried out on the network, provisionally, until a person decides.
     */
    kind: text("kind").$type<"decision" | "review" | "appeal" | "report" | "edit" | "filter">().notNull(),
    action: text("action"),
    clause: integer("clause"),
    reason: text("reason").notNull(),
    /** What the channel did with a channel action: done, unsupported, failed (with the network's message). */
    channelOutcome: text("channel_outcome"),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("moderation_decisions_case_idx").on(t.caseId, t.at),
    // The moderation report and the transparency page: an organisation's decisions and objections of a period.
    index("moderation_decisions_org_at_idx").on(t.orgId, t.at),
    // The filter's hiding on the network is recorded once per case and action: a repeat (a second round
    // or worker at the same time) finds it taken and does not ask the network again.
    uniqueIndex("moderation_decisions_filter_once")
      .on(t.caseId, t.action)
      .where(sql`${t.kind} = 'filter'`),
  ],
);

export const evidencePackages = pgTable(
  "evidence_packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id),
    content: jsonb("content").$type<EvidenceContent>().notNull(),
    sha256: text("sha256").notNull(),
    securedAt: timestamp("secured_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("evidence_packages_case_idx").on(t.caseId),
    // The moderation report: packages secured in a period.
    index("evidence_packages_org_secured_idx").on(t.orgId, t.securedAt),
  ],
);

/**
 * A moderator's word on whether a case's message is a threat: a labelled example of the organisation, with the
 * text and the analyser's verdict as they were when the case was decided. One per case (a later decision
 * replaces it; a review that overturns the decision leaves it). Private to the organisation: nothing is sent
 * anywhere; the operator exports them with `draht export-decisions`.
 */
export const threatLabels = pgTable(
  "threat_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id),
    /** The message's text as the analyser scored it. */
    text: text("text").notNull(),
    label: text("label").$type<TThreatLabel>().notNull(),
    /** The analyser's name and version, and its threat score, at the time (null: the message was not analysed). */
    analyser: text("analyser"),
    threatScore: real("threat_score"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("threat_labels_case_unique").on(t.caseId),
    // The export reads an organisation's labels in this order, optionally from a date on.
    index("threat_labels_org_decided_idx").on(t.orgId, t.decidedAt, t.id),
    check("threat_labels_label_check", sql`${t.label} in ('threat', 'not_threat')`),
  ],
);

export const moderationAlerts = pgTable(
  "moderation_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    /** The post under which the storm rages, when it is one post ("" for the whole account). */
    threadExternalId: text("thread_external_id").notNull().default(""),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    offensive: integer("offensive").notNull(),
    total: integer("total").notNull(),
    baselineMedian: real("baseline_median").notNull(),
    baselineMad: real("baseline_mad").notNull(),
    score: real("score").notNull(),
    status: text("status").$type<"open" | "acknowledged">().notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("moderation_alerts_window_unique").on(t.channelAccountId, t.threadExternalId, t.windowStart),
    // Open alerts of an organisation (moderation queue, start page).
    index("moderation_alerts_open_idx")
      .on(t.orgId, t.createdAt)
      .where(sql`${t.status} = 'open'`),
    // The moderation report: every alert of a period, open or acknowledged.
    index("moderation_alerts_org_created_idx").on(t.orgId, t.createdAt),
  ],
);
