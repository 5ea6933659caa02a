import { describe, expect, it } from "vitest";
import {
  MODERATION_PHASES,
  type ModerationFacts,
  type ModerationPhase,
  needsEscalation,
  runModerationPipeline,
} from "./pipeline.js";
import { DEFAULT_MODERATION_SETTINGS, ZModerationSettings } from "./settings.js";

const facts = (overrides: Partial<ModerationFacts> = {}): ModerationFacts => ({
  text: "Wann wird die Kita eröffnet?",
  settings: DEFAULT_MODERATION_SETTINGS,
  analysis: { scores: { offense: 0.05, threat: 0 }, labels: ["QUESTION"], reasons: ["question_mark"] },
  recentByAuthor: 1,
  sameTextElsewhere: 0,
  ...overrides,
});
const phase = (id: string) => MODERATION_PHASES.find((p) => p.id === id) as ModerationPhase<ModerationFacts>;

describe("the moderation pipeline", () => {
  it("runs its phases in order and shows a message no phase objects to, recording each phase", async () => {
    const result = await runModerationPipeline(MODERATION_PHASES, facts());
    expect(result.status).toBe("visible");
    expect(result.trail.map((t) => t.phase)).toEqual([
      "normalise",
      "word_rules",
      "classifier",
      "threat",
      "spam_flood",
      "pre_moderation",
      "decision",
    ]);
    expect(result.trail.slice(0, -1).every((t) => t.outcome === "pass")).toBe(true);
  });

  it("lets the most severe verdict decide, with the reason and clause of the first phase that gave it", async () => {
    const settings = ZModerationSettings.parse({ wordRules: [{ pattern: "Werbung", action: "hold", clause: 5 }] });
    const result = await runModerationPipeline(
      MODERATION_PHASES,
      facts({
        text: "Werbung! Ich bring dich um",
        settings,
        analysis: { scores: { offense: 0.7, threat: 0.92 }, labels: ["OFFENSE", "THREAT"], reasons: [] },
      }),
    );
    expect(result).toMatchObject({ status: "hidden", reason: "threat", clause: 4 });
    expect(result.trail.find((t) => t.phase === "word_rules")).toMatchObject({ outcome: "held", clause: 5 });
    expect(result.trail.find((t) => t.phase === "classifier")).toMatchObject({
      outcome: "held",
      reason: "offensive_language",
      clause: 3,
    });
  });

  it("treats a failing phase as the phase declares: the classifier without an analysis holds", async () => {
    const result = await runModerationPipeline(MODERATION_PHASES, facts({ analysis: null }));
    expect(result.status).toBe("held");
    expect(result.trail.find((t) => t.phase === "classifier")).toMatchObject({
      outcome: "failed",
      reason: "on_error_hold",
    });
    expect(result.failures.map((f) => f.phase)).toEqual(["classifier", "threat"]);
    const lenient: ModerationPhase<ModerationFacts> = {
      id: "optional",
      onError: "pass",
      run: () => {
        throw new Error("down");
      },
    };
    expect((await runModerationPipeline([lenient], facts())).status).toBe("visible");
  });
});

