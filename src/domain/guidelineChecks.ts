// Runs a guideline's rules and the channels' limits over a post's variants. Pure: the instant the
// post will go out is a parameter. The same function runs live in the composer and at submission.
import { findAddressForms } from "../text/addressForm.js";
import { countCharacters } from "../text/characterCount.js";
import { fleschAmstad } from "../text/readability.js";
import { findHashtags, findLinks, hostOfLink } from "../text/tokens.js";
import type { RuleId, Severity, TGuidelineRules } from "./guidelineRules.js";
import { type ChannelLimits, type NetworkProfile, type ReplyPolicy } from "./networks.js";
import { type TWeeklyWindow, isWithinWindow } from "./schedule.js";

export interface VariantToCheck {
  channelAccountId: string;
  profile: NetworkProfile;
  limits: ChannelLimits;
  /** Empty = posting is allowed at any time. */
  postingWindows: readonly TWeeklyWindow[];
  /** The first (or only) post's text. */
  text: string;
  /** A thread: the posts after the first, in order. */
  followUps?: readonly string[];
  media: readonly { kind: "image" | "video"; altText: string | null; hasCaptions: boolean; name: string }[];
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The variants (channel accounts) the finding is about. */
  channelAccountIds: string[];
  /** Which post of a thread the place is in (0 = the first); null when the finding points at no place. */
  part: number | null;
  /** UTF-16 offsets into that post's text, when the finding points at a place. */
  start: number | null;
  end: number | null;
  /** Values for the translated message, e.g. the word found, the limit, the score. */
  params: Record<string, string | number>;
  /** Why the rule exists, as the guideline's author wrote it. */
  reason: string;
}

export interface CheckResult {
  findings: Finding[];
  blockers: number;
  warnings: number;
  /**
   * Character count per channel account, as its network counts: of the one text that goes out, or in a
   * thread on a network with threads, of its longest post with each post's count in `parts`.
   */
  counts: Record<string, { used: number; limit: number; parts?: number[] }>;
}

type Draft = Omit<Finding, "channelAccountIds">;

/** A campaign the post belongs to: its hashtag is required and its time window binds. */
export interface CampaignToCheck {
  hashtag: string;
  startsAt: Date;
  endsAt: Date;
}

export function checkPost(args: {
  rules: TGuidelineRules | null;
  variants: readonly VariantToCheck[];
  publishAt: Date;
  campaign?: CampaignToCheck | null;
  /** A poll the post carries: every channel must support polls (with as many answers), and it must end after publication. */
  poll?: { endsAt: Date; options: number } | null;
  /** Who may answer: a channel that cannot limit it lets everyone answer there (a warning). */
  replyPolicy?: ReplyPolicy;
}): CheckResult {
  const merged = new Map<string, Finding>();
  const counts: CheckResult["counts"] = {};
  for (const variant of args.variants) {
    const parts = [variant.text, ...(variant.followUps ?? [])];
    const whole = parts.join("\n\n");
    // What goes out: each post of a thread where the network has threads, else one text of paragraphs.
    const outgoing = parts.length > 1 && variant.profile.supportsThreads ? parts : [whole];
    const used = outgoing.map((text) => countCharacters(text, variant.profile.counting));
    counts[variant.channelAccountId] = {
      used: Math.max(...used),
      limit: variant.limits.maxLength,
      ...(outgoing.length > 1 ? { parts: used } : {}),
    };
    const drafts = [
      ...checkChannel(variant, parts, outgoing, used, args.publishAt, args.rules),
      ...(args.rules
        ? parts.flatMap((text, part) => checkPlaces(args.rules as TGuidelineRules, text).map((d) => ({ ...d, part })))
        : []),
      ...(args.rules ? checkRules(args.rules, variant, whole, outgoing, used) : []),
      ...(args.campaign ? checkCampaign(args.campaign, whole, args.publishAt) : []),
      ...(args.poll ? checkPoll(args.poll, variant, args.publishAt) : []),
      ...checkReplyPolicy(variant.profile, args.replyPolicy),
    ];
    for (const draft of drafts) {
      const key = JSON.stringify([
        draft.rule,
        draft.part,
        draft.start,
        draft.end,
        draft.params,
        whole === "" ? variant.channelAccountId : whole,
      ]);
      const existing = merged.get(key);
      if (existing) existing.channelAccountIds.push(variant.channelAccountId);
      else merged.set(key, { ...draft, channelAccountIds: [variant.channelAccountId] });
    }
  }
  const findings = [...merged.values()].sort(
    (a, b) => severityRank(b) - severityRank(a) || (a.part ?? -1) - (b.part ?? -1) || (a.start ?? -1) - (b.start ?? -1),
  );
  const blockers = findings.filter((f) => f.severity === "blocker").length;
  return { findings, blockers, warnings: findings.length - blockers, counts };
}

