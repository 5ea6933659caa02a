// Every code the server hands to people's screens or documents: audit events, what the audit trail's events
// are about, the text analysis' labels and scores, and the moderation's phases, outcomes and reasons. The
// lists are the registry (like errors.ts for error codes): emitters are typed by them, and every code has
// words in German and English (words/de.ts, words/en.ts; test: words/words.test.ts). No imports of values:
// the web app uses this module too.
import type { LexiconList } from "../../text/lexicon.js";
import type { ThreatKind } from "../../text/threat/threat.js";
import { GROUP_HATE_CUES } from "../../text/hate/groupHateCues.js";
import { CONSTRUCTION_NAMES as CONSTRUCTION_LIST, TARGET_NAMES as TARGET_LIST } from "../../text/threat/threatCues.js";
import { VIOLENCE_CONCEPTS as VIOLENCE_CONCEPT_LIST } from "../../text/threat/violenceLexicon.js";
import type { TInboundKind } from "../inbound.js";
import type { Network } from "../networks.js";

/** The networks and kinds of inbound messages (copies of domain/networks.ts and domain/inbound.ts, which need zod). */
export const NETWORKS_LIST = [
  "website",
  "sandbox",
  "mastodon",
  "bluesky",
  "email",
  "telegram",
  "whatsapp",
  "instagram",
  "x",
  "facebook",
] as const satisfies readonly Network[];
export const INBOUND_KINDS_LIST = ["comment", "reply", "mention", "direct"] as const satisfies readonly TInboundKind[];

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.logout_everywhere",
  "auth.locked",
  "auth.password_changed",
  "auth.password_reset",
  "org.created",
  "organisation.updated",
  "organisation.office_schedule.updated",
  "department.created",
  "department.updated",
  "department.deleted",
  "member.added",
  "member.invited",
  "member.invitation_revoked",
  "member.invitation_declined",
  "member.updated",
  "member.removed",
  "channel_account.created",
  "channel_account.updated",
  "channel_account.connected",
  "channel_account.disconnected",
  "channel_account.webhook_set_up",
  "channel_account.webhook_removed",
  "channel_network.enabled",
  "channel_network.disabled",
  "guideline.version_created",
  "guideline.activated",
  "guideline.acknowledged",
  "guideline.review_due",
  "guideline.review_overdue",
  "campaign.created",
  "campaign.updated",
  "media.uploaded",
  "media.updated",
  "post.created",
  "post.submitted",
  "post.approved",
  "post.changes_requested",
  "post.rejected",
  "post.withdrawn",
  "post.rescheduled",
  "post.published",
  "post.publish_failed",
  "post.retried",
  "post.retracted",
  "conversation.assigned",
  "conversation.closed",
  "conversation.reopened",
  "conversation.staff_viewed",
  "conversation.note_added",
  "conversation.replied",
  "conversation.reply_approved",
  "conversation.reply_returned",
  "conversation.reply_retried",
  "conversation.escalated",
  "reply_template.created",
  "reply_template.updated",
  "reply_template.archived",
  "knowledge_article.created",
  "knowledge_article.updated",
  "knowledge_article.submitted",
  "knowledge_article.published",
  "knowledge_article.returned",
  "knowledge_article.archived",
  "knowledge_article.restored",
  "knowledge_article.commented",
  "knowledge_article.review_due",
  "knowledge_article.review_overdue",
  "knowledge_collection.created",
  "knowledge_collection.updated",
  "knowledge_collection.withdrawn",
  "shared_item.shared",
  "shared_item.confirmed",
  "shared_item.withdrawn",
  "shared_item.adopted",
  "shared_item.update_declined",
  "knowledge_collection.feed_published",
  "knowledge_collection.feed_stopped",
  "knowledge_feed.subscribed",
  "knowledge_feed.cancelled",
  "feed_item.adopted",
  "feed_item.update_declined",
  "inbox.rules_updated",
  "inbox.coverage_updated",
  "inbox.absence_added",
  "inbox.absence_removed",
  "inbox.message_edited",
  "moderation.decided",
  "moderation.review_confirmed",
  "moderation.review_overturned",
  "moderation.appealed",
  "moderation.reported",
  "moderation.evidence_secured",
  "moderation.threat_escalated",
  "moderation.labels_exported",
  "moderation.shitstorm_alert",
  "moderation.alert_acknowledged",
  "moderation.settings_changed",
  "reports.weekly_settings_changed",
  "netiquette.published",
  "website.settings.updated",
  "website.comment.answered",
  "website.comment.released",
  "website.comment.hidden",
  "audit.chain_resealed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = [
  "organisation",
  "department",
  "user",
  "invitation",
  "channel_account",
  "guideline",
  "campaign",
  "media",
  "post",
  "conversation",
  "inbound_message",
  "reply_template",
  "knowledge_article",
  "knowledge_collection",
  "shared_item",
  "knowledge_feed",
  "feed_item",
  "moderation_case",
  "moderation_alert",
  "netiquette",
  "website_comment",
] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/** Who acts when no person does (the audit trail's and the moderation history's actor labels). */
export const MACHINE_ACTORS = ["system", "worker", "scheduler", "cli", "citizen"] as const;

