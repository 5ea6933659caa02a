// The one entry point of German text analysis: normalise once, then the offensive-language classifier
// (coarse and fine), the lexicons, the threat detector, intent and sentiment; all scores and labels
// with the reasons a moderator can read (which rule, which words, which n-grams weighed most).
// Pure: the model file's content is a parameter (loaded by the caller at start).
import type { Intent, TextAnalyser, TextAnalysis } from "./analysis.js";
import { createOffenseClassifier, type OffenseModelFile } from "./classifier/offenseClassifier.js";
import { detectIntent } from "./intent.js";
import { type LexiconHit, lexiconHits, MASKABLE_WORDS } from "./lexicon.js";
import { type NormalisedText, normaliseText, WORD_TOKEN } from "./normalise.js";
import { detectSentiment } from "./sentiment.js";
import { detectThreat, type ThreatKind } from "./threat/threat.js";
import { createThreatScorer } from "./threat/threatModel.js";
import { createGroupHate, ZHateModelFile } from "./hate/groupHate.js";
import { counterSpeech } from "./hate/counterSpeech.js";

export interface FullAnalysis extends TextAnalysis {
  scores: TextAnalysis["scores"] & { insult: number; profanity: number; abuse: number; hate: number };
  sentimentLabel: "negative" | "neutral" | "positive";
  threatKind: ThreatKind | null;
  /** The n-grams that pushed most towards "offensive", with their weight. */
  evidence: { feature: string; weight: number }[];
}

