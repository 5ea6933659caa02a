// Counter-speech: hate that is mentioned in order to reject it, not used. "Wer schreibt ‚die sind wie Ratten',
// sollte sich schämen", "Wer Geflüchtete als Parasiten bezeichnet, hat nichts verstanden", "Sprüche wie ‚die
// gehören alle raus' gehören gemeldet". The mentioned words are cut out and the rest of the text is what the
// writer says: the analyser weighs that rest (textAnalyser.ts), so a citizen arguing against hate is not held
// for the hate they quote, while an insult of their own still is. Pure; patterns on the lower-cased text.

import { re } from "./patterns.js";
import { rejectedMentions } from "./rejectedMentions.js";

/** Words outside a quotation that reject, report or name it as hate. */
const REJECTION = re(
  "\\b(?:schaem[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|widerlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|ekelhaft[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|ekelig|eklig|abscheulich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|rassis[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|antisemit[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|menschenverachtend[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|menschenfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|homophob[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|transfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|queerfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|frauenfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|sexistisch[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|islamfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|fremdenfeindlich[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|hetze[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|hetzer[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|hass[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|geht (?:gar )?nicht|schimpfw(?:ort|oerter)[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|unterirdisch|inakzeptabel|unertraeglich|unmoeglich|anzeige[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|angezeigt|anzeigen|melden|meldet|gemeldet|loeschen|loescht|geloescht|strafbar[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|straftat|volksverhetzung|schande|pfui|entsetzt|erschreckend|erschrocken|armselig|erbaermlich|peinlich|traurig|bitter|falsch|luege[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|gelogen|stimmt (?:einfach )?nicht|hoert auf|hoer auf|aufhoeren|zu hause|nichts verstanden|nix verstanden|kein platz|keinen platz|nicht hinnehmen|nicht tolerieren|widersprechen|widerspreche|dagegen|vorurteil[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|pauschal[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|verallgemeiner[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|menschen(?:wuerde|rechte)?|mitmenschen|nachbarn|solidar[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|zivilcourage|schlimm|krank|verroht[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|problem|gesperrt|sperren|sperrt|bestraf[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|nicht ok|nicht okay|nicht in ordnung|unter aller sau|daneben|laecherlich|schwachsinn|quatsch|bloedsinn|unsinn|allerletzte|blamier[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|heuchel[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|stimmungsmache|staatsanwalt[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|netiquette|verstoss[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|geht.?s noch|echt jetzt|stimmt (?:mit euch|mit dir|was) nicht|was soll (?:das|bitte)|denk (?:mal )?(?:drueber|darueber) nach|lasst das|menschenverachtung|nazi[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|rechtsextrem[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|wahrer wird|kein verbrechen|keine meinung|moderation|blockieren|gescreenshottet|screenshot[a-z0-9äöüßàâçéèêëîïôûùÿñ]*)\\b",
);
const WHO_SAYS = re(
  "\\bwer (?:[^,.;!?]{0,120}?)\\b(?:schreibt|sagt|nennt|bezeichnet|behauptet|postet|ruft|hoaßt|heisst)\\b",
);
/** Words that say a quotation is somebody's words: "schreibt", "nennt", "das Wort", "lese ich". */
const MENTION = re(
  "\\b(?:schreib[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|geschrieben|sagt|sagen|gesagt|nenn[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|genannt|bezeichn[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|lese|liest|lesen|gelesen|steht|stand|wort|woerter|begriff[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|kommentar[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|gerede|rumposaun[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|hoasst|heisst|heissen|ruft|rufen|gerufen|witz[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|emojis?|beschimpf[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|sprueche|spruch|parolen?|rede[tn]?|geredet|post[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|thread)\\b",
);
const REJECTION_ALL = new RegExp(REJECTION.source, "g");
/** Somebody else's words: "ihr schreibt", "man liest", "jemand hier schreibt", "geschrieben", "nennt". */
const ATTRIBUTION = re(
  "\\b(?:ihr|du|jemand|einer|leute|manche|der nutzer|die nutzerin|wurde (?:mir|uns|ihm|ihr)) (?:[a-z0-9äöüßàâçéèêëîïôûùÿñ]+ ){0,3}(?:schreib[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|geschrieben|nenn[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|genannt|postet|posten|gepostet|ruft|rufen|redet|redest|reden|behauptet|bezeichn[a-z0-9äöüßàâçéèêëîïôûùÿñ]*)\\b|\\b(?:lese ich|liest man|man liest|hab(?:e)? (?:ich )?(?:hier )?gelesen|hat gelesen|wird (?:hier )?(?:geschrieben|geredet)|(?:geschrieben|geredet) wird)\\b",
);
/** The writer takes the quoted words up as their own: "… und hat recht", "muss man ja mal sagen", "genau so". */
const ENDORSEMENT = re(
  "\\b(?:(?:hat|haben|hast|habt) (?:[a-z]+ )?recht|recht (?:hat|haben|hast)|unterschreib[a-z]*|meine meinung|meiner meinung|so siehts aus|so sieht es aus|nichts hinzuzufuegen|kann man nur sagen|wie man so schoen sagt|genau so|genauso ist es|so ist es|stimmt doch|stimmt halt|ist doch so|ist halt so|sehe ich (?:auch )?so|seh ich (?:auch )?so|endlich sagt|endlich mal einer|traut sich|muss (?:man )?(?:es |das )?(?:ja |doch |halt |einfach )?(?:mal )?sagen|darf man (?:ja |wohl |doch )?(?:noch )?sagen|wird man (?:ja |wohl |doch )?(?:noch )?sagen|wahre worte|bravo|richtig so|wo er recht hat|wo sie recht hat|danke fuer die klaren worte|(?:du sagst|ihr sagt|er sagt|sie sagt|sie sagen) es|sag(?:e)? ich (?:doch|ja)|aber (?:leider )?(?:wahr|ehrlich|richtig|fakt|gerecht|so ist es|es stimmt|die wahrheit)|stimmt(?! (?:nicht|einfach nicht|so nicht|doch nicht|halt nicht))|auf jeden fall|beispiel dafuer|beste beispiel|bestes beispiel|und zwar (?:sofort|alle|jetzt)|wo denn sonst)\\b|👍|💯",
);
/**
 * Words of one who answers a quotation rather than says it: a contrast ("… und dann beim Türken Döner holen"),
 * an own experience ("meine Nachbarin …", "ich arbeite …"), a question back, the hater addressed ("du", "ihr").
 */
