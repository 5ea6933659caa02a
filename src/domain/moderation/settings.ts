// An organisation's moderation settings: the thresholds at which the pipeline holds or hides a message,
// its own word lists and patterns (each citing a Netiquette clause), flood limits, who hears about
// threats at once, and when a rise of offensive messages counts as a shitstorm. Defaults suit a
// municipality that wants a person to look before anything is hidden by the machine alone.
import { z } from "zod";

export const ZWordRule = z.object({
  /** A word (matched at word boundaries, case and umlaut spelling ignored) or a regular expression. */
  pattern: z.string().trim().min(2).max(200),
  match: z.enum(["word", "regex"]).default("word"),
  action: z.enum(["hold", "hide"]).default("hold"),
  clause: z.number().int().min(1).max(99),
  note: z.string().trim().max(200).default(""),
});
export type TWordRule = z.output<typeof ZWordRule>;

const ZProbability = z.number().min(0).max(1);

export const ZModerationSettings = z
  .object({
    /**
     * Offensive-language score from which a message is held for review / hidden pending review. By
     * default the classifier alone never hides (1 = off): an authority should not remove opinions by
     * machine; held messages wait for a person. Threats are hidden at once.
     */
    holdOffense: ZProbability.default(0.5),
    hideOffense: ZProbability.default(1),
    /**
     * Score of hate against a group (dehumanising, derogatory, calls for exclusion, slurs) from which a
     * message is held for review. Counter-speech that quotes hate to reject it scores low.
     */
    holdHate: ZProbability.default(0.5),
    /** Threat score from which a message is held / hidden pending review (and escalated). */
    holdThreat: ZProbability.default(0.3),
    hideThreat: ZProbability.default(0.6),
    /** The Netiquette clauses the machine cites for insults, threats and advertising. */
    insultClause: z.number().int().min(1).max(99).default(3),
    threatClause: z.number().int().min(1).max(99).default(4),
    spamClause: z.number().int().min(1).max(99).default(5),
    wordRules: z.array(ZWordRule).max(500).default([]),
    /** More messages than this from one author within the window are held as flooding. */
    floodMaxMessages: z.number().int().min(2).max(1000).default(6),
    floodWindowMinutes: z.number().int().min(1).max(1440).default(10),
    maxLinks: z.number().int().min(0).max(50).default(3),
    /**
     * Also hide on the network what the pipeline hides (where the network lets draht hide others' replies,
     * e.g. Bluesky): provisional until a person decides; approving shows it again there.
     */
    hideOnNetwork: z.boolean().default(false),
    /** When the classifier fails: hold every message for a person, or let it pass (logged either way). */
    onClassifierFailure: z.enum(["hold", "pass"]).default("hold"),
    /** People told at once about a threat (besides the organisation's accountable moderators). */
    threatContacts: z.array(z.uuid()).max(50).default([]),
    shitstorm: z
      .object({
        windowMinutes: z.number().int().min(5).max(1440).default(60),
        /** How many earlier windows make the normal level. */
        historyWindows: z
          .number()
          .int()
          .min(6)
          .max(24 * 30)
          .default(24 * 7),
        /** Robust z-score (median/MAD) from which it is an alert. */
        threshold: z.number().min(1).max(100).default(6),
        /** Never an alert below this many offensive messages in the window. */
        minOffensive: z.number().int().min(1).max(10_000).default(8),
      })
      .prefault({}),
  })
  .refine(
    (s) => s.hideOffense >= s.holdOffense && s.hideThreat >= s.holdThreat,
    "a hide threshold must not be below its hold threshold",
  );
export type TModerationSettings = z.output<typeof ZModerationSettings>;

export const DEFAULT_MODERATION_SETTINGS: TModerationSettings = ZModerationSettings.parse({});