export interface AnalyserOptions {
  /** Offensive from this coarse score on (default 0.5). */
  offenseThreshold?: number;
  /** A threat from this score on (default 0.5). */
  threatThreshold?: number;
  /** Hate against a group from this score on (default 0.5). */
  hateThreshold?: number;
  /** Explain the classifier (n-grams) from this offense score on (default 0.5, where the moderation pipeline starts holding); below, nobody needs to know why. */
  explainFrom?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A feature name as a person reads it: "w:idiot" → "idiot", "c:<vol" → "vol…", "b:sie sind" → "sie sind". */
export function readableFeature(name: string): string {
  const body = name.slice(2);
  if (name.startsWith("c:"))
    return `${body.startsWith("<") ? "" : "…"}${body.replace(/[<>]/g, "")}${body.endsWith(">") ? "" : "…"}`;
  if (name.startsWith("l:")) return `Wortliste ${body}`;
  if (name.startsWith("s:")) return `${body}…`;
  return body;
}

/**
 * The fine label of an offensive text: swearing without an insult or slur is PROFANITY (the model sees
 * too few examples of it to say so itself, 71 in GermEval's training data); else the model's stronger of
 * ABUSE and INSULT.
 */
function fineLabelFor(fine: Record<string, number>, hits: readonly LexiconHit[]): "ABUSE" | "INSULT" | "PROFANITY" {
  const lists = new Set(hits.map((h) => h.list));
  if (lists.has("profanity") && !lists.has("insult") && !lists.has("slur")) return "PROFANITY";
  if (lists.has("slur")) return "ABUSE";
  return (fine.INSULT ?? 0) > (fine.ABUSE ?? 0) ? "INSULT" : "ABUSE";
}

export interface FullTextAnalyser extends TextAnalyser {
  analyse(text: string): FullAnalysis;
}

/** The trained models' files (src/text/models/), as read by the caller. */
export interface TextModels {
  offense: OffenseModelFile;
  threat: unknown;
  /** The hate-against-groups model (hate.json): its n-gram part is packed with the offense models. */
  hate: unknown;
}

export function createTextAnalyser(models: TextModels, options: AnalyserOptions = {}): FullTextAnalyser {
  const hateFile = ZHateModelFile.parse(models.hate);
  const classifier = createOffenseClassifier({ ...models.offense, hate: hateFile.ngram });
  const groupHate = createGroupHate(hateFile);
  const hateThreshold = options.hateThreshold ?? 0.5;
  const threatScorer = createThreatScorer(models.threat);
  const offenseThreshold = options.offenseThreshold ?? 0.5;
  const threatThreshold = options.threatThreshold ?? 0.5;
  const explainFrom = options.explainFrom ?? 0.5;
  const analyse = (text: string): FullAnalysis => {
    const normalised = normaliseText(text, { vocabulary: MASKABLE_WORDS });
    const hits = lexiconHits(normalised);
    const offenseResult = classifier.classifyNormalised(normalised, { explainFrom, hits });
    const threat = detectThreat(normalised, { offense: offenseResult.offense }, threatScorer);
    const hate = groupHate(normalised, hits, offenseResult.hate);
    const intent = detectIntent(normalised);
    let offense = offenseResult.offense;
    // Hate quoted to reject it: the writer's own words decide whether it is held (counterSpeech.ts).
    const counter = offense >= offenseThreshold || hate.score >= hateThreshold ? counterSpeech(normalised.text) : null;
    let counterLowered = false;
    if (counter) {
      const own = normaliseText(counter.ownWords, { vocabulary: MASKABLE_WORDS });
      const ownHits = lexiconHits(own);
      // Counter-speech rejects hate against a group; an insult or slur of the writer's own ("… sind nur
      // Arschlöcher") keeps the text held, quotation or not.
      const aboutGroups = hate.cues.some((c) => HATE_TOPIC_CUES.has(c));
      // An insult or slur that stands only inside a mention the text says is somebody's ("wer Linke ‚Zecken'
      // nennt, …") is somebody else's word, whoever it was aimed at.
      const offensiveWord = (h: { list: string }) => h.list === "insult" || h.list === "slur";
      const onlyMentioned = counter.framed && hits.some(offensiveWord);
      // A denial counts where the text reads as hate against a group ("Behinderte sind keine Last"), not for an
      // insult of a person ("du bist nicht dumm, du bist …").
      const deniedHate = counter.denied && hate.score >= hateThreshold;
      if ((aboutGroups || onlyMentioned || deniedHate) && !ownHits.some(offensiveWord)) {
        const ownResult = classifier.classifyNormalised(own, { explainFrom, hits: ownHits });
        const ownHate = groupHate(own, ownHits, ownResult.hate);
        // In a rejection of hate, a group named in its defence is no hate: the writer's own words need hate's
        // own marks (dehumanising, excluding, a slur, a generalisation).
        const ownHateScore = ownHate.cues.some((c) => OWN_HATE_CUES.has(c)) ? ownHate.score : 0;
        // Without a swear word of their own, the words around a rejected quotation are not held for their tone:
        // the n-gram model reads "wer … nennt, hat nichts verstanden" as offensive for the mention's frame.
        const ownOffense = ownHits.some((h) => h.list === "profanity")
          ? ownResult.offense
          : Math.min(ownResult.offense, offenseThreshold * 0.99);
        counterLowered =
          (offense >= offenseThreshold && ownOffense < offenseThreshold) ||
          (hate.score >= hateThreshold && ownHateScore < hateThreshold);
        offense = Math.min(offense, ownOffense);
        hate.score = Math.min(hate.score, ownHateScore);
      }
    }
    // The n-gram models read a group's name as a sign of hate and offence. Plain thanks or praise in the writer's own
    // words ("Danke an die Ehrenamtlichen in der Flüchtlingshilfe") have that reading set aside, for both scores —
    // not where the text holds any lexicon word (insult, slur, swear word, violence), a threat, a cue of hate of its
    // own (dehumanising, exclusion, generalisation), a "dass" clause ("Danke, dass die … endlich verschwinden") or a
    // sign of irony ("Vielfalt ist ja so toll 🙄", scare quotes, a question).
    const praised =
      (hate.score >= hateThreshold || offense >= offenseThreshold) &&
      intent.scores.praise >= 0.8 &&
      THANKS.test(normalised.folded) &&
      !hate.cues.some((c) => OWN_HATE_CUES.has(c)) &&
      hits.length === 0 &&
      threat.score === 0 &&
      !IRONY.test(normalised.folded);
    if (praised) {
      hate.score = Math.min(hate.score, hateThreshold * 0.99);
      offense = Math.min(offense, offenseThreshold * 0.99);
    }
    const sentiment = detectSentiment(
      normalised,
      (offense >= offenseThreshold ? 1 : 0) + (threat.score >= threatThreshold ? 1.5 : 0),
    );
    const labels: string[] = [];
    const fine = offenseResult.fine;
    if (offense >= offenseThreshold) {
      labels.push("OFFENSE");
      labels.push(fineLabelFor(fine, hits));
    }
    if (threat.score >= threatThreshold) labels.push("THREAT");
    if (hate.score >= hateThreshold) labels.push("HATE");
    labels.push(intent.intent.toUpperCase(), sentiment.label.toUpperCase());
    // Without ä, ö, ü or ß the text spells every word as the lists match it: nothing to look up.
    const asWritten = normalised.text === normalised.folded ? null : writtenForms(normalised);
    const reasons = [
      ...intent.reasons,
      ...threat.reasons.map((r) => (asWritten && r.startsWith("threat:") ? wordsAsWritten(asWritten, r) : r)),
    ];
    if (hate.score >= hateThreshold) reasons.push(hate.cues.length > 0 ? `hate:${hate.cues.join(",")}` : "group_hate");
    if (normalised.signals.deobfuscated > 0) reasons.push("obfuscated_spelling");
    if (counterLowered) reasons.push("counter_speech");
    if (praised) reasons.push("group_praise");
    for (const hit of hits)
      if (hit.list !== "violence") reasons.push(`lexicon:${hit.list}:${asWritten ? asWritten(hit.word) : hit.word}`);
    if (offenseResult.evidence.length > 0)
      reasons.push(`model:${offenseResult.evidence.map((e) => readableFeature(e.feature)).join(", ")}`);
    for (const reason of sentiment.reasons)
      reasons.push(
        asWritten
          ? reason.replace(
              /^sentiment:(.+)([+-])$/,
              (_all, word: string, sign: string) => `sentiment:${asWritten(word)}${sign}`,
            )
          : reason,
      );
    return {
      intent: intent.intent as Intent,
      sentiment: sentiment.score,
      sentimentLabel: sentiment.label,
      scores: {
        question: intent.scores.question,
        offense: round(offense),
        threat: threat.score,
        insult: round(fine.INSULT ?? 0),
        profanity: round(fine.PROFANITY ?? 0),
        abuse: round(fine.ABUSE ?? 0),
        hate: round(hate.score),
      },
      flagged: offense >= offenseThreshold || threat.score >= threatThreshold || hate.score >= hateThreshold,
      threatKind: threat.kind,
      labels,
      reasons,
      evidence: offenseResult.evidence,
    };
  };
  return { name: "draht-text-2", analyse };
}

/** The cues that make a text one about groups: a group named, dehumanising words, slurs, calls for exclusion. */
const HATE_TOPIC_CUES = new Set(["group", "dehumanising", "slur", "exclusion"]);
const OWN_HATE_CUES = new Set(["dehumanising", "slur", "exclusion", "generalisation"]);
/** Thanks, praise or welcome ("danke an", "großes Lob an", "Respekt an", "herzlich willkommen"), with no "dass" clause. */
const THANKS =
  /^(?!.*\bdass\b).*\b(?:danke|dankeschoen|vielen dank|herzlichen dank|tausend dank|dank an|(?:grosses |riesen)?lob an|riesenlob|respekt an|hut ab|chapeau|herzlich willkommen|willkommen (?:in|bei|an|im))\b/;
/** Signs that praise is meant the other way round: irony words, eye-rolling and laughing faces, weapons, scare quotes. */
const IRONY =
  /\b(?:ja so|ja wohl|na toll|na super|natuerlich|klar doch|schon klar|wohl|vielen dank auch|danke fuer nix|danke merkel|herzlichen glueckwunsch|aber|leider|trotzdem|nicht|kein|keine)\b|🙄|🤡|😂|🤣|😏|😒|🔪|💣|🐒|["„“”»«‚‘?]/;

/** "threat:violence:bring dich um" with each word of the matched text as the text spells it. */
function wordsAsWritten(asWritten: (folded: string) => string, reason: string): string {
  const at = reason.lastIndexOf(":");
  const words = reason.slice(at + 1).replace(WORD_TOKEN, (word) => asWritten(word));
  return `${reason.slice(0, at + 1)}${words}`;
}

/**
 * The word as the text spells it ("unfähige"), for people reading a reason; the lists match the folded form
 * ("unfaehige"). Folding turns letters into letters, so the text's words and the folded text's words (the
 * same tokens) stand in the same order: the i-th of one is the i-th of the other. Falls back to the folded form
 * where no word of the text folds to it.
 */
function writtenForms(normalised: Pick<NormalisedText, "text" | "words">): (folded: string) => string {
  let written: string[] | null = null;
  return (folded) => {
    const folds = normalised.words;
    written ??= normalised.text.match(WORD_TOKEN) ?? [];
    // A few questions per text: a look along its words costs less than a map of them.
    if (written.length === folds.length)
      for (let i = 0; i < folds.length; i++) if (folds[i] === folded) return written[i] as string;
    return folded;
  };
}
