// The machine-checked part of a guideline (Richtlinie): which rules apply, how severe a breach is and
// why the rule exists. Stored as JSON with each guideline version and validated at every boundary.
import { z } from "zod";

export const ZSeverity = z.enum(["warning", "blocker"]);
export type Severity = z.infer<typeof ZSeverity>;

const ZReason = z.string().trim().max(500).default("");
/** null = every channel account of the organisation. */
const ZChannelScope = z.array(z.uuid()).max(200).nullable().default(null);

export const ZGuidelineRules = z.object({
  addressForm: z
    .object({ required: z.enum(["formal", "informal"]), severity: ZSeverity.default("blocker"), reason: ZReason })
    .nullable()
    .default(null),
  forbiddenTerms: z
    .array(
      z.object({ term: z.string().trim().min(1).max(100), severity: ZSeverity.default("blocker"), reason: ZReason }),
    )
    .max(500)
    .default([]),
  requiredHashtags: z
    .array(
      z.object({
        channelAccountIds: ZChannelScope,
        hashtags: z
          .array(z.string().regex(/^#[\p{L}\p{N}_]+$/u, "a hashtag starts with # and has letters or digits"))
          .min(1)
          .max(10),
        severity: ZSeverity.default("warning"),
        reason: ZReason,
      }),
    )
    .max(50)
    .default([]),
  requiredSignature: z
    .array(
      z.object({
        channelAccountIds: ZChannelScope,
        text: z.string().trim().min(1).max(100),
        severity: ZSeverity.default("warning"),
        reason: ZReason,
      }),
    )
    .max(50)
    .default([]),
  maxLength: z
    .object({ chars: z.number().int().min(1).max(100_000), severity: ZSeverity.default("warning"), reason: ZReason })
    .nullable()
    .default(null),
  allowedLinkDomains: z
    .object({
      domains: z
        .array(
          z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/u, "a domain such as musterstadt.de"),
        )
        .min(1)
        .max(200),
      severity: ZSeverity.default("blocker"),
      reason: ZReason,
    })
    .nullable()
    .default(null),
  altText: z
    .object({ severity: ZSeverity.default("blocker"), reason: ZReason })
    .default({ severity: "blocker", reason: "" }),
  readability: z
    .object({
      minScore: z.number().min(0).max(100),
      minWords: z.number().int().min(1).max(1000).default(12),
      severity: ZSeverity.default("warning"),
      reason: ZReason,
    })
    .nullable()
    .default(null),
  postingWindows: z
    .object({ severity: ZSeverity.default("blocker"), reason: ZReason })
    .default({ severity: "blocker", reason: "" }),
});
export type TGuidelineRules = z.infer<typeof ZGuidelineRules>;
export type TGuidelineRulesInput = z.input<typeof ZGuidelineRules>;

export const RULE_IDS = [
  "address_form",
  "forbidden_term",
  "required_hashtag",
  "required_signature",
  "max_length",
  "link_domain",
  "alt_text",
  "video_captions",
  "readability",
  "posting_window",
  "channel_length",
  "channel_caption_length",
  "thread_part_length",
  "channel_reply_policy",
  "channel_reply_policy_choice",
  "channel_poll_options",
  "channel_video",
  "channel_video_alone",
  "channel_media",
  "channel_media_required",
  "channel_hashtags",
  "empty_text",
  "campaign_hashtag",
  "campaign_window",
  "channel_poll",
  "poll_end",
] as const;
export type RuleId = (typeof RULE_IDS)[number];
