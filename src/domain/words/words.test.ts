import { describe, expect, it } from "vitest";
import { createTextAnalyser } from "../../text/textAnalyser.js";
import { readTextModels } from "../../text/train/modelFiles.js";
import { MODERATION_PHASES as PIPELINE, runModerationPipeline } from "../moderation/pipeline.js";
import { DEFAULT_MODERATION_SETTINGS } from "../moderation/settings.js";
import * as codes from "./codes.js";
import { describer, wordsOf } from "./describe.js";

const analyser = createTextAnalyser(readTextModels());
/** A code as the machine writes it: "lexicon:insult:…", "post.approved", "OFFENSE", "abuse 0.397". */
const CODE_LIKE = /\b[a-z]+[_.:][a-z_.:]+\b|\b[A-Z]{4,}(_[A-Z]+)?\b|\d\.\d{2,}/;

describe("words for every code people see", () => {
  it("has German and English words for every code of every list", () => {
    const tables: [string, readonly string[], (lang: string) => Record<string, string>][] = [
      ["audit actions", codes.AUDIT_ACTIONS, (l) => wordsOf(l).auditAction],
      ["audit targets", codes.AUDIT_TARGETS, (l) => wordsOf(l).auditTarget],
      ["machine actors", codes.MACHINE_ACTORS, (l) => wordsOf(l).machineActor],
      ["labels", codes.ANALYSIS_LABELS, (l) => wordsOf(l).label],
      ["scores", codes.ANALYSIS_SCORES, (l) => wordsOf(l).score],
      ["lexicon lists", codes.LEXICON_LISTS, (l) => wordsOf(l).lexiconList],
      ["threat kinds", codes.THREAT_KINDS, (l) => wordsOf(l).threatKind],
      ["phases", codes.MODERATION_PHASES, (l) => wordsOf(l).phase],
      ["outcomes", codes.TRAIL_OUTCOMES, (l) => wordsOf(l).outcome],
      ["plain reasons", codes.PLAIN_REASONS, (l) => wordsOf(l).plainReason],
      ["reasons with a parameter", codes.PARAMETER_REASONS, (l) => wordsOf(l).parameterReason],
    ];
    for (const [name, list, table] of tables)
      for (const language of ["de", "en"])
        for (const code of list) {
          const words = table(language)[code];
          expect(words, `${name}: ${code} in ${language}`).toBeTruthy();
          expect(words, `${name}: ${code} in ${language}`).not.toMatch(CODE_LIKE);
        }
  });

  it("names every phase the moderation pipeline runs", () => {
    for (const phase of PIPELINE) expect(codes.MODERATION_PHASES).toContain(phase.id);
  });

  it("turns every reason the analysis and the pipeline give into words, in German and English", async () => {
    const texts = [
      "Ihr im Rathaus seid doch alle unfähige Versager und Schmarotzer!",
      "Dem Marktmeister sollte man eine Kugel in den Kopf jagen.",
      "Ich komme morgen mit einem Messer ins Rathaus.",
      "Flüchtlinge sind Ungeziefer, die gehören alle raus!",
      "Ich würde niemals jemanden schlagen.",
      'Er schrieb: "Ich bring dich um" – das haben wir angezeigt.',
      "Wann öffnet das Bürgeramt? Vielen Dank, super Arbeit!",
      "Seit Wochen ist die Ampel kaputt, eine Zumutung. Fakt ist: 30 % weniger Busse.",
      "Du A*schl0ch, v e r p i s s dich",
      "Wer ist dafür zuständig",
    ];
    const settings = {
      ...DEFAULT_MODERATION_SETTINGS,
      wordRules: [{ pattern: "schmarotzer", match: "word" as const, action: "hold" as const, clause: 3, note: "" }],
    };
    const reasons = new Set<string>();
    for (const text of texts) {
      const analysis = analyser.analyse(text);
      for (const r of analysis.reasons) reasons.add(r);
      const result = await runModerationPipeline(PIPELINE, {
        text,
        settings,
        analysis,
        recentByAuthor: 99,
        sameTextElsewhere: 1,
        preModeration: "first_comment",
        earlierVisibleByAuthor: 0,
      });
      for (const step of result.trail) if (step.reason) reasons.add(step.reason);
    }
    expect([...reasons].some((r) => r.startsWith("lexicon:"))).toBe(true);
    expect([...reasons].some((r) => r.startsWith("threat:"))).toBe(true);
    expect([...reasons].some((r) => r.startsWith("model:"))).toBe(true);
    for (const language of ["de", "en"]) {
      const d = describer(language);
      for (const reason of reasons) {
        const words = d.reason(reason);
        expect(words, reason).not.toBe(wordsOf(language).unknownReason);
        expect(words, reason).not.toMatch(/^(lexicon|model|threat|sentiment|word_rule):/);
      }
    }
    expect(describer("de").reason("lexicon:insult:versager")).toBe("Wortliste Beleidigung: „versager“");
    expect(describer("de").reason("threat:violence:kugel in den kopf")).toBe("Gewaltandrohung: „kugel in den kopf“");
  });

  it("writes labels, scores and website authors as people read them", () => {
    const de = describer("de");
    expect(de.labels(["OFFENSE", "INSULT", "NEGATIVE"])).toBe("beleidigend, Beleidigung, negativ");
    expect(de.score("abuse", 0.397)).toBe("Schmähung 40\u00a0%");
    expect(de.author("Anonym", "session:0d80e8c0-b5d1-489e-be91-26f16ed0a800")).toBe(
      "Anonym (Website-Sitzung 0d80e8c0)",
    );
    expect(de.auditAction("post.approved")).toBe("Beitrag freigegeben");
    expect(describer("en").auditAction("post.approved")).toBe("Post approved");
    expect(de.actor("system")).toBe("draht (automatisch)");
  });
});