const severityRank = (f: Finding) => (f.severity === "blocker" ? 1 : 0);

function checkChannel(
  variant: VariantToCheck,
  parts: readonly string[],
  outgoing: readonly string[],
  used: readonly number[],
  publishAt: Date,
  rules: TGuidelineRules | null,
): Draft[] {
  const found: Draft[] = [];
  const blocker = (rule: RuleId, params: Draft["params"], part: number | null = null): Draft => ({
    rule,
    severity: "blocker",
    part,
    start: null,
    end: null,
    params,
    reason: "",
  });
  parts.forEach((text, part) => {
    if (text.trim() === "") found.push(blocker("empty_text", {}, parts.length > 1 ? part : null));
  });
  const thread = outgoing.length > 1;
  outgoing.forEach((text, part) => {
    const count = used[part] ?? 0;
    if (count > variant.limits.maxLength) {
      found.push(
        thread
          ? blocker("thread_part_length", { part: part + 1, used: count, limit: variant.limits.maxLength }, part)
          : blocker("channel_length", { used: count, limit: variant.limits.maxLength }),
      );
    }
    const captionLimit = variant.profile.maxLengthWithMedia;
    if (part === 0 && variant.media.length > 0 && captionLimit !== undefined && count > captionLimit)
      found.push(blocker("channel_caption_length", { used: count, limit: captionLimit }));
    if (part === 0 && variant.profile.mediaRequired && variant.media.length === 0)
      found.push(blocker("channel_media_required", {}));
    if (part === 0 && variant.media.length > variant.limits.maxMedia)
      found.push(blocker("channel_media", { used: variant.media.length, limit: variant.limits.maxMedia }));
    // Videos: some networks take none (through draht), some only one with nothing beside it.
    const videos = variant.media.filter((m) => m.kind === "video").length;
    if (
      part === 0 &&
      videos > 0 &&
      (variant.profile.videos === "none" || (variant.profile.videos === "alone" && variant.media.length > 1))
    ) {
      found.push(blocker(variant.profile.videos === "none" ? "channel_video" : "channel_video_alone", {}));
    }
    const hashtags = findHashtags(text).length;
    if (variant.limits.maxHashtags !== null && hashtags > variant.limits.maxHashtags) {
      found.push(
        blocker("channel_hashtags", { used: hashtags, limit: variant.limits.maxHashtags }, thread ? part : null),
      );
    }
  });
  const windows = variant.postingWindows;
  if (windows.length > 0 && !windows.some((w) => isWithinWindow(w, publishAt))) {
    const rule = rules?.postingWindows ?? { severity: "blocker" as const, reason: "" };
    found.push({
      rule: "posting_window",
      severity: rule.severity,
      part: null,
      start: null,
      end: null,
      params: { at: publishAt.toISOString() },
      reason: rule.reason,
    });
  }
  const altRule = rules?.altText ?? { severity: "blocker" as const, reason: "" };
  for (const item of variant.media) {
    if (item.kind === "image" && !item.altText?.trim()) {
      found.push({
        rule: "alt_text",
        severity: altRule.severity,
        part: null,
        start: null,
        end: null,
        params: { media: item.name },
        reason: altRule.reason,
      });
    }
    if (item.kind === "video" && !item.hasCaptions) {
      found.push({
        rule: "video_captions",
        severity: altRule.severity,
        part: null,
        start: null,
        end: null,
        params: { media: item.name },
        reason: altRule.reason,
      });
    }
  }
  return found;
}

type PlaceDraft = Omit<Draft, "part">;

/** Rules that point at a place in a text (address form, forbidden terms, links), run on each post of a thread. */
function checkPlaces(rules: TGuidelineRules, text: string): PlaceDraft[] {
  const found: PlaceDraft[] = [];
  const at = (
    rule: RuleId,
    severity: Severity,
    reason: string,
    span: { start: number; end: number },
    params: Draft["params"] = {},
  ): PlaceDraft => ({ rule, severity, start: span.start, end: span.end, params, reason });
  if (rules.addressForm) {
    const { required, severity, reason } = rules.addressForm;
    for (const o of findAddressForms(text).filter((o) => o.form !== required)) {
      found.push(at("address_form", severity, reason, o, { word: o.text, required }));
    }
  }
  for (const term of rules.forbiddenTerms) {
    for (const span of findTerm(text, term.term))
      found.push(at("forbidden_term", term.severity, term.reason, span, { term: text.slice(span.start, span.end) }));
  }
  if (rules.allowedLinkDomains) {
    const { domains, severity, reason } = rules.allowedLinkDomains;
    for (const link of findLinks(text)) {
      const host = hostOfLink(link.text);
      const allowed = host !== null && domains.some((d) => host === d || host.endsWith(`.${d}`));
      if (!allowed) found.push(at("link_domain", severity, reason, link, { host: host ?? link.text }));
    }
  }
  return found;
}

