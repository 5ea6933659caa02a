// The lexicon of violence, organised by meaning: each concept lists German word forms as patterns on the
// folded text (ä → ae, ß → ss), with its morphology written out: inflection and participles
// ("erschießt", "erschossen", "zu erschießen"), separable verbs with the object between the parts
// ("ich stech dich morgen ab"), compounds ("totprügeln"), colloquial, regional and youth forms
// ("abmurksen", "kaltmachen", "abstechen", "umnieten", "hops nehmen"), spellings without umlauts ("toten"
// is left out: it is also "die Toten"). Written for draht from dictionaries and common usage, not from any
// test set. What turns a violence word into a threat is in threatCues.ts; the model weighs both.

export const VIOLENCE_CONCEPTS = [
  "kill",
  "death",
  "injure",
  "sexual",
  "torture",
  "weapon",
  "arson",
  "explosive",
  "property",
  "harm_wish",
] as const;
export type ViolenceConcept = (typeof VIOLENCE_CONCEPTS)[number];

/** "ae" also as "a", "oe" as "o", "ue" as "u", for people who type without umlauts. */
const loose = (pattern: string) => pattern.replace(/ae/g, "ae?").replace(/oe/g, "oe?").replace(/ue/g, "ue?");

/** Words that may stand between the parts of a separable verb, and what may follow the particle. */
const GAP = "(?: [^ ,.;:!?]+){0,7}?";
const CLAUSE_END =
  "(?=\\s*$|\\s*[,.;:!?)]|\\s+(?:und|oder|wenn|weil|dann|sonst|falls|alter|digga|du|ihr|so|gleich|jetzt|morgen|heute|haha|ok|ey|junge|verstanden|kapiert|lassen|werden|wollen|muessen|sollen|koennen|will|werde|wird|soll|muss)\\b)";

/** A separable verb: finite forms, then the particle at the end of the clause ("stech dich ab"). */
function separable(forms: string, particle: string): string {
  // A short particle may be spelled out ("bring dich u m").
  const spelled = particle
    .split("|")
    .map((p) => (p.length <= 3 ? p.split("").join(" ?") : p))
    .join("|");
  return `\\b(?:${forms})\\b${GAP} (?:${spelled})${CLAUSE_END}`;
}

/** Joined forms of a separable verb: "abstechen", "abgestochen", "abzustechen", "absticht". */
function joined(particle: string, stems: string): string {
  return `\\b${particle}(?:ge|zu)?(?:${stems})\\w*`;
}

