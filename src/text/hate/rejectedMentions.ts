// Mentions that carry their own rejection, without quotation marks and without a "wer … schreibt": the writer's
// denial of a prejudice ("Bürgergeldempfänger sind keine Schmarotzer", "niemand ist Abschaum"), a request not to
// use a word ("bitte nicht Spasti schreiben", "hört auf, Flüchtlinge Ratten zu nennen"), an echo question answered
// in words ("Frauen gehören an den Herd?? Sagt einer, der …"), a statement called false ("So ein Käse, dass die
// Polen alle …", "Dass Flüchtlinge alle kriminell sein sollen, ist Unsinn"), a word named as a word ("Schwuchtel
// ist kein Wort, das man …") and words given to a person after them ("Frauen sind zu dumm für Politik, schreibt
// er"). Each is cut out like a quotation (counterSpeech.ts); what is left is weighed as the writer's own words.
// What only looks like one stays the writer's: a denial of nothing offensive or of humanity ("Muslime sind nicht
// integrierbar", "das sind keine Menschen"), of a reason or a frequency ("nicht ohne Grund", "nicht selten"), a
// denial taken back ("…, aber fast alle"), a statement called *not* false ("es ist kein Vorurteil, dass …"), an
// echo answered with yes ("…?? Auf jeden Fall"); and counterSpeech.ts drops all of them where the writer agrees
// after all ("Stimmt.", "meine Meinung"). Pure; patterns on the lower-cased text.
import { lexiconHits } from "../lexicon.js";
import { foldUmlauts } from "../normalise.js";
import { LETTERS, re } from "./patterns.js";

const W = `[${LETTERS}-]+`;
/** Words of a prejudice or of contempt that a denial takes back. */
const NEGATIVE_PREDICATE = re(
  "\\b(?:kriminell|faul|dumm|bloed|gefaehrlich|krank|pervers|gewalttaetig|gewaltbereit|aggressiv|asozial|dreckig|schmutzig|primitiv|minderwertig|verbrecher|terrorist|schmarotzer|parasit|ratte|tier|viech|ungeziefer|abschaum|muell|dreck|seuche|plage|krankheit|geisteskrank|gestoert|untermensch|pack|gesindel|vergewaltiger|messerstecher|faulenzer|dieb|betrueger|luegner|verlogen|hinterhaeltig|ungebildet|nutzlos|wertlos|affe|heuschrecke|kakerlake|made|maden|zecke|fliege|virus|gefahr|bedrohung|schuld(?:ig)?\\b|besoffen|saeufer|schaedling|invasion|flut|sozialfall|sozialfaelle|last)",
);
/** What a negation may also deny without taking back a prejudice: "keine Menschen", "nicht besser als", "nicht nur". */
const NOT_A_DENIAL = re(
  "\\b(?:nur|mal|mehr|besser|anders|genug|wert|wuerdig|mensch|menschen|menschlich|dicht|normal|willkommen|erwuenscht|integr[a-z]*|deutsch[a-z]*|teil|gleich|gleichwertig|echt[a-z]*|richtig[a-z]*|frau|frauen|mann|maenner|zu retten|zu helfen|zu ertragen|zu gebrauchen|als|wie|ohne|selten|umsonst|zufaellig|zufall|grundlos|unschuldig|schuldlos|wunder|geheimnis|frage|zweifel|witz|dass|wenn|weil|immer|ganz)\\b",
);
const offensive = (span: string) =>
  NEGATIVE_PREDICATE.test(span) ||
  lexiconHits({ folded: foldUmlauts(span) }).some((hit) => hit.list === "insult" || hit.list === "slur");