describe("the phases, one by one", () => {
  it("word rules: words match at word boundaries whatever the case and umlaut spelling; patterns as regular expressions", async () => {
    const settings = ZModerationSettings.parse({
      wordRules: [
        { pattern: "Müllmafia", action: "hide", clause: 3 },
        { pattern: "\\bgeld\\s+verdienen\\b", match: "regex", action: "hold", clause: 5 },
      ],
    });
    const rules = phase("word_rules");
    expect(await rules.run(facts({ text: "Die MUELLMAFIA hat wieder zugeschlagen", settings }))).toMatchObject({
      status: "hidden",
      reason: "word_rule:Müllmafia",
      clause: 3,
    });
    expect(await rules.run(facts({ text: "Die Müllmafiabande", settings }))).toBeNull();
    expect(await rules.run(facts({ text: "Schnell Geld  verdienen von zu Hause", settings }))).toMatchObject({
      status: "held",
      clause: 5,
    });
  });

  it("classifier: holds from the hold threshold, hides only from the hide threshold (never by default)", async () => {
    const classifier = phase("classifier");
    const scored = (offense: number, settings = DEFAULT_MODERATION_SETTINGS) =>
      classifier.run(facts({ settings, analysis: { scores: { offense, threat: 0 }, labels: [], reasons: [] } }));
    expect(await scored(0.49)).toBeNull();
    expect(await scored(0.5)).toMatchObject({ status: "held", clause: 3 });
    expect(await scored(0.999)).toMatchObject({ status: "held" });
    expect(await scored(0.95, ZModerationSettings.parse({ hideOffense: 0.9 }))).toMatchObject({ status: "hidden" });
  });

  it("classifier: holds hate against a group from its own threshold, citing the insult clause; an older analysis without the score passes", async () => {
    const classifier = phase("classifier");
    const scored = (hate: number | undefined, settings = DEFAULT_MODERATION_SETTINGS) =>
      classifier.run(
        facts({ settings, analysis: { scores: { offense: 0.1, threat: 0, hate }, labels: [], reasons: [] } }),
      );
    expect(await scored(0.49)).toBeNull();
    expect(await scored(0.5)).toEqual({ status: "held", reason: "group_hate", clause: 3 });
    expect(await scored(0.7, ZModerationSettings.parse({ holdHate: 0.8 }))).toBeNull();
    expect(await scored(undefined)).toBeNull();
  });

  it("threat: holds a possible threat for a person and hides a clear one", async () => {
    const threat = phase("threat");
    const scored = (score: number) =>
      threat.run(facts({ analysis: { scores: { offense: 0, threat: score }, labels: [], reasons: [] } }));
    expect(await scored(0.2)).toBeNull();
    expect(await scored(0.45)).toMatchObject({ status: "held", reason: "possible_threat", clause: 4 });
    expect(await scored(0.9)).toMatchObject({ status: "hidden", reason: "threat", clause: 4 });
  });

  it("spam and flood: text pasted under other posts, many links, too many messages from one author", async () => {
    const spam = phase("spam_flood");
    expect(await spam.run(facts({ sameTextElsewhere: 2 }))).toMatchObject({ reason: "repeated_elsewhere", clause: 5 });
    expect(await spam.run(facts({ text: "https://a.de https://b.de www.c.de http://d.de" }))).toMatchObject({
      reason: "many_links",
    });
    expect(await spam.run(facts({ recentByAuthor: 7 }))).toMatchObject({ status: "held", reason: "flooding" });
    expect(await spam.run(facts({ recentByAuthor: 6 }))).toBeNull();
  });

  it("pre-moderation (website): every comment, or only a citizen's first", async () => {
    const pre = phase("pre_moderation");
    expect(await pre.run(facts({ preModeration: "all", earlierVisibleByAuthor: 3 }))).toMatchObject({
      status: "held",
      reason: "pre_moderation_all",
    });
    expect(await pre.run(facts({ preModeration: "first_comment", earlierVisibleByAuthor: 0 }))).toMatchObject({
      reason: "pre_moderation_first",
    });
    expect(await pre.run(facts({ preModeration: "first_comment", earlierVisibleByAuthor: 1 }))).toBeNull();
  });

  it("escalates what the analysis labels a threat, or what reaches the hide threshold", () => {
    expect(
      needsEscalation({
        settings: DEFAULT_MODERATION_SETTINGS,
        analysis: { scores: { offense: 0, threat: 0.55 }, labels: ["THREAT"], reasons: [] },
      }),
    ).toBe(true);
    expect(
      needsEscalation({
        settings: DEFAULT_MODERATION_SETTINGS,
        analysis: { scores: { offense: 0.9, threat: 0.2 }, labels: ["OFFENSE"], reasons: [] },
      }),
    ).toBe(false);
  });

  it("refuses settings whose hide threshold is below the hold threshold", () => {
    expect(ZModerationSettings.safeParse({ holdOffense: 0.8, hideOffense: 0.5 }).success).toBe(false);
  });
});