/** The concept → its patterns (alternatives of one regular expression per concept). */
const PATTERNS: Record<ViolenceConcept, string[]> = {
  kill: [
    separable("bring\\w*|brach\\w*", "um"),
    joined("um", "bring|brach|gebracht"),
    "\\bumgebracht\\b",
    "\\b(?:ermord|abmurks|abgemurks|murks\\w* \\w+ ab|kaltmach|kaltgemacht|kalt ?zu ?mach|abknall|abgeknallt|abzuknall|umnieten|umgenietet|umleg|umgelegt|umzuleg|abservier|hinricht|hingerichtet|exekutier|lynch|gelyncht|vergas|vergast|abschlacht|abgeschlachtet|niedermetzel|abmetzel|niederschiess|niedergeschossen|niederstech|niedergestochen|erschiess|erschies|erschoss|erschiesst|erstech|ersticht|erstoch|erwuerg|erdrossel|erdrosselt|ertraenk|erschlag|erschlaegt|erschlug|totschlag|totschlaeg|totgeschlagen|totzuschlag|totpruegel|totgepruegelt|tottret|totgetreten|totfahr|totgefahren|totstech|totgestochen|ausrott|ausgerottet|ausloesch|ausgeloescht|aufhaeng|aufgehaengt|aufzuhaeng|aufknuepf|aufgeknuepft|erhaeng|erhaengt|killen|kille|killt|gekillt|abkill)\\w*",
    "\\btoet(?:e|en|et|est|ete|eten)?\\b|\\bgetoetet\\b|\\bzu toeten\\b",
    separable("knall\\w*|stech\\w*|stich\\w*|stach\\w*|murks\\w*|schlacht\\w*|knips\\w*", "ab"),
    separable("schlag\\w*|schlaeg\\w*|schlug\\w*|pruegel\\w*|tret\\w*|tritt\\w*|stech\\w*|fahr\\w*|mach\\w*", "tot"),
    separable("mach\\w*", "kalt"),
    separable("leg\\w*|niet\\w*|hau\\w*|box\\w*|schubs\\w*", "um"),
    separable("knall\\w*|schiess\\w*|stech\\w*|mach\\w*|metzel\\w*|maeh\\w*", "nieder"),
    separable("haeng\\w*|knuepf\\w*", "auf"),
    "\\b(?:abstech|abzustech|abgestochen|absticht)\\w*",
    "\\b(?:kopf|koepfe|schaedel|kehle|hals|gurgel) (?:\\w+ )?(?:ab|abschlagen|abhacken|abschneiden|abreissen|durchschneiden|durchgeschnitten|aufschlitzen|umdrehen|umdreh\\w*)\\b",
    "\\b(?:gehenkt|henken|henkt|(?:werdet|wirst|werden|sollt|sollen|sollte|muessen) (?:\\w+ ){0,2}haengen|haengen sehen|baumeln|gaskammer|ins gas|ab ins lager|in den ofen|kopfschuss|genickschuss|kugel (?:in|durch|zwischen) (?:den|die|deinen|seinen|ihren|euren|euern|ihre|deine) (?:kopf|koepfe|birne|schaedel|augen)|kugel verdient|an die wand (?:stellen|gestellt|stelle)|an die wand mit|an (?:die|der|den) (?:naechste[nr]? )?laterne|am naechsten baum|aufs schafott|unter die erde bring\\w*|um die ecke bring\\w*|ins jenseits|kalt ?gemacht|hops nehmen|über den jordan|ueber den jordan|kaltstellen|ausknipsen|das licht ausknips\\w*|abstellen fuer immer|in den sarg|im sarg|sarg (?:ist|steht) (?:schon )?bestellt)\\b",
  ],
  death: [
    "\\b(?:stirb|stirbt|sterben|sterbt|stirbst|verreck\\w*|verrecke|krepier\\w*|abkratz\\w*|krepiert|verendet|verenden)\\b",
    "\\b(?:tot|tote|toter|toten|totes)\\b",
    "\\b(?:tod|todes|todesstrafe|leiche|leichen|grab|sarg)\\b",
  ],
  injure: [
    separable("schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*|pruegel\\w*", "zusammen"),
    "\\b(?:zusammenschlag|zusammengeschlagen|zusammenzuschlag|zusammenhau|zusammengehauen|zusammentret|zusammengetreten|verpruegel|verprugel|vermoebel|verdresch|verhau|verhaut|verhauen|zusammenfalt|zerlegen|zerleg|aufmisch|aufgemischt|aufklatsch|klatschen|klatsch|weghau|umhau|umgehauen|krankenhausreif|aufschlitz|aufgeschlitzt|verstuemmel|verletz|blutig|abstechen|messer (?:rein|zwischen)|kniescheib|schlag\\w* \\w+ (?:die|den|das) (?:fresse|zaehne|schaedel|kopf|nase|maul|knochen) ein)\\w*",
    separable(
      "schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*",
      "ein|kaputt|krankenhausreif|windelweich|platt|blutig|grün und blau|gruen und blau",
    ),
    separable("mach\\w*", "fertig|platt|kaputt|alle"),
    "\\b(?:blutbad|blut (?:wird |muss |soll )?(?:fliessen|fliesst|sehen)|es wird blut|aufs maul|auf die fresse|in die fresse|in die schnauze|eins auf die|eine (?:rein|verpass\\w*|klatsch\\w*|knall\\w*)|eine reinhau\\w*|fresse polier\\w*|die fresse|fresse einschlag\\w*|zaehne ausschlag\\w*|knochen brech\\w*|beine brech\\w*|genick brech\\w*|arme brech\\w*|windelweich|gruen und blau|grün und blau|abreibung|tracht pruegel|eins aufs maul|aufs maul hau\\w*)\\b",
    "\\b(?:schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*|box\\w*|pruegel\\w*|stech\\w*|sticht|schiess\\w*|schiesst|erschlag\\w*) (?:dich|euch|ihn|dir|ihm|ihnen|die|den|sie|diesen|diese)\\b",
  ],
  sexual: [
    "\\b(?:vergewaltig|geschaendet|schaend|missbrauch|durchfick|durchgefickt|abfick|rannehm|rangenommen|begrapsch|grabsch|betatsch|gruppenvergewaltig)\\w*",
    "\\bfick\\w* (?:dich|euch|sie|deine|eure|ihre|die|den)\\b(?!\\s*(?:doch|selbst|ins knie))",
  ],
  torture: [
    "\\b(?:folter|gefoltert|quael|gequaelt|zu quaelen|haeut|gehaeutet|zerstueckel|zerstueckelt|ausweid|ausgeweidet|vierteil|gevierteilt|pfaehl|gepfaehlt|steinig|gesteinigt|bei lebendigem leib|lebendig (?:begraben|verbrennen|verbrannt)|langsam (?:sterben|verrecken|krepieren)|qualvoll)\\w*",
  ],
  weapon: [
    "\\b(?:messer|klinge|machete|axt|beil|hackebeil|pistole|knarre|wumme|waffe|waffen|gewehr|flinte|schrotflinte|kalaschnikow|ak47|ak 47|baseballschlaeger|baseballschlaeger|schlagring|kugel|kugeln|patrone|patronen|munition|magazin voll|strick|galgen|guillotine|benzin|kanister|brandsatz|molotow\\w*|granate|granaten|sprengguertel|kettensaege|hammer|eisenstange|totschlaeger|pfefferspray|elektroschocker|schusswaffe|glock|kaliber|neun millimeter)\\b",
    "\\b\\w*(?:messer|knarre|pistole|gewehr|waffe|munition)\\b",
  ],
  arson: [
    separable("zuend\\w*|fackel\\w*|brenn\\w*", "an|ab|nieder|weg"),
    "\\b(?:anzuend|angezuendet|anzuzuend|abfackel|abgefackelt|abzufackel|niederbrenn|niedergebrannt|abbrenn|abgebrannt|brandstift|brand (?:setzen|legen|stecken)|in brand (?:setzen|stecken|gesetzt|gesteckt)|feuer (?:legen|gelegt|machen unter|unterm hintern)|anstecken|angesteckt|verbrenn|verbrannt|verbrannte|brennen lassen|abbrennen lassen|abfackeln lassen|brennt|brennen|brennend|in flammen|flammen|lichterloh|molotow)\\w*",
  ],
  explosive: [
    "\\b(?:in die luft (?:jag|spreng|geh|flieg)\\w*|spreng\\w*|gesprengt|bombe|bomben|bombenanschlag|anschlag|anschlaege|sprengstoff|sprengsatz|explodier\\w*|hochgeh\\w*|hochjag\\w*|hochgejagt|pulverfass|tnt|c4|nagelbombe|rohrbombe|autobombe|paketbombe|granate)\\b",
    separable("jag\\w*|spreng\\w*", "in die luft|hoch"),
  ],
  property: [
    "\\b(?:zerstoer|zerstort|demolier|zertruemmer|kaputtmach|kaputtgemacht|kaputt ?schlag|kaputtgeschlagen|kaputtzumach|einschlag\\w* (?:die|deine|eure|ihre|alle) (?:scheiben|fenster)|scheiben einschlag|scheiben einwerf|fenster einwerf|steine (?:durch|in|ins|gegen)|reifen (?:zerstech|aufschlitz|platt)|zerstochen|beschaedig|verwuest|abreissen|plattmach|plattgemacht|dem erdboden gleich|dem boden gleich|kurz und klein|kurzundklein|einrennen|stuermen|gestuermt|stuermt)\\w*",
    separable("mach\\w*|schlag\\w*|hau\\w*|tret\\w*", "kaputt|platt|kurz und klein"),
  ],
  harm_wish: [
    "\\b(?:krebs|tumor|herzinfarkt|schlaganfall|unfall|autounfall|verkehrsunfall|seuche|pest|corona|krankheit|qualen|schmerzen|leiden|elend|rollstuhl|koma|intensivstation|blind|querschnitt\\w*)\\b",
  ],
};