/** "… sind keine Schmarotzer", "… ist nicht menschlicher Müll", "… san ned asozial": to the clause's end. */
const DENIAL = re(
  `\\b(?:ist|sind|seid|bist|san|sin|seien|waeren|waren|war|is)(?: (?:doch|ja|halt|einfach|auch|eben|wirklich|absolut|garantiert|definitiv|sicher|ueberhaupt|gar|echt))* (?:nicht|nich|ned|net|kein|keine|keinen|keiner|keene|koane)\\b[^,.;:!?…]{1,60}?(?= sondern\\b|[,.;:!?…]|$)`,
  "g",
);
/** Rejected generalisations: "nicht alle Muslime sind Terroristen", "sind keine Parasiten, sondern Menschen". */
const NOT_ALL = re(`\\bnicht (?:alle|jeder|jede) (?:${W} ){1,3}(?:sind|waren|ist) [^,.;!?]{1,80}`, "g");
const NOT_BUT = re(`\\b(?:keine?n?|nicht)(?: ${W}){1,3}(?=, ?sondern\\b)`, "g");
/** "Niemand da draußen ist Abschaum", "kein Mensch ist illegal". */
const NOBODY = re(`\\b(?:niemand|kein mensch)(?: ${W}){0,3} (?:ist|wird) [^,.;:!?…]{1,60}?(?=[,.;:!?…]|$)`, "g");
/** Requests not to use words: "bitte nicht X schreiben", "hört auf, sie X zu nennen", "sag nochmal X und ich …". */
const PROHIBITIONS = [
  re(
    "\\bbitte (?:nicht|keine?n?|nie wieder|nicht mehr) [^,.;!?]{1,60}? (?:schreiben|sagen|posten|nennen|rufen|verwenden|benutzen)\\b(?=\\s*(?:[,.;:!?]|$))",
    "g",
  ),
  re(
    "\\b(?:hoert|hoer) (?:endlich |doch |bitte |mal )?auf,? [^.;!?]{1,80}? zu (?:schreiben|sagen|nennen|posten|bezeichnen|beschimpfen|rufen)\\b",
    "g",
  ),
  re(`\\bsag(?:t|st)? (?:noch ?(?:ein)?mal) [^,.;!?]{1,40}? und (?:ich|wir)\\b`, "g"),
  // "Sarkasmus an: … Sarkasmus aus."
  re("\\b(?:sarkasmus|ironie) an\\b[^]{1,240}?(?:\\b(?:sarkasmus|ironie) aus\\b|/s\\b)", "g"),
  re(
    "\\b(?:bitte )?keine (?:beleidigungen|sprueche|woerter|begriffe|witze|ausdruecke|bezeichnungen|tiervergleiche|vergleiche) (?:wie|a la) [^.;!?]{1,80}",
    "g",
  ),
];
/**
 * A statement echoed as a question and answered in words: "Frauen gehören an den Herd?? Sagt einer …", "Schwule
 * Lehrer gefährden Kinder? Nein." Not a question of the writer's own ("Warum sind die überhaupt hier??"), not one
 * followed only by emoji, and not one the writer answers with yes ("Auf jeden Fall", "Wo denn sonst").
 */
const ECHO_ANSWER =
  "\\s+(?:nein|ne|nee|noe|quatsch|sicher nicht|echt jetzt|ernsthaft|wie bitte|mir fehlen|bei uns|meine?|unsere?|ich bin|ich arbeite|ich kenne|bullshit|unsinn|schwachsinn|bloedsinn)\\b";
const ECHO = re(
  `(?<=^|[.!?]\\s+)(?!(?:warum|wieso|weshalb|weswegen|wer|wie|was|wo|wann|welche[a-z]*|sind|ist|haben|hat|darf|duerfen|soll|sollen|sollte|kann|koennen|muss|muessen|will|wollen|wird|werden|gibt|merkt|seht|sieht|weiss|wisst)\\b)[^.!?]{3,120}?(?:\\?{2,}!*|\\?!+|\\?(?=${ECHO_ANSWER}))(?=\\s*[a-zäöüß]+[^a-zäöüß]+[a-zäöüß])(?!\\s*(?:ja|jap|jo|jawohl|genau|natuerlich|klar|na klar|logisch|absolut|stimmt|richtig|eben|sicher(?! nicht)|nein danke|auf jeden fall|definitiv|sowieso|wo denn sonst|meine meinung)\\b)`,
  "g",
);
const FALSITY =
  "(?:unsinn|quatsch|schmarrn|schmarren|kaese|bloedsinn|schwachsinn|luege|luegen|gelogen|maerchen|mythos|vorurteil|falsch|humbug|mumpitz|bullshit|stimmt (?:einfach |doch |so |halt )?nicht|rassistisch|hetze|menschenverachtend|widerlegt)";