/** The text analysis' labels (GermEval's coarse and fine labels, threat, intent and sentiment). */
export const ANALYSIS_LABELS = [
  "OFFENSE",
  "ABUSE",
  "INSULT",
  "PROFANITY",
  "THREAT",
  "HATE",
  "QUESTION",
  "COMPLAINT",
  "PRAISE",
  "FACT_CLAIM",
  "OTHER",
  "NEGATIVE",
  "NEUTRAL",
  "POSITIVE",
] as const;
export type AnalysisLabel = (typeof ANALYSIS_LABELS)[number];

export const ANALYSIS_SCORES = ["offense", "insult", "abuse", "profanity", "threat", "hate", "question"] as const;
export type AnalysisScore = (typeof ANALYSIS_SCORES)[number];

export const LEXICON_LISTS = ["insult", "slur", "profanity", "violence"] as const satisfies readonly LexiconList[];
export const THREAT_KINDS = [
  "violence",
  "death_wish",
  "call_to_violence",
  "intimidation",
] as const satisfies readonly ThreatKind[];

/** What the threat detector names in its "why" (threat/violenceLexicon.ts and threatCues.ts). */
export const VIOLENCE_CONCEPTS = VIOLENCE_CONCEPT_LIST;
export const THREAT_CONSTRUCTIONS = CONSTRUCTION_LIST;
export const THREAT_TARGETS = TARGET_LIST;
/** The cues of the hate-against-groups decision (hate/groupHateCues.ts). */
export const HATE_CUES = GROUP_HATE_CUES;

export const MODERATION_PHASES = [
  "normalise",
  "word_rules",
  "classifier",
  "threat",
  "spam_flood",
  "pre_moderation",
  "decision",
  "moderator",
] as const;
export type ModerationPhaseId = (typeof MODERATION_PHASES)[number];

export const TRAIL_OUTCOMES = ["pass", "visible", "held", "hidden", "failed", "info"] as const;

/** Reasons without parameters: the pipeline's verdicts and notes, and the analysis' plain reasons. */
export const PLAIN_REASONS = [
  "offensive_language",
  "group_hate",
  "threat",
  "possible_threat",
  "repeated_elsewhere",
  "many_links",
  "flooding",
  "pre_moderation_all",
  "pre_moderation_first",
  "obfuscated_spelling",
  "counter_speech",
  "group_praise",
  "on_error_hold",
  "on_error_pass",
  "word_rules_failed",
  "classifier_failed",
  "threat_failed",
  "spam_flood_failed",
  "pre_moderation_failed",
  "question_mark",
  "question_words",
  "release",
  "hide",
] as const;
export type PlainReason = (typeof PLAIN_REASONS)[number];

/** Reasons with a parameter after the code ("lexicon:insult:versager", "model:…", "word_rule:…"). */
export const PARAMETER_REASONS = [
  "lexicon",
  "model",
  "threat_rule",
  "threat_negated",
  "threat_quoted",
  "threat_model",
  "threat_why",
  "group_hate_cues",
  "sentiment_negative",
  "sentiment_positive",
  "complaint",
  "praise",
  "fact_claim",
  "word_rule",
  "moderator_case",
] as const;
export type ParameterReason = (typeof PARAMETER_REASONS)[number];

// Compile-time proof that the lists cover the analysis' own types.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const LISTS_COMPLETE: [
  Missing<Network, (typeof NETWORKS_LIST)[number]>,
  Missing<TInboundKind, (typeof INBOUND_KINDS_LIST)[number]>,
  Missing<LexiconList, (typeof LEXICON_LISTS)[number]>,
  Missing<ThreatKind, (typeof THREAT_KINDS)[number]>,
] = [true, true, true, true];