const COMPILED: [ViolenceConcept, RegExp][] = VIOLENCE_CONCEPTS.map((concept) => [
  concept,
  new RegExp(PATTERNS[concept].map(loose).join("|")),
]);

export interface ConceptHit {
  concept: ViolenceConcept;
  /** The words as matched in the folded text. */
  text: string;
  /** Where the match starts in the clause. */
  index: number;
}

/** The violence concepts found in one clause (folded text), each with its first match. */
export function violenceConcepts(clause: string): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const [concept, pattern] of COMPILED) {
    const match = pattern.exec(clause);
    if (match) hits.push({ concept, text: match[0].trim(), index: match.index });
  }
  return hits;
}

/** The weapon emoji and what they stand for. */
export const WEAPON_EMOJI: Readonly<Record<string, ViolenceConcept>> = {
  "🔪": "weapon",
  "🗡": "weapon",
  "🗡️": "weapon",
  "🔫": "weapon",
  "🪓": "weapon",
  "💣": "explosive",
  "🧨": "explosive",
  "💥": "explosive",
  "🔥": "arson",
  "⚰": "death",
  "⚰️": "death",
  "🪦": "death",
  "💀": "death",
  "☠": "death",
  "☠️": "death",
  "🩸": "injure",
  "🪢": "kill",
};
