// Counter-speech: hate that is mentioned in order to reject it, not used. "Wer schreibt ‚die sind wie Ratten',
// sollte sich schämen", "Wer Geflüchtete als Parasiten bezeichnet, hat nichts verstanden", "Sprüche wie ‚die
// gehören alle raus' gehören gemeldet". The mentioned words are cut out and the rest of the text is what the
// writer says: the analyser weighs that rest (textAnalyser.ts), so a citizen arguing against hate is not held
// for the hate they quote, while an insult of their own still is. Pure; patterns on the lower-cased text.

/** ä/ö/ü/ß and their spellings ae/oe/ue/ss (and a/o/u without the e) all match. */
const umlautAware = (pattern: string) =>
  pattern
    .replace(/ae/g, "(?:ä|ae?)")
    .replace(/oe/g, "(?:ö|oe?)")
    .replace(/ue/g, "(?:ü|ue?)")
    .replace(/ss/g, "(?:ß|ss)");
/** German words hold letters beyond ASCII: the patterns use \p{L}, so they need the "u" flag. */
const re = (pattern: string, flags = "") => new RegExp(umlautAware(pattern), `u${flags}`);

/** Words outside a quotation that reject, report or name it as hate. */
const REJECTION = re(
  "\\b(?:schaem[\\p{L}\\p{N}]*|widerlich[\\p{L}\\p{N}]*|ekelhaft[\\p{L}\\p{N}]*|ekelig|eklig|abscheulich[\\p{L}\\p{N}]*|rassis[\\p{L}\\p{N}]*|antisemit[\\p{L}\\p{N}]*|menschenverachtend[\\p{L}\\p{N}]*|menschenfeindlich[\\p{L}\\p{N}]*|homophob[\\p{L}\\p{N}]*|transfeindlich[\\p{L}\\p{N}]*|queerfeindlich[\\p{L}\\p{N}]*|frauenfeindlich[\\p{L}\\p{N}]*|sexistisch[\\p{L}\\p{N}]*|islamfeindlich[\\p{L}\\p{N}]*|fremdenfeindlich[\\p{L}\\p{N}]*|hetze[\\p{L}\\p{N}]*|hetzer[\\p{L}\\p{N}]*|hass[\\p{L}\\p{N}]*|geht (?:gar )?nicht|inakzeptabel|unertraeglich|unmoeglich|anzeige[\\p{L}\\p{N}]*|angezeigt|anzeigen|melden|meldet|gemeldet|loeschen|loescht|geloescht|strafbar[\\p{L}\\p{N}]*|straftat|volksverhetzung|schande|pfui|entsetzt|erschreckend|erschrocken|armselig|erbaermlich|peinlich|traurig|bitter|falsch|luege[\\p{L}\\p{N}]*|gelogen|stimmt (?:einfach )?nicht|hoert auf|hoer auf|aufhoeren|zu hause|nichts verstanden|nix verstanden|kein platz|keinen platz|nicht hinnehmen|nicht tolerieren|widersprechen|widerspreche|dagegen|vorurteil[\\p{L}\\p{N}]*|pauschal[\\p{L}\\p{N}]*|verallgemeiner[\\p{L}\\p{N}]*|menschen(?:wuerde|rechte)?|mitmenschen|nachbarn|solidar[\\p{L}\\p{N}]*|zivilcourage|schlimm|krank|verroht[\\p{L}\\p{N}]*|problem|gesperrt|sperren|sperrt|bestraf[\\p{L}\\p{N}]*|nicht ok|nicht okay|nicht in ordnung|unter aller sau|daneben|laecherlich|schwachsinn|quatsch|bloedsinn|unsinn|allerletzte|blamier[\\p{L}]*|heuchel[\\p{L}]*|stimmungsmache|staatsanwalt[\\p{L}]*|netiquette|verstoss[\\p{L}]*|geht.?s noch|echt jetzt|stimmt (?:mit euch|mit dir|was) nicht|was soll (?:das|bitte)|denk (?:mal )?(?:drueber|darueber) nach|lasst das|menschenverachtung|nazi[\\p{L}]*|rechtsextrem[\\p{L}]*|wahrer wird|kein verbrechen|keine meinung|moderation|blockieren|gescreenshottet|screenshot[\\p{L}]*)\\b",
);
const WHO_SAYS = re(
  "\\bwer (?:[^,.;!?]{0,120}?)\\b(?:schreibt|sagt|nennt|bezeichnet|behauptet|postet|ruft|hoaßt|heisst)\\b",
);
/** Words that say a quotation is somebody's words: "schreibt", "nennt", "das Wort", "lese ich". */
const MENTION = re(
  "\\b(?:schreib[\\p{L}]*|geschrieben|sagt|sagen|gesagt|nenn[\\p{L}]*|genannt|bezeichn[\\p{L}]*|lese|liest|lesen|gelesen|steht|stand|wort|woerter|begriff[\\p{L}]*|kommentar[\\p{L}]*|gerede|rumposaun[\\p{L}]*|rede[tn]?|geredet|post[\\p{L}]*|thread)\\b",
);
const REJECTION_ALL = new RegExp(REJECTION.source, "gu");
/** Quoted words: straight, German and French quotation marks; single quotes only around several words. */
const QUOTED =
  /["„“”»«](?<inner>[^"„“”»«\n]{2,}?)["„“”»«]|‚(?<low>[^‚‘’\n]{2,}?)[‘’]|(?:^|[\s(:])'(?<single>[^'\n]{2,}?)'(?=[\s.,!?:;)]|$)/gu;

/**
 * Unquoted mentions: "wer Geflüchtete Ratten nennt," (the clause up to its verb), "Menschen als Parasiten zu
 * bezeichnen", "Sprüche wie die sind alle kriminell." (up to the end of the clause).
 */
const MENTION_CLAUSES = [
  re(
    "\\bwer (?:[^,.;:!?]{1,120}?) (?:schreibt|sagt|nennt|bezeichnet|behauptet|postet|ruft|brüllt|bruellt|verbreitet|meint|glaubt|denkt|fordert|teilt|liked|likt|hetzt)\\b",
    "g",
  ),
  re(
    "\\bals (?:[^,.;:!?]{1,80}?) (?:zu )?(?:bezeichn[\\p{L}\\p{N}]*|beschimpf[\\p{L}\\p{N}]*|darstell[\\p{L}\\p{N}]*|abstempel[\\p{L}\\p{N}]*|hinstell[\\p{L}\\p{N}]*|diffamier[\\p{L}\\p{N}]*|verunglimpf[\\p{L}\\p{N}]*|nennen|genannt|bezeichnet)\\b",
    "g",
  ),
  re(
    "\\b(?:sprueche|spruch|saetze|satz|kommentare|kommentar|aussagen|aussage|parolen|parole|posts|worte|begriffe|woerter|wort) (?:wie|a la|à la)\\b[^.;!?]{1,160}",
    "g",
  ),
  // Rejected generalisations: "nicht alle Muslime sind Terroristen", "sind keine Parasiten, sondern Menschen".
  re("\\bnicht alle (?:[\\p{L}\\p{N}]+ ){1,3}(?:sind|waren|ist) [^,.;!?]{1,80}", "g"),
  re("\\b(?:keine?n?|nicht)(?: [\\p{L}\\p{N}]+){1,3}(?=, ?sondern\\b)", "g"),
  re(
    "\\b(?:hier|da|in den kommentaren|unter dem (?:post|beitrag|video)|im netz|online) (?:schreibt|schreiben|liest man|lese ich|steht|stand|behauptet|behaupten) (?:[\\p{L}\\p{N}]+ ){0,3}(?:dass|,)[^.;!?]{1,160}",
    "g",
  ),
];

/** Where a mention without quotation marks is judged: "… sind einfach nur rassistisch". */
const JUDGEMENT = new RegExp(
  `\\s(?:sind|ist|waren|war|finde ich|gehoeren|gehören|gehoert|gehört|haben|hat)(?=(?:\\s+[\\p{L}]+){0,3}?\\s+${REJECTION.source.replace(/^\\b/, "")})`,
  "u",
);

export interface CounterSpeech {
  /** The text without the mentioned words ("…" where they stood): what the writer says in their own words. */
  ownWords: string;
  /** How many mentions were cut out. */
  mentions: number;
}

/**
 * Null when the text mentions no hate to reject it. A quotation counts when it holds two or more words (a
 * single word in quotation marks is usually a scare quote: "Fachkräfte") and the words outside it reject,
 * report or name it; an unquoted mention ("wer … nennt", "als … bezeichnen", "Sprüche wie …") when the rest
 * of the text rejects it. Without a rejection it stays the writer's ("der Nachbar sagt ‚…' und hat recht").
 */
export function counterSpeech(text: string): CounterSpeech | null {
  let mentions = 0;
  let rest = text;
  if (/["„“”»«‚']/.test(text))
    rest = rest.replace(QUOTED, (all, inner?: string, low?: string, single?: string) => {
      const quoted = (inner ?? low ?? single ?? "").trim();
      // One word in quotation marks is a scare quote ("Fachkräfte") unless the text says it is somebody's word.
      if (!/\s/.test(quoted) && !MENTION.test(text)) return all;
      mentions++;
      return all.startsWith(" ") || all.startsWith("(") || all.startsWith(":") ? `${all[0]} … ` : " … ";
    });
  for (const clause of MENTION_CLAUSES)
    rest = rest.replace(clause, (all) => {
      mentions++;
      // "Sprüche wie die sind alle Schmarotzer sind rassistisch": the mention ends before its rejection.
      const judged = JUDGEMENT.exec(all);
      const kept = judged && judged.index > 0 ? all.slice(judged.index) : "";
      return `${all.startsWith("wer ") ? "wer …" : " …"} ${kept}`;
    });
  if (mentions === 0) return null;
  // "Wer … schreibt, …" is said of others' words: it frames them for a judgement of its own.
  if (!REJECTION.test(rest) && !WHO_SAYS.test(text)) return null;
  // The words of rejection are aimed at the hate, not at a person: they are not the writer's offence either.
  const ownWords = rest.replace(REJECTION_ALL, " ").replace(/\s+/g, " ").trim();
  return { ownWords, mentions };
}