/** "So ein Käse, dass …", "Dass … sein sollen, ist Unsinn", "die Behauptung, dass …". */
const FALSE_STATEMENTS = [
  re(`\\b${FALSITY}[a-z]*,? dass [^.;!?]{1,160}`, "g"),
  re(
    `(?<=^|[.!?]\\s+)dass [^.;!?]{1,160}?(?=,? (?:ist|sind|war|waere)\\b(?: (?!kein|nicht|nie)[${LETTERS}]+){0,3} ${FALSITY})`,
    "g",
  ),
  re(
    "\\b(?:die behauptung|das gerede|das maerchen|die luege|der mythos|das vorurteil|die these|den spruch|der spruch),? dass [^.;!?]{1,160}",
    "g",
  ),
];
/** A word named as a word: "Schwuchtel ist kein Wort, das …", "Kameltreiber und Ziegenficker sind rassistische Beleidigungen". */
const WORD_AS_WORD = [
  re(
    `(?<=^|[.!?:]\\s+)(?:${W}(?:,| und| oder)? ){1,4}(?=(?:ist|sind|war) (?:(?:ein|eine|einfach|kein|keine|doch|nur|auch|schlicht|ganz klar|ne|n) )*(?:kein wort|ein wort|wort|begriff|beleidigung|schimpfw|nazibegriff|nazi-begriff|ausdruck|bezeichnung|rassistische (?:beleidigung|begriff|wort|ausdruck|bezeichnung)|kein witz|keine witze|keine meinung|keine satire)[a-z]*(?=\\s*(?:[,.;:!?]|$)|\\s+(?:und|oder|das|die|der|den|aus|von|seit|gegen|sondern)\\b))`,
    "g",
  ),
  re(
    `(?<=^|[.!?:]\\s+)${W}(?= ist (?:einfach |halt |schlicht |nun mal )?(?:rassistisch|antisemitisch|homophob|sexistisch|ableistisch|menschenverachtend|abwertend|diskriminierend)\\b)`,
    "g",
  ),
];
/** Words given to somebody after them: "…, schreibt er", "… sagt der, der …", "…?? Sagt einer, der …". */
const SAYS = "\\s+(?:schreibt|sagt|meint|behauptet|ruft|bruellt|fordert|postet|tippt|erzaehlt)\\s+";
const POSTPOSED = re(
  `(?<=^|[.!?]\\s+)[^.!?]{3,160}?(?:[,?!]+(?=${SAYS}(?:er|sie|einer|eine|jemand|ausgerechnet|so einer|hier einer|hier jemand|dann einer|mir einer|der typ|die tante|der kerl)\\b)|(?=${SAYS}(?:der|die|einer|eine),? (?:der|die)\\b))`,
  "g",
);

/**
 * The words an expression cannot match without, as bits: the text's words are looked up once, and an expression
 * runs only where its words are there (most texts are spared every expression).
 */
const WORD_BITS = new Map<string, number>();
const bit = (value: number, words: string) => {
  for (const word of words.split(" ")) WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | value);
  return value;
};
const NOT = bit(1, "nicht nich ned net kein keine keinen keiner keines keinem keene koane");
const BE = bit(2, "ist sind seid bist san sin seien waeren wären waren war is");
const NOBODY_WORD = bit(4, "niemand mensch");
const ALL = bit(8, "alle jeder jede");
const SONDERN = bit(16, "sondern");
const BITTE = bit(32, "bitte");
const HOER = bit(64, "hoert hört hoer hör");
const AGAIN = bit(128, "nochmal noch");
const IRONY = bit(256, "sarkasmus ironie");
const LIKE = bit(512, "wie la");
const DASS = bit(1024, "dass");
const FALSITY_WORD = bit(
  2048,
  "unsinn quatsch schmarrn schmarren käse kaese blödsinn bloedsinn schwachsinn lüge luege lügen luegen gelogen märchen maerchen mythos vorurteil vorurteile falsch humbug mumpitz bullshit wahr stimmt rassistisch rassistische hetze menschenverachtend widerlegt behauptung gerede these spruch",
);
const WORD_WORD = bit(
  4096,
  "wort worte wörter woerter begriff begriffe beleidigung beleidigungen schimpfwort schimpfwörter schimpfwoerter ausdruck ausdrücke ausdruecke bezeichnung bezeichnungen witz witze meinung satire nazibegriff",
);
const JUDGED_WORD = bit(
  8192,
  "rassistisch antisemitisch homophob sexistisch ableistisch menschenverachtend abwertend diskriminierend",
);
const SAYS_WORD = bit(16384, "schreibt sagt meint behauptet ruft bruellt brüllt fordert postet tippt erzaehlt erzählt");
const IST = bit(32768, "ist");
const WORDS = /[a-zäöüß]+/g;

function wordBits(text: string): number {
  let bits = 0;
  for (const word of text.match(WORDS) ?? []) bits |= WORD_BITS.get(word) ?? 0;
  return bits;
}
const has = (need: number) => (bits: number) => (bits & need) !== 0;
const hasBoth = (a: number, b: number) => (bits: number) => (bits & a) !== 0 && (bits & b) !== 0;

const ANSWER = re(`\\?${ECHO_ANSWER}`);
const SAYS_AFTER = re(`${SAYS}(?:er|sie|der|die|einer|eine|jemand|ausgerechnet|so|hier|dann|mir)\\b`);

