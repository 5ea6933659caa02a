// Cues for hate against groups and for what only looks like it: a group named, generalisations ("die sind
// alle …"), dehumanising words, calls for exclusion, slurs — and counter-speech (rejecting, reporting,
// quoting hate to reject it), questions and reports. They are features of the hate decision's second
// level (groupHate.ts), next to the n-gram model trained on GAHD and GermEval; they are not a verdict.
import type { LexiconHit } from "../lexicon.js";
import { CUE, cueBitsOf } from "../cueWords.js";
import type { NormalisedText } from "../normalise.js";
import { CONTEXTS, TARGETS } from "../threat/threatCues.js";

const loose = (pattern: string) => pattern.replace(/ae/g, "ae?").replace(/oe/g, "oe?").replace(/ue/g, "ue?");
const cue = (pattern: string) => new RegExp(loose(pattern));

const GROUP = cue(TARGETS.group);
const COUNTER = cue(CONTEXTS.counter);
const REPORTED = cue(CONTEXTS.reported);
const GENERALISATION = cue(
  "\\b(?:(?:die|diese|solche|alle|jeder|jede) (?:\\w+ ){0,2}(?:sind|ist|waren|bleiben|werden) (?:\\w+ ){0,2}(?:alle|immer|doch|nun mal|halt|eben|nur|einfach|von natur|genetisch)|sind (?:doch )?alle|alle gleich|typisch|die meisten von denen|von denen|diese leute|dieses volk|diese sorte|solche leute|das pack|die brut)\\b",
);
const DEHUMANISING = cue(
  "\\b(?:ungeziefer|parasit\\w*|schmarotzer\\w*|tiere|tier|viecher|vieh|pack|gesindel|abschaum|ratten|ratte|seuche|plage|kakerlak\\w*|made|maden|schaedling\\w*|untermensch\\w*|affen|affe|kreatur\\w*|dreck|muell|abfall|virus|krebsgeschwuer|missgeburt\\w*|brut|horde|horden|invasion|invasoren|flut)\\b",
);
const EXCLUSION = cue(
  "\\b(?:raus|rausschmeissen|rauswerfen|abschieb\\w*|ausweis\\w*|deportier\\w*|zurueck(?:schicken|schick\\w*)?|heim ins|nach hause schicken|haben hier nichts (?:zu suchen|verloren)|nichts verloren|gehoeren nicht|nicht hierher|grenzen dicht|grenze dicht|ausgrenz\\w*|verbieten|verbot|wegsperren|einsperren|lager|kein(?:e|en)? (?:platz|zutritt|wohnung\\w*|geld|rechte)|ohne (?:rechte|geld)|nicht willkommen|unerwuenscht|remigration|ausschaffen)\\b",
);
const NEGATED_GENERALISATION = cue(
  "\\b(?:nicht (?:alle|jeder|jede)|sind nicht (?:alle|kriminell|faul|schlecht|gefaehrlich)|nicht (?:kriminell|faul|gefaehrlich|schlechter)|keine (?:terroristen|verbrecher|tiere|parasiten|schmarotzer)|kein (?:problem|verbrecher)|genauso (?:menschen|wie wir)|auch menschen|menschen wie (?:du und ich|wir))\\b",
);
const SUPPORT = cue(
  "\\b(?:willkommen|helfen|hilfe|unterstuetz\\w*|spende\\w*|ehrenamt\\w*|integration|integrier\\w*|nachbarn|freunde|freundin|kollege\\w*|toll|schoen|super|danke|bereicherung|vielfalt|respekt|gleichberechtig\\w*|menschenwuerde|menschenrechte|rassismus|rassistisch\\w*|diskriminier\\w*|antisemitis\\w*|homophob\\w*|transfeindlich\\w*|queerfeindlich\\w*|sexistisch\\w*|islamfeindlich\\w*|fremdenfeindlich\\w*|vorurteil\\w*|pauschal\\w*|verallgemeiner\\w*|hetze|hetzer\\w*|hass)\\b",
);

export const GROUP_HATE_CUES = [
  "group",
  "generalisation",
  "dehumanising",
  "exclusion",
  "slur",
  "insult",
  "counter",
  "negatedGeneralisation",
  "support",
  "quoted",
  "question",
  "reported",
  "counterQuoted",
  "groupSupport",
  "addressee",
] as const;

const QUOTES = /["„“”»«‚‘']/;

/**
 * 0/1 per cue in the order of GROUP_HATE_CUES. The phrase patterns run only when a word names a group, or
 * dehumanises, excludes or slurs (cueWords.ts); otherwise the words' own cues stand for them.
 */
export function groupHateCues(
  normalised: Pick<NormalisedText, "folded" | "words" | "wordFacts">,
  hits: readonly LexiconHit[],
): number[] {
  const text = normalised.folded;
  const bits = cueBitsOf(normalised);
  const slur = hits.some((h) => h.list === "slur");
  const quoted = QUOTES.test(text);
  if ((bits & (CUE.group | CUE.dehumanising | CUE.exclusion)) === 0 && !slur) {
    const counter = (bits & CUE.counter) !== 0;
    return [
      0,
      0,
      0,
      0,
      0,
      hits.some((h) => h.list === "insult"),
      counter,
      0,
      (bits & CUE.support) !== 0,
      quoted,
      text.includes("?"),
      0,
      counter && quoted,
      0,
      (bits & CUE.addressee) !== 0,
    ].map((b) => (b ? 1 : 0));
  }
  const group = GROUP.test(text);
  const counter = COUNTER.test(text);
  const support = SUPPORT.test(text);
  return [
    group,
    GENERALISATION.test(text),
    DEHUMANISING.test(text),
    EXCLUSION.test(text),
    slur,
    hits.some((h) => h.list === "insult"),
    counter,
    NEGATED_GENERALISATION.test(text),
    support,
    quoted,
    text.includes("?"),
    REPORTED.test(text),
    counter && quoted,
    group && support,
    (bits & CUE.addressee) !== 0,
  ].map((b) => (b ? 1 : 0));
}