/** Rules about the text as a whole (a thread as one): hashtags, signature (at the very end), length per post, readability. */
function checkRules(
  rules: TGuidelineRules,
  variant: VariantToCheck,
  whole: string,
  outgoing: readonly string[],
  used: readonly number[],
): Draft[] {
  const found: Draft[] = [];
  const about = (
    rule: RuleId,
    severity: Severity,
    reason: string,
    params: Draft["params"] = {},
    part: number | null = null,
  ): Draft => ({ rule, severity, part, start: null, end: null, params, reason });
  const inScope = (ids: string[] | null) => ids === null || ids.includes(variant.channelAccountId);
  const present = new Set(findHashtags(whole).map((h) => h.text.toLowerCase()));
  for (const rule of rules.requiredHashtags.filter((r) => inScope(r.channelAccountIds))) {
    for (const tag of rule.hashtags.filter((t) => !present.has(t.toLowerCase())))
      found.push(about("required_hashtag", rule.severity, rule.reason, { hashtag: tag }));
  }
  for (const rule of rules.requiredSignature.filter((r) => inScope(r.channelAccountIds))) {
    if (!whole.trimEnd().endsWith(rule.text))
      found.push(about("required_signature", rule.severity, rule.reason, { signature: rule.text }));
  }
  if (rules.maxLength) {
    const { chars, severity, reason } = rules.maxLength;
    outgoing.forEach((_, part) => {
      const count = used[part] ?? 0;
      if (count > chars)
        found.push(
          about("max_length", severity, reason, { used: count, limit: chars }, outgoing.length > 1 ? part : null),
        );
    });
  }
  if (rules.readability) {
    const { minScore, minWords, severity, reason } = rules.readability;
    const result = fleschAmstad(whole);
    if (result.words >= minWords && result.score < minScore)
      found.push(about("readability", severity, reason, { score: result.score, minimum: minScore }));
  }
  return found;
}

function checkCampaign(campaign: CampaignToCheck, whole: string, publishAt: Date): Draft[] {
  const found: Draft[] = [];
  const tags = new Set(findHashtags(whole).map((h) => h.text.toLowerCase()));
  if (!tags.has(campaign.hashtag.toLowerCase())) {
    found.push({
      rule: "campaign_hashtag",
      severity: "blocker",
      part: null,
      start: null,
      end: null,
      params: { hashtag: campaign.hashtag },
      reason: "",
    });
  }
  if (publishAt < campaign.startsAt || publishAt >= campaign.endsAt) {
    const params = { from: campaign.startsAt.toISOString(), to: campaign.endsAt.toISOString() };
    found.push({
      rule: "campaign_window",
      severity: "blocker",
      part: null,
      start: null,
      end: null,
      params,
      reason: "",
    });
  }
  return found;
}

function checkPoll(poll: { endsAt: Date; options: number }, variant: VariantToCheck, publishAt: Date): Draft[] {
  const found: Draft[] = [];
  if (!variant.profile.supportsPolls)
    found.push({
      rule: "channel_poll",
      severity: "blocker",
      part: null,
      start: null,
      end: null,
      params: {},
      reason: "",
    });
  else if (poll.options > variant.profile.maxPollOptions) {
    found.push({
      rule: "channel_poll_options",
      severity: "blocker",
      part: null,
      start: null,
      end: null,
      params: { used: poll.options, limit: variant.profile.maxPollOptions },
      reason: "",
    });
  }
  if (poll.endsAt <= publishAt)
    found.push({
      rule: "poll_end",
      severity: "blocker",
      part: null,
      start: null,
      end: null,
      params: { endsAt: poll.endsAt.toISOString() },
      reason: "",
    });
  return found;
}

/** Whole-word, case-insensitive occurrences of a word or phrase (also with umlaut case variants). */
export function findTerm(text: string, term: string): { start: number; end: number }[] {
  const escaped = term
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Who may answer: a network without the setting leaves the post open to everyone (a warning); a network that has it,
 * but not for this group (X: no "followers" or "nobody"), would refuse the post (a blocker).
 */
function checkReplyPolicy(profile: NetworkProfile, policy: ReplyPolicy | undefined | null) {
  if (!policy || policy === "everyone") return [];
  const supported = profile.supportsReplyPolicy && (profile.replyPolicies?.includes(policy) ?? true);
  if (supported) return [];
  return [
    {
      rule: profile.supportsReplyPolicy ? ("channel_reply_policy_choice" as const) : ("channel_reply_policy" as const),
      severity: profile.supportsReplyPolicy ? ("blocker" as const) : ("warning" as const),
      part: null,
      start: null,
      end: null,
      params: { policy },
      reason: "",
    },
  ];
}
