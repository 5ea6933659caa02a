// Every inbound message passes ordered moderation phases: normalise → the organisation's word lists and
// patterns → classifier → threat detector → spam and flood → (website: pre-moderation) → decision. Each
// phase is small and looks at the facts gathered before the run; it returns a verdict or nothing. All
// phases run, so the trail shows what each saw; the most severe verdict decides (hidden > held >
// visible), the first phase with it gives the reason and the Netiquette clause. What a failing phase
// means (hold, or let it pass) is the phase's own declared choice.
import { foldGerman } from "../../text/normalise.js";
import type { TModerationSettings, TWordRule } from "./settings.js";

export type TPipelineStatus = "visible" | "held" | "hidden";

export interface PhaseVerdict {
  status: TPipelineStatus;
  /** A stable reason code, shown to moderators (translated) and kept in the trail. */
  reason: string;
  /** The Netiquette clause the verdict rests on, when there is one. */
  clause?: number;
}

export type TModerationTrail = {
  phase: string;
  outcome: "pass" | TPipelineStatus | "failed" | "info";
  reason?: string;
  clause?: number;
}[];

export interface ModerationPhase<C> {
  id: string;
  onError: "hold" | "pass";
  run(ctx: C): PhaseVerdict | { info: string } | null | Promise<PhaseVerdict | { info: string } | null>;
}

export interface PipelineResult {
  status: TPipelineStatus;
  reason: string | null;
  clause: number | null;
  trail: TModerationTrail;
  /** Phases that threw (their errors, for the log; the trail says what followed). */
  failures: { phase: string; error: unknown }[];
}

const SEVERITY: Record<TPipelineStatus, number> = { visible: 0, held: 1, hidden: 2 };

export async function runModerationPipeline<C>(phases: readonly ModerationPhase<C>[], ctx: C): Promise<PipelineResult> {
  const trail: TModerationTrail = [];
  const failures: PipelineResult["failures"] = [];
  let decided: PhaseVerdict = { status: "visible", reason: "" };
  const consider = (verdict: PhaseVerdict) => {
    if (SEVERITY[verdict.status] > SEVERITY[decided.status]) decided = verdict;
  };
  for (const phase of phases) {
    let outcome: PhaseVerdict | { info: string } | null;
    try {
      outcome = await phase.run(ctx);
    } catch (error) {
      failures.push({ phase: phase.id, error });
      trail.push({ phase: phase.id, outcome: "failed", reason: `on_error_${phase.onError}` });
      if (phase.onError === "hold") consider({ status: "held", reason: `${phase.id}_failed` });
      continue;
    }
    if (!outcome) trail.push({ phase: phase.id, outcome: "pass" });
    else if ("info" in outcome) trail.push({ phase: phase.id, outcome: "info", reason: outcome.info });
    else {
      trail.push({
        phase: phase.id,
        outcome: outcome.status,
        reason: outcome.reason,
        ...(outcome.clause ? { clause: outcome.clause } : {}),
      });
      consider(outcome);
    }
  }
  trail.push({
    phase: "decision",
    outcome: decided.status,
    ...(decided.reason ? { reason: decided.reason } : {}),
    ...(decided.clause ? { clause: decided.clause } : {}),
  });
  return { status: decided.status, reason: decided.reason || null, clause: decided.clause ?? null, trail, failures };
}

/** What the phases look at; the app gathers these before the run (analysis, counts from the database). */
export interface ModerationFacts {
  text: string;
  settings: TModerationSettings;
  /** The text analysis, or null when the analyser failed (the classifier phase then fails as declared). */
  analysis: {
    scores: { offense: number; threat: number; hate?: number };
    labels: readonly string[];
    reasons: readonly string[];
  } | null;
  /** Messages of the same author on this channel account within the flood window, this one included. */
  recentByAuthor: number;
  /** The same text under other posts in the last day (copy-and-paste spam). */
  sameTextElsewhere: number;
  /** Website only: pre-moderation and the author's earlier published comments. */
  preModeration?: "none" | "first_comment" | "all";
  earlierVisibleByAuthor?: number;
}

function wordRuleMatches(rule: TWordRule, folded: string): boolean {
  if (rule.match === "regex") {
    try {
      return new RegExp(rule.pattern, "iu").test(folded);
    } catch {
      return false; // refused when saved; an old invalid pattern matches nothing
    }
  }
  const word = foldGerman(rule.pattern).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${word}([^\\p{L}\\p{N}]|$)`, "u").test(folded);
}

const LINK = /https?:\/\/|www\./gi;

export const MODERATION_PHASES: ModerationPhase<ModerationFacts>[] = [
  {
    id: "normalise",
    onError: "pass",
    run: (f) => (f.analysis?.reasons.includes("obfuscated_spelling") ? { info: "obfuscated_spelling" } : null),
  },
  {
    id: "word_rules",
    onError: "hold",
    run: (f) => {
      const folded = foldGerman(f.text);
      const rules = [...f.settings.wordRules].sort((a, b) =>
        a.action === b.action ? 0 : a.action === "hide" ? -1 : 1,
      );
      const rule = rules.find((r) => wordRuleMatches(r, folded));
      return rule
        ? {
            status: rule.action === "hide" ? "hidden" : "held",
            reason: `word_rule:${rule.pattern}`,
            clause: rule.clause,
          }
        : null;
    },
  },
  {
    id: "classifier",
    onError: "hold",
    run: (f) => {
      if (!f.analysis) throw new Error("no text analysis");
      const { offense } = f.analysis.scores;
      const clause = f.settings.insultClause;
      if (offense >= f.settings.hideOffense) return { status: "hidden", reason: "offensive_language", clause };
      if (offense >= f.settings.holdOffense) return { status: "held", reason: "offensive_language", clause };
      // Older analyses (before the hate model) have no hate score: nothing to hold for.
      if ((f.analysis.scores.hate ?? 0) >= f.settings.holdHate) return { status: "held", reason: "group_hate", clause };
      return null;
    },
  },
  {
    id: "threat",
    onError: "hold",
    run: (f) => {
      if (!f.analysis) throw new Error("no text analysis");
      const { threat } = f.analysis.scores;
      const clause = f.settings.threatClause;
      if (threat >= f.settings.hideThreat) return { status: "hidden", reason: "threat", clause };
      if (threat >= f.settings.holdThreat) return { status: "held", reason: "possible_threat", clause };
      return null;
    },
  },
  {
    id: "spam_flood",
    onError: "hold",
    run: (f) => {
      const clause = f.settings.spamClause;
      if (f.sameTextElsewhere > 0) return { status: "held", reason: "repeated_elsewhere", clause };
      if ((f.text.match(LINK)?.length ?? 0) > f.settings.maxLinks)
        return { status: "held", reason: "many_links", clause };
      if (f.recentByAuthor > f.settings.floodMaxMessages) return { status: "held", reason: "flooding", clause };
      return null;
    },
  },
  {
    id: "pre_moderation",
    onError: "hold",
    run: (f) => {
      if (f.preModeration === "all") return { status: "held", reason: "pre_moderation_all" };
      if (f.preModeration === "first_comment" && (f.earlierVisibleByAuthor ?? 0) === 0)
        return { status: "held", reason: "pre_moderation_first" };
      return null;
    },
  },
];

/** A threat that must reach people at once (and be secured as evidence), whatever the verdict. */
export function needsEscalation(facts: Pick<ModerationFacts, "analysis" | "settings">): boolean {
  return (
    (facts.analysis?.labels.includes("THREAT") ?? false) ||
    (facts.analysis?.scores.threat ?? 0) >= facts.settings.hideThreat
  );
}
