// The threat detector: threats of violence, calls for violence, death wishes and intimidation, found by
// German patterns on the normalised text, clause by clause. A negation in the same clause before the
// match ("ich würde niemals jemanden schlagen") or a quotation / report of someone else's words lowers
// the score instead of silencing it; idioms ("das bringt mich um", "ich bin total erschossen") are
// removed first. Without a rule, violence words together with a high offensive-language score still
// give a medium score: a missed threat is worse than a false alarm, so that goes to a person.
import { type LexiconHit, lexiconHits } from "./lexicon.js";
import type { NormalisedText } from "./normalise.js";

export type ThreatKind = "violence" | "death_wish" | "call_to_violence" | "intimidation";

interface ThreatRule {
  id: string;
  kind: ThreatKind;
  score: number;
  pattern: RegExp;
}

const TARGET = "(?:dich|euch|sie|ihn|den|die|das|alle|jeden|jemanden|einen|ihm|dir|diesen|diese|dieses)";
const KILL_VERBS =
  "(?:umbring\\w*|umzubringen|abstech\\w*|abzustechen|abknall\\w*|abzuknallen|erschiess\\w*|erschoss\\w*|erstech\\w*|erwuerg\\w*|aufhaeng\\w*|aufzuhaengen|aufknuepf\\w*|vergas\\w*|abschlacht\\w*|hinricht\\w*|hingerichtet|lynch\\w*|gelyncht|abfackel\\w*|anzuend\\w*|anzuzuenden|verbrenn\\w*|toeten|getoetet|zu toeten|kaltmachen|kalt machen|abmurks\\w*)";

const RULES: ThreatRule[] = [
  {
    id: "kill_bring_um",
    kind: "violence",
    score: 0.92,
    pattern: new RegExp(`\\bbring\\w*\\s+${TARGET}\\b[^.!?]{0,40}\\bum\\b`),
  },
  // Separable verbs with the target between: "ich knall dich ab", "ich schlag dich tot", "zünde das Amt an".
  {
    id: "kill_separable",
    kind: "violence",
    score: 0.9,
    pattern: new RegExp(
      `\\b(?:knall\\w*\\s+${TARGET}\\b[^.!?]{0,30}\\bab|stech\\w*\\s+${TARGET}\\b[^.!?]{0,30}\\bab|schlag\\w*\\s+${TARGET}\\b[^.!?]{0,30}\\btot|mach\\w*\\s+${TARGET}\\b[^.!?]{0,30}\\bkalt|(?:zuend|fackel)\\w*\\s+(?:ich |wir |man )?(?:${TARGET}|euer|eure|dein|deine|ihr)\\b[^.!?]{0,30}\\b(?:an|ab)|(?:jag|spreng)\\w*\\s+[^.!?]{0,30}\\bin die luft)\\b`,
    ),
  },
  {
    id: "death_wish_imperative",
    kind: "death_wish",
    score: 0.85,
    pattern:
      /\b(?:geh|geht|gehen sie) (?:doch )?(?:sterben|verrecken|krepieren)|\bstirb\b|\bverreck doch\b|\bkrepier doch\b/,
  },
  {
    id: "call_to_violence",
    kind: "call_to_violence",
    score: 0.92,
    pattern: new RegExp(
      `\\b(?:man sollte|man muesste|man muss|man muesste mal|lasst uns|auf zum|zeit fuer|holt euch|schnappt euch|gehoer\\w*|sollte man|muss man|muesste man)\\b[^.!?]{0,50}${KILL_VERBS}`,
    ),
  },
  {
    id: "death_wish",
    kind: "death_wish",
    score: 0.9,
    pattern:
      /\b(?:soll|sollst|sollt|sollen|sollte|sollten|muesste|muessten|gehoer\w*|moege|moegen)\b[^.!?]{0,40}\b(?:sterben|verrecken|krepieren|erschossen|aufgehaengt|aufgeknuepft|vergast|erhaengt|hingerichtet|gelyncht|an die wand gestellt|tot umfallen|abgestochen|verbrannt|erschlagen)\b/,
  },
  {
    id: "death_wish_hope",
    kind: "death_wish",
    score: 0.86,
    pattern:
      /\b(?:hoffentlich|ich hoffe|wuensch\w*|wuensche)\b[^.!?]{0,50}\b(?:stirbt|sterben|tod|tot|verreckt|verrecken|krepiert|krebs|unfall)\b/,
  },
  { id: "death_wish_verrecken", kind: "death_wish", score: 0.8, pattern: /\b(?:verreck\w*|krepier\w*)\b/ },
  { id: "tod_den", kind: "call_to_violence", score: 0.88, pattern: /\btod (?:den|dem|allen|der)\b/ },
  { id: "kill_verb", kind: "violence", score: 0.82, pattern: new RegExp(`\\b${KILL_VERBS}\\b`) },
  {
    id: "violent_phrase",
    kind: "violence",
    score: 0.85,
    pattern:
      /\b(?:in die luft (?:jagen|sprengen)|kopf (?:abschlagen|abreissen|ab)|kehle durchschneiden|kugel (?:in|durch) (?:den|deinen|seinen|ihren|euren) kopf|an die wand stellen|an die laterne|am naechsten baum|aufs maul|die fresse polieren|fresse polieren|zusammenschlagen|zusammengeschlagen|verpruegeln|windelweich|eine reinhauen|abreiben|plattmachen|platt machen)\b/,
  },
  {
    id: "hit_target_will",
    kind: "violence",
    score: 0.8,
    pattern: new RegExp(
      `\\b(?:werde|werden|will|wollen|wuerde|wuerden|ich|wir|gleich)\\b[^.!?]{0,20}\\b${TARGET}\\b[^.!?]{0,25}\\b(?:schlagen|verhauen|treten|abstechen|erstechen|abknallen|erschiessen|toeten|umbringen|verpruegeln|kaputtschlagen|fertigmachen|fertig machen)\\b`,
    ),
  },
  {
    id: "hit_target",
    kind: "violence",
    score: 0.75,
    pattern: new RegExp(`\\b(?:schlag\\w*|hau\\w*|tret\\w*|stech\\w*|schiess\\w*)\\s+${TARGET}\\b`),
  },
  {
    id: "intimidation_address",
    kind: "intimidation",
    score: 0.85,
    pattern:
      /\b(?:wir wissen|ich weiss|wissen wir|weiss ich)\b[^.!?]{0,10}\bwo (?:du|sie|ihr|er|deine|ihre) (?:wohn\w*|arbeite\w*|lebs?t|schlaf\w*)/,
  },
  {
    id: "intimidation",
    kind: "intimidation",
    score: 0.75,
    pattern:
      /\b(?:wir kriegen (?:dich|euch|sie)|ich krieg\w* (?:dich|euch)|(?:deine|eure|ihre) tage sind gezaehlt|(?:dein|euer|ihr) (?:haus|auto|buero|rathaus) (?:brennt|wird brennen|fliegt)|(?:du|ihr|sie) (?:wirst|werdet|werden) (?:es )?(?:noch |schon )?(?:bereuen|bezahlen|buessen)|warte nur ab|pass(?:t)? (?:bloss|nur|gut)? ?auf dich auf)\b/,
  },
];