const DISAGREEMENT = re(
  "\\b(?:aber|und dann|trotzdem|dabei|obwohl|stattdessen|gegenteil|ausgerechnet|eigentlich|ernsthaft|echt jetzt|ach ja|mein|meine|meiner|meinem|meinen|unser|unsere|unserem|unseren|ich (?:bin|arbeite|kenne|habe|hab|lebe|wohne|war)|du (?:bist|selbst|hast|kannst|weisst)|ihr (?:seid|selbst|habt|koennt|wisst nicht)|seit \\d+ jahren)\\b|\\b(?:wer|wie|was|warum|wieso|weshalb|wo|und du)\\b[^?]*\\?|🙄|😂|🤦|🤡|🙈|🤔|😒",
);
/** The writer takes a quotation up as their own slogan: "ich sag nur: …", "mein Motto: …", "bin ich für". */
const ADOPTION = re(
  "\\b(?:ich sag(?:e)?|sag ich|ich fordere|wir fordern|ich finde|wir sagen|mein motto|unser motto|ich bin (?:fuer|dafuer)|bin ich (?:fuer|dafuer)|wir wollen|ich will|deshalb|darum|also)\\b",
);
/**
 * A quotation of several words is somebody else's words when the writer answers it in four or more words of their
 * own that disagree, and neither agrees with it nor takes it up.
 */
function disagrees(rest: string, quotations: number, text: string): boolean {
  if (quotations === 0 || ENDORSEMENT.test(text) || ADOPTION.test(rest)) return false;
  return (rest.match(/[a-zäöüß]{2,}/g) ?? []).length >= 4 && DISAGREEMENT.test(rest);
}

