// Every citizen comment passes an ordered list of small phases before anyone sees it. A phase looks at
// the comment and returns a verdict or nothing; the first verdict ends the run; no verdict = visible.
// What a failing phase means (hold the comment, or let it pass) is the phase's own declared choice.
// The moderation issue adds its phases (word lists, classifier, threat detector) to this list.

import type { TPreModeration } from "./publicSettings.js";

export const COMMENT_STATUSES = ["visible", "held", "hidden", "deleted"] as const;
export type TCommentStatus = (typeof COMMENT_STATUSES)[number];

export interface PhaseVerdict {
  status: "visible" | "held" | "hidden";
  /** A stable reason code, shown to moderators (translated) and kept in the trail. */
  reason: string;
  /** The Netiquette clause the verdict rests on, when there is one. */
  clause?: number;
}

export type TModerationTrail = { phase: string; outcome: "pass" | "visible" | "held" | "hidden" | "failed"; reason?: string; clause?: number }[];

export interface CommentPhase<C> {
  id: string;
  onError: "hold" | "pass";
  run(ctx: C): PhaseVerdict | null | Promise<PhaseVerdict | null>;
}

export interface PipelineResult {
  status: "visible" | "held" | "hidden";
  trail: TModerationTrail;
  /** Phases that threw (their errors, for the log; the trail says what followed). */
  failures: { phase: string; error: unknown }[];
}

export async function runCommentPipeline<C>(phases: readonly CommentPhase<C>[], ctx: C): Promise<PipelineResult> {
  const trail: TModerationTrail = [];
  const failures: PipelineResult["failures"] = [];
  for (const phase of phases) {
    let verdict: PhaseVerdict | null;
    try {
      verdict = await phase.run(ctx);
    } catch (error) {
      failures.push({ phase: phase.id, error });
      trail.push({ phase: phase.id, outcome: "failed", reason: `on_error_${phase.onError}` });
      if (phase.onError === "hold") return { status: "held", trail, failures };
      continue;
    }
    if (!verdict) {
      trail.push({ phase: phase.id, outcome: "pass" });
      continue;
    }
    trail.push({ phase: phase.id, outcome: verdict.status, reason: verdict.reason, ...(verdict.clause ? { clause: verdict.clause } : {}) });
    return { status: verdict.status, trail, failures };
  }
  return { status: "visible", trail, failures };
}

/** What the built-in phases need to know about a comment; the app gathers these facts before the run. */
export interface CommentFacts {
  text: string;
  preModeration: TPreModeration;
  /** Earlier comments of the same session that were published. */
  earlierVisibleBySession: number;
  /** The same text posted under other posts in the last day (copy-and-paste spam). */
  sameTextElsewhere: number;
}

const MAX_LINKS = 3;

export const BUILT_IN_PHASES: CommentPhase<CommentFacts>[] = [
  {
    id: "repeated_elsewhere",
    onError: "hold",
    run: (f) => (f.sameTextElsewhere > 0 ? { status: "held", reason: "repeated_elsewhere", clause: 5 } : null),
  },
  {
    id: "many_links",
    onError: "hold",
    run: (f) => ((f.text.match(/https?:\/\/|www\./gi)?.length ?? 0) > MAX_LINKS ? { status: "held", reason: "many_links", clause: 5 } : null),
  },
  {
    id: "pre_moderation",
    onError: "hold",
    run: (f) => {
      if (f.preModeration === "all") return { status: "held", reason: "pre_moderation_all" };
      if (f.preModeration === "first_comment" && f.earlierVisibleBySession === 0) return { status: "held", reason: "pre_moderation_first" };
      return null;
    },
  },
];