/** Idioms that look like threats and are not. */
const IDIOMS =
  /\b(?:(?:das|es|die hitze|der laerm|der stress|dieser laerm) bring\w* mich (?:noch )?um|bring\w* mich (?:noch )?um vor|(?:ich bin|bin ich|wir sind)(?: \w+){0,2} (?:erschossen|erledigt|tot)|totlach\w*|lach\w* mich tot|zum totlachen|tot(?:ge)?schwieg\w*|totgeschwiegen|totsicher|mausetot|todmuede|tod(?:ernst|sicher|schick|krank)|schlag\w* (?:sie|ihn|es|das) nach|schlagen sie (?:vor|nach)|schlag\w* vor|schlag\w* ein|hau\w* (?:sie|ihn|das|es) (?:rein|raus)|tritt in kraft|treten (?:sie|ihn)? ?in kraft|die zeit totschlagen)\b/g;
const NEGATION =
  /\b(?:nicht|nie|niemals|kein\w*|nimmer|keinesfalls|keineswegs|niemand|nirgends|auf keinen fall|um keinen preis)\b/;
const REPORTED =
  /\b(?:hat (?:mir |uns )?(?:geschrieben|gedroht|gesagt)|schrieb|zitat|zitiert|sagte|wurde (?:mir |uns )?gedroht|droht(?:e)? (?:mir|uns|ihm|ihr)|drohung\w*|bedroht|anzeige erstattet|angezeigt|berichte\w*|polizei meldet|tatort|krimi|film|roman|wurden? (?:\w+ ){0,4}(?:erschossen|getoetet|erstochen|umgebracht|ermordet|erschlagen))\b/;