type Step = [
  needs: (bits: number, text: string) => boolean,
  pattern: RegExp,
  keep: (span: string, before: string, after: string) => boolean,
  attributes?: true,
];
const always = () => true;
const denial = (span: string) => offensive(span) && !NOT_A_DENIAL.test(span.replace(/^\S+ /, ""));
const [BITTE_NICHT, HOERT_AUF, SAG_NOCHMAL, SARKASMUS, KEINE_WIE] = PROHIBITIONS as [
  RegExp,
  RegExp,
  RegExp,
  RegExp,
  RegExp,
];
/** In order: denials first, then requests, echo questions, statements called false, words as words, attributions. */
const STEPS: Step[] = [
  [hasBoth(NOT, BE), DENIAL, denial],
  [has(NOBODY_WORD), NOBODY, denial],
  [hasBoth(NOT, ALL), NOT_ALL, (span, _before, after) => offensive(span) && !MOST.test(span + after)],
  [hasBoth(NOT, SONDERN), NOT_BUT, denial],
  [has(BITTE), BITTE_NICHT, always],
  [has(HOER), HOERT_AUF, (span) => !/ zu (?:nennen|bezeichnen)$/.test(span) || offensive(lastWordsBefore(span))],
  [has(AGAIN), SAG_NOCHMAL, always],
  [has(IRONY), SARKASMUS, always],
  [hasBoth(NOT, LIKE), KEINE_WIE, always],
  [
    (_bits, text) => text.includes("??") || text.includes("?!") || (text.includes("?") && ANSWER.test(text)),
    ECHO,
    (span) => offensiveOrGroupClaim(span),
  ],
  ...FALSE_STATEMENTS.map((pattern): Step => [
    hasBoth(DASS, FALSITY_WORD),
    pattern,
    (_span, before) => !NEGATED_BEFORE.test(before),
  ]),
  [hasBoth(WORD_WORD, BE), WORD_AS_WORD[0] as RegExp, offensive],
  [hasBoth(JUDGED_WORD, IST), WORD_AS_WORD[1] as RegExp, offensive],
  [(bits, text) => (bits & SAYS_WORD) !== 0 && SAYS_AFTER.test(text), POSTPOSED, always, true],
];

/** "Nicht alle … sind kriminell, aber fast alle": the denial taken back at once. */
const MOST = re(
  "\\b(?:aber (?:fast|die meisten|viele|fast alle)|die meisten|fast alle|viele schon|meisten schon|die mehrheit)\\b",
);
/** "Es ist kein Vorurteil, dass …": a statement called false, negated, is called true. */
const NEGATED_BEFORE = re("\\b(?:kein|keine|nicht|nie|niemals)\\s+(?:\\w+\\s+)?$");
/** The name given in "hört auf, Flüchtlinge Ratten zu nennen": the word before "zu nennen". */
const lastWordsBefore = (span: string) =>
  span
    .replace(/ zu (?:nennen|bezeichnen)$/, "")
    .split(" ")
    .at(-1) ?? "";

export interface RejectedMentions {
  /** The text with the mentions cut out ("…" where they stood). */
  rest: string;
  /** Mentions whose own words reject them (denials, requests, echo questions, statements called false, words as words). */
  rejected: number;
  /** Mentions given to somebody after them ("…, schreibt er"). */
  attributed: number;
}

/** Cuts the mentions that reject themselves out of the (lower-cased) text. */
export function rejectedMentions(text: string): RejectedMentions {
  let rejected = 0;
  let attributed = 0;
  let rest = text;
  const bits = wordBits(text);
  if (bits === 0 && !text.includes("?")) return { rest: text, rejected, attributed };
  for (const [needs, pattern, keep, attributes] of STEPS) {
    if (!needs(bits, rest)) continue;
    rest = rest.replace(pattern, (span: string, ...args: unknown[]) => {
      const offset = args.find((a) => typeof a === "number") as number;
      const before = rest.slice(Math.max(0, offset - 24), offset);
      const after = rest.slice(offset + span.length, offset + span.length + 40);
      if (!keep(span, before, after)) return span;
      if (attributes) attributed++;
      else rejected++;
      return " … ";
    });
  }
  if (rejected + attributed === 0) return { rest: text, rejected, attributed };
  return { rest: rest.replace(/\s+/g, " ").trim(), rejected, attributed };
}

/** An echo question is cut when it says something hateful or offensive, not for any question before an answer. */
function offensiveOrGroupClaim(span: string): boolean {
  // "Refugees welcome? Nein danke": an echo of a welcome, answered no, is the writer's rejection of the group.
  return (offensive(span) || GROUP_CLAIM.test(span)) && !WELCOME.test(span);
}
const WELCOME = re("\\b(?:willkommen|welcome|bereicherung|vielfalt|buntheit)");
const GROUP_CLAIM = re(
  "\\b(?:sind|gehoeren|gehoert|haben|kein|keine|raus|alle|gefaehrden|klauen|stehlen|vergewaltigen|wollen|kosten)\\b",
);