/** Quoted words: straight, German and French quotation marks; single quotes only around several words. */
const QUOTED =
  /["„“”»«](?<inner>[^"„“”»«\n]{2,}?)["„“”»«]|‚(?<low>[^‚‘’\n]{2,}?)[‘’]|(?:^|[\s(:])'(?<single>[^'\n]{2,}?)'(?=[\s.,!?:;)]|$)/g;

/** The words before a quotation that make it the writer's own predicate: "… ist", "… sind alle", "du bist ein". */
const PREDICATE_BEFORE =
  /\b(?:ist|sind|bist|seid|war|waren|wird|werden|bleibt|bleiben|san|is)(?: (?:ein|eine|einer|einen|der|die|das|so|nur|alle|doch|halt|echt|einfach|total|ganz|voll|nun mal|eben))*\s*$/;

/**
 * Unquoted mentions: "wer Geflüchtete Ratten nennt," (the clause up to its verb), "Menschen als Parasiten zu
 * bezeichnen", "Sprüche wie die sind alle kriminell." (up to the end of the clause). Each with the pieces of
 * text it cannot match without: a quick look for them spares most texts the expression.
 */
const MENTION_CLAUSES: [needs: string[], clause: RegExp][] = [
  [
    ["wer "],
    re(
      "\\bwer (?:[^,.;:!?]{1,120}?) (?:schreibt|sagt|nennt|bezeichnet|behauptet|postet|ruft|brüllt|bruellt|verbreitet|meint|glaubt|denkt|fordert|teilt|liked|likt|hetzt|benutzt|verwendet|raushaut|uebernimmt)\\b",
      "g",
    ),
  ],
  // "wer schreibt, Schwule seien krank, hat …": the verb first, the mention after it up to the main clause.
  [
    ["wer "],
    re(
      `\\bwer (?:hier )?(?:schreibt|sagt|behauptet|postet|meint|fordert|ruft|bruellt)[,:]? (?:dass )?[^,.;!?]{1,120}?(?=,? (?:der |die )?(?:hat|ist|sollte|soll|muss|kann|gehoert|darf|braucht|weiss|zeigt|outet|disqualifiziert|beweist|verbreitet)\\b)`,
      "g",
    ),
  ],
  // "Kümmeltürken schreibt nur, wer keine Ahnung hat."
  [
    ["nur wer", "nur, wer"],
    re(`(?<=^|[.!?:]\\s+)[^.;!?]{1,80}? (?:schreibt|sagt|ruft|postet|bruellt) nur,? (?=wer\\b)`, "g"),
  ],
  // "Die Leute, die ihr hier Penner nennt, …"
  [
    ["nennt", "nennst", "nennen", "bezeichn", "schimpf"],
    re(
      `\\b(?:die|den|der|das|denen) (?:ihr|du|er|sie|man|manche|einige|viele) (?:hier )?[^,.;!?]{1,60}? (?:nennt|nennen|nennst|bezeichnet|bezeichnen|schimpft|beschimpft)\\b`,
      "g",
    ),
  ],
  // "Du schreibst, Türken bescheißen alle …", "An die Person, die geschrieben hat, Behinderte gehören ins Heim: …"
  [
    ["schreib", "sagst", "behaupt", "meinst", "forderst", "fordert", "postest", "postet"],
    re(
      `\\b(?<frame>(?:du|ihr|er|jemand|einer) (?:hier )?(?:schreibst|schreibt|sagst|behauptest|behauptet|meinst|forderst|fordert|postest|postet),? (?:dass )?)(?![ …])[^.;!?]{1,160}`,
      "g",
    ),
  ],
  [
    ["geschrieben", "gepostet", "gesagt", "behauptet ha"],
    re(
      `\\b(?<frame>(?:die|der|das|den) (?:hier )?(?:geschrieben|gepostet|gesagt|behauptet) (?:hat|haben),? (?:dass )?)(?![ …])[^.;:!?]{1,120}`,
      "g",
    ),
  ],
  [
    ["als "],
    re(
      "\\bals (?:[^,.;:!?]{1,80}?) (?:zu )?(?:bezeichn[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|beschimpf[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|darstell[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|abstempel[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|hinstell[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|diffamier[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|verunglimpf[a-z0-9äöüßàâçéèêëîïôûùÿñ]*|nennen|genannt|bezeichnet)\\b",
      "g",
    ),
  ],
  [
    [" wie", " a la", " à la"],
    re(
      "\\b(?:sprueche|spruch|saetze|satz|kommentare|kommentar|aussagen|aussage|parolen|parole|posts|worte|begriffe|woerter|wort) (?:wie|a la|à la)\\b[^.;!?]{1,160}",
      "g",
    ),
  ],
  [
    ["schreib", "liest man", "lese ich", "steht", "stand", "behaupt"],
    re(
      "\\b(?:hier|da|in den kommentaren|unter dem (?:post|beitrag|video)|im netz|online) (?:schreibt|schreiben|liest man|lese ich|steht|stand|behauptet|behaupten) (?:[a-z0-9äöüßàâçéèêëîïôûùÿñ]+ ){0,3}(?:dass|,)[^.;!?]{1,160}",
      "g",
    ),
  ],
];

/** Where a mention without quotation marks is judged: "… sind einfach nur rassistisch". */
const JUDGEMENT = new RegExp(
  `\\s(?:sind|ist|waren|war|finde ich|gehoeren|gehören|gehoert|gehört|haben|hat)(?=(?:\\s+[a-z0-9äöüßàâçéèêëîïôûùÿñ]+){0,3}?\\s+${REJECTION.source.replace(/^\\b/, "")})`,
  "",
);

export interface CounterSpeech {
  /** The text without the mentioned words ("…" where they stood): what the writer says in their own words. */
  ownWords: string;
  /** How many mentions were cut out. */
  mentions: number;
  /** The text says the words are somebody's ("wer … nennt", "ihr schreibt", "das Wort"), not only rejects them. */
  framed: boolean;
  /** The writer denies something offensive in their own words ("… sind keine Schmarotzer", "nicht alle … sind …"). */
  denied: boolean;
}

function includesAny(text: string, pieces: readonly string[]): boolean {
  for (const piece of pieces) if (text.includes(piece)) return true;
  return false;
}

/**
 * Null when the text mentions no hate to reject it. A quotation counts when it holds two or more words (a
 * single word in quotation marks is usually a scare quote: "Fachkräfte") and the words outside it reject,
 * report or name it; an unquoted mention ("wer … nennt", "als … bezeichnen", "Sprüche wie …") when the rest
 * of the text rejects it. A denial, a request not to use a word, an echo question answered or a statement called
 * false (rejectedMentions.ts) rejects itself; a quotation of several words answered with disagreement counts too.
 * Where the writer agrees or takes it up it stays the writer's ("der Nachbar sagt ‚…' und hat recht", "Stimmt.").
 */

export function counterSpeech(text: string): CounterSpeech | null {
  let mentions = 0;
  let quotations = 0;
  let rest = text;
  if (/["„“”»«‚']/.test(text))
    rest = rest.replace(QUOTED, (all, inner?: string, low?: string, single?: string, offset?: number) => {
      const quoted = (inner ?? low ?? single ?? "").trim();
      // One word in quotation marks is a scare quote ("Fachkräfte") unless the text says it is somebody's word;
      // so is a quotation the writer predicates of someone ("der Bürgermeister ist ‚ein korruptes Schwein'").
      const scare = !/\s/.test(quoted) || PREDICATE_BEFORE.test(text.slice(Math.max(0, (offset ?? 0) - 40), offset));
      if (scare && !MENTION.test(text)) return all;
      mentions++;
      if (!scare) quotations++;
      return all.startsWith(" ") || all.startsWith("(") || all.startsWith(":") ? `${all[0]} … ` : " … ";
    });
  for (const [needs, clause] of MENTION_CLAUSES) {
    if (!includesAny(rest, needs)) continue;
    rest = rest.replace(clause, (all: string, ...groups: unknown[]) => {
      mentions++;
      // The words that say whose the mention is stay ("ihr schreibt …"); so does a judgement after it:
      // "Sprüche wie die sind alle Schmarotzer sind rassistisch" — the mention ends before its rejection.
      const frame = (groups.at(-1) as { frame?: string } | undefined)?.frame;
      const mention = frame ? all.slice(frame.length) : all;
      const judged = JUDGEMENT.exec(mention);
      const kept = judged && judged.index > 0 ? mention.slice(judged.index) : "";
      return `${frame ?? ""}${all.startsWith("wer ") ? "wer …" : " …"} ${kept}`;
    });
  }
  // Denials, requests not to use a word, echo questions, statements called false: they reject themselves.
  const self = rejectedMentions(rest);
  rest = self.rest;
  mentions += self.rejected + self.attributed;
  if (mentions === 0) return null;
  // "Wer … schreibt, …" is said of others' words: it frames them for a judgement of its own. So are words
  // somebody else wrote or said ("ihr schreibt …", "man liest hier …", "hat gelesen, dass ihr ihn … nennt",
  // "…, schreibt er") when the writer does not take them up as their own ("… und hat recht", "muss man ja mal sagen").
  const attributed = (self.attributed > 0 || ATTRIBUTION.test(rest)) && !ENDORSEMENT.test(text);
  const whoSays = WHO_SAYS.test(text);
  // A denial, an echo question or a request rejects itself, unless the writer agrees after all ("… Stimmt.").
  const selfRejected = self.rejected > 0 && !ENDORSEMENT.test(text);
  if (!REJECTION.test(rest) && !whoSays && !attributed && !selfRejected && !disagrees(rest, quotations, text))
    return null;
  // The words of rejection are aimed at the hate, not at a person: they are not the writer's offence either.
  const ownWords = rest.replace(REJECTION_ALL, " ").replace(/\s+/g, " ").trim();
  return { ownWords, mentions, framed: whoSays || attributed || MENTION.test(text), denied: selfRejected };
}