const QUOTED = /["„“”»«‚‘'](?<inner>[^"„“”»«‚‘']{3,})["„“”»«‚‘']/g;

export interface ThreatMatch {
  rule: string;
  kind: ThreatKind;
  text: string;
  negated: boolean;
  quoted: boolean;
  score: number;
}

export interface ThreatResult {
  /** 0 … 1. */
  score: number;
  kind: ThreatKind | null;
  matches: ThreatMatch[];
  /** Readable reasons: "threat:death_wish:soll verrecken", "threat:negated:…", "threat:model_signal". */
  reasons: string[];
}

/** Splits into clauses: sentences, then commas and "aber/sondern/doch" (a negation stays in its clause). */
function clausesOf(text: string): string[] {
  // ", wo du wohnst" and "ich hoffe, du stirbst" belong to the clause before the comma.
  return text
    .replace(/,\s*(wo|wie|wann|was) /g, " $1 ")
    .replace(/\b(hoffe|wuensche|wuensch)\s*,\s*/g, "$1 ")
    .split(/[.!?;\n]+|,|\b(?:aber|sondern|doch|jedoch)\b/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function quotedSpans(original: string): string[] {
  return [...original.matchAll(QUOTED)].map((m) => m.groups?.inner ?? "").filter(Boolean);
}

/** Every rule needs one of these word parts; a text without any skips the rules (most texts). */
const TRIGGERS =
  /bring|umbr|umzubr|stech|knall|ersch|erst|erwuerg|aufh|aufkn|vergas|schlacht|hinricht|lynch|fackel|zuend|brenn|toet|kalt|murks|sterb|stirb|verreck|krepier|tod|luft|kopf|kehle|kugel|wand|latern|baum|maul|fresse|pruegel|windelweich|reinhau|abreib|platt|schlag|hau|tret|schiess|wohn|arbeit|lebs?t|schlaf|krieg|gezaehlt|fliegt|bereuen|bezahl|buess|warte|pass|jag|spreng|erhaeng|fertig|tot|stoch|brann|krebs|unfall/;

function ruleMatches(text: string, quotes: readonly string[]): ThreatMatch[] {
  if (!TRIGGERS.test(text)) return [];
  const reported = REPORTED.test(text);
  const matches: ThreatMatch[] = [];
  for (const clause of clausesOf(text)) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(clause);
      if (!match) continue;
      const negated = NEGATION.test(clause.slice(0, match.index + match[0].length).replace(/\bnicht nur\b/g, ""));
      const quoted = reported || quotes.some((q) => q.includes(match[0]));
      // A negated threat keeps a low score (a person may still look), a quoted one a medium score.
      const score = rule.score * (negated ? 0.25 : 1) * (quoted ? 0.5 : 1);
      matches.push({ rule: rule.id, kind: rule.kind, text: match[0], negated, quoted, score });
      break; // the first (strongest) rule per clause is enough
    }
  }
  return matches;
}

export function detectThreat(
  normalised: Pick<NormalisedText, "folded">,
  modelSignal: { offense: number },
  hits?: readonly LexiconHit[],
): ThreatResult {
  // Most texts hold no trigger word at all: then neither idioms nor rules need to run.
  const triggered = TRIGGERS.test(normalised.folded);
  const text = triggered ? normalised.folded.replace(IDIOMS, " ") : normalised.folded;
  const quoted = triggered && (normalised.folded.includes('"') || /[„“”»«‚‘']/.test(normalised.folded));
  const quotes = quoted ? quotedSpans(normalised.folded).map((q) => q.replace(IDIOMS, " ")) : [];
  const matches = triggered ? ruleMatches(text, quotes) : [];
  const reasons = matches.map(
    (m) => `threat:${m.negated ? "negated:" : ""}${m.quoted ? "quoted:" : ""}${m.kind}:${m.text}`,
  );
  let score = matches.reduce((max, m) => Math.max(max, m.score), 0);
  const violenceWords = (hits ?? lexiconHits({ folded: text })).filter((h) => h.list === "violence");
  if (violenceWords.length > 0 && matches.every((m) => !m.negated)) {
    const soft = 0.2 + 0.4 * modelSignal.offense;
    if (soft > score) {
      score = soft;
      reasons.push(`threat:model_signal:${violenceWords.map((h) => h.word).join(",")}`);
    }
  }
  const strongest = matches.filter((m) => !m.negated).sort((a, b) => b.score - a.score)[0];
  return { score: Math.round(score * 1000) / 1000, kind: strongest?.kind ?? null, matches, reasons };
}
