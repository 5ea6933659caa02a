// Which single words can start a threat or a statement about a group, decided once per distinct word and
// remembered in the word table (wordFacts.ts): most texts hold none of them, and then the threat detector
// and the phrase patterns of the hate cues need not run at all. One lookup per word instead of a scan of
// every text with long patterns keeps the analysis above 20,000 comments per second.
import { LETTER_OR_DIGIT } from "./letters.js";
import type { NormalisedText } from "./normalise.js";
import { CUE_GATE, VEILED, WATCHING_AND_VISITS } from "./threat/threatCues.js";
import { ALL_CONCEPTS, conceptsOfWord, withoutZuInfix } from "./threat/violenceLexicon.js";
import { bitsOfWords, factsOf } from "./wordFacts.js";
import { anchorGate, phraseAnchorWords, topLevelAlternatives } from "./patternSource.js";

export const CUE = {
  violence: 1,
  intimidation: 2,
  group: 4,
  dehumanising: 8,
  exclusion: 16,
  support: 32,
  counter: 64,
  addressee: 128,
  /** A word one of the intimidation phrases holds (INTIMIDATION_PHRASE): only then is the phrase looked for. */
  phrase: 256,
} as const;
/**
 * Above the cue bits, the violence concepts a match of which can hold the word (violenceLexicon.ts's
 * conceptsOfWord): conceptsIn(bits) of a sentence are the concepts worth trying on it.
 */
const CONCEPT_SHIFT = 12;
/** Above the concepts, the groups of intimidation phrases that hold the word among their anchors (phraseIn). */
const PHRASE_SHIFT = 22;

const loose = (pattern: string) => pattern.replace(/ae/g, "ae?").replace(/oe/g, "oe?").replace(/ue/g, "ue?");
const part = (alternatives: string) => new RegExp(loose(`(?:${alternatives})`));
const whole = (alternatives: string) => new RegExp(loose(`^(?:${alternatives})$`));

/** Long, unambiguous word parts of the violence lexicon (threat/violenceLexicon.ts): anywhere in a word. */
const VIOLENCE_ANYWHERE = part(
  "messer|waffe|pistol|gewehr|knarre|munition|patrone|granat|bombe|bomben|sprengstoff|sprengsatz|spreng|anschlag|molotow|brandsatz|machete|kalasch|schlagring|baseballschlaeger|guillotine|galgen|folter|vergewalt|massaker|mord|moerder|lynch|erschiess|erschies|erschoss|erstech|ersticht|erstoch|erwuerg|erdrossel|erhaeng|aufhaeng|aufgehaengt|aufknuepf|aufgeknuepft|umbring|umgebracht|umzubring|abstech|abgestoch|abzustech|absticht|abknall|abgeknallt|abzuknall|abfackel|abgefackelt|anzuend|angezuendet|niederbrenn|niedergebrannt|totschlag|totgeschlag|totpruegel|tottret|verpruegel|vermoebel|verdresch|krankenhausreif|zusammenschlag|zusammengeschlag|zusammentret|zusammengetret|verreck|krepier|abschlacht|abgeschlacht|hinricht|hingerichtet|exekut|vergas|kopfschuss|genickschuss|ausrott|ausgerott|ausloesch|kaltmach|kaltgemacht|abmurks|abgemurks|umgelegt|umleg|umniet|umgeniet|killen|gekillt|kehle|schaedel|erschlag|erschlaeg|erschlug|verbrenn|verbrannt|verletz|verstuemmel|aufschlitz|aufgeschlitzt|zerstoer|zerstort|demolier|zertruemmer|kaputt|plattmach|explod|hochgeh|hochjag|hochgejagt|abreibung|windelweich|quael|gequael|haeuten|gehaeutet|zerstueckel|ausweid|vierteil|pfaehl|steinig|lebendig|qualvoll|blutig|brandstift|lichterloh|erdboden|krebs|tumor|infarkt|herzinf|hirnschlag|hirntumor|unfall|unfaell|seuche|rollstuhl|koma|intensivstation|querschnitt|elend|ueberfahr|ueberfaehrt|ueberfuhr|plattfahr|umgefahren|vergift|gekoepft|enthaupt|erstick|ersaeuf|ersoffen|ertraenk|baller|abschiess|abgeschoss|abzuschiess|wegknall|weggeknall|wegpust|weggepust|ausblut|verblut|kreuzig|aufspiess|aufgespiess|verscharr|buddel|gemetzel|amok|blutrausch|totbeiss|totgebiss|trampel|totgetreten|zertret|zertreten|kaputtgetreten|zusammengetreten|getreten|stuendlein|erledig|ausschalt|mundtot|doodsl|dootsl|doodmak|dootmak|doodschet|dootschet|doodstek|uembring|abnippel|draufgeh|zeitliche|vertrimm|versohl|verwams|vertobak|watsch|ohrfeig|backpfeif|maulschell|kopfnuss|nackenschell|knieschuss|zerschneid|zerschnitt|zerhack|zerfetz|zerquetsch|zermalm|zerkratz|zerfleisch|saeure|saeur|kastrier|peitsch|brandmark|geteert|teeren|waterboard|elektroschock|daumenschraub|streckbank|raedern|geraedert|einmauer|eingemauert|zerstueckl|ausreiss|rausreiss|ausgeriss|abschneid|abgeschnitt|abhack|abgehackt|ausstech|ausgestoch|ausbrenn|abreiss|abgeriss|rausschneid|abbeiss|schlagstock|schlagstoeck|knueppel|stahlrute|armbrust|schrot|revolver|walther|pumpgun|schreckschuss|schiesseisen|kanone|mistgabel|heugabel|brecheisen|brechstange|kabelbinder|spitzhacke|saebel|schwert|dolch|bajonett|katana|nunchaku|taser|traenengas|zyankali|brandbeschleunig|brandanschlag|feuerchen|raeucher|dynamit|semtex|zuender|attentat|kawumm|kaboom|einwerf|eingeworf|einschmeiss|eingeschmiss|zerstech|farbbeutel|beschmier|vollgeschmier|wehtun|wehgetan|wehzutun|hackfleisch|hackepeter|kleinholz|fischfutter|pflegefall|krankenhaus|notaufnahme|leichenhalle|pathologie|leichenschau|strangulier|massakrier|niedermaeh|niedergemaeht|meuchel|meuchl|totfahr|totgefahren|totfaehr|totmach|totgemacht|niederstreck|niedergestreckt|skalpier|abkehl|abgekehlt|abmesser|abgemessert|wegpuff|weggepufft|headshot|todesschuss|gnadenschuss|scharfschuetze|heckenschuetze|sniper|holzpyjama|betonschuh|hanfkrawatte|abnibbel|abgenibbelt|verdrisch|verdrosch|verblaeu|durchblaeu|durchgeblaeut|verkamisol|zusammenbox|zusammengeboxt|umgeboxt|misshandel|misshandl|schallern|schallert|geschallert|durchwalk|durchgewalkt|ausgeknockt|gekloppt|verwunde|begrabsch|begrapsch|entmann|vergewallt|vergewaelt|marter|peinig|zuechtig|wumme|glock|kalash|zielfernrohr|baseballkeule|eisenstange|vorschlaghammer|panzerfaust|bazooka|strychnin|durchgeladen|kokel|brandschatz|abfackl|abgfackelt|mollies|detonier|landmine|schwarzpulver|nitroglyzerin|acetonperoxid|polenboeller|usbv|verwuest|pluender|randalier|entglas|zerschmeiss|zerschmiss|zerdepper|gaskammer|plattgemacht|zusammenfalt|kaltstell|kaltzustell|auseinandernehm|zusammenhau|zusammengehau|zammschlag|zammhau|zsammhau|zamhau|weghau|weggehau|umhau|umgehau|reinhau|draufhau|verhau|pruegle|rauspruegel|ausknock|abkratz|verend|stichwaff|missbrauch|hopsgeh|haeutet|haeutest|gehaeut|haeutung|einschlaefer|betatsch|ausgeweidet|ausgeloescht|niedergeriss|kniescheibe|kaliber|brandsaetze|brandanschlaege|attentaeter|verklopp|abgenippel|einrenn|eingerannt|jagdgruende|garaus|lebenslicht|ausblas|ausgeblasen|auspust|ausgepustet|ausknips|ausgeknipst|radieschen|fuetter|leichensack|nischel|eintret|eingetreten|hucke|gerb|veilchen|halbtot|bewusstlos|gedaerme|eingeweide|einstech|eingestochen|messerangriff|knastdusche|gangbang|durchgenommen|streichholz|feuerzeug|lichtenhagen|handgranate|boeller|fensterscheibe|hakenkreuz|randale|walz|hoelle|absaufen|abgesoffen|ertrinken|verrott|kraetze|abfaul|abgefault|aufreiss|scheuern|pfeffern|donnern|zimmern|setzts|radmutter|vollhau|vollgehau|runterhau|runtergehau|aufwisch|solingen|moelln|hoyerswerda",
);
/** Short stems: only at the start of a word, after separable prefixes ("stech", "abstech", "zusammenschlag"). */
const VIOLENCE_START = new RegExp(
  loose(
    "^(?:ab|an|auf|aus|um|er|der|da|zer|ver|nieder|zusammen|tot|ein|weg|hin|kalt|durch|hoch|zu|ge|nei|rein|drauf)*(?:bring|brach|brann|knuepf|pust|spring|brech|kugel|bomb|reiss|bewaffn|zerleg|knall|stech|stich|stach|stoch|schlag|schlaeg|schlug|schiess|schoss|kill|toete|murks|niet|zuend|fackel|brenn|flamm|klatsch|pruegel|schnauze|zaehne|knochen|genick|qual|gift|leiche|knips|stuerm|benzin|hammer|kugel|latern|strick|wuerg|drossel|traenk|metzel|servier|misch|moebel|dresch|schlitz|stirb|sterb|fick|haeng|schlacht|koepf|schlog|schiass|grabsch|grapsch|tatsch|rannehm|rangenomm)",
  ),
);
/** Short words that are violent only as themselves ("Haus" is not "hau", "Tote" is). */
const VIOLENCE_WHOLE = whole(
  "hau|haue|hauen|haust|tret|leg|legt|lege|verklopp|kleben|brei|dood|gurgl|gurgel|schuss|schuesse|bleikugeln|klinge|faengste|eene|fresse|auseinander|auflauern|aufgelauert|auflauert|erwisch|erwischt|erwische|abfangen|abgefangen|abfaengt|koepft|koepfen|kopfgeld|kopfpraemie|vogelfrei|todesstrafe|abschuss|flinte|flinten|bluten|blutest|blutet|schmerzen|brand|abgebrannt|einschlaefern|ueberrollt|graben|bagger|auffe|bremsen|scheibn|naegel|fingernaegel|faeusten|fackeln|mistgabeln|nuss|haufen|geschossen|scharf|luft|einzelteile|gefesselt|fesseln|zerren|zerrt|gepruegelt|verpruegelt|brich|bricht|brichst|gebrochen|beine|bein|nase|kiefer|rippen|haxn|haxen|umhaun|neihaut|neihaun|reinhaun|draufhaun|zuschlagen|zugeschlagen|zuschlaegt|bewerfen|beworfen|kopfjeld|praemie|freiwild|purge|zugemauert|zumauern|brenne|schrott|schutt|kanister|treppe|bremsleitung|bremsleitungen|einsam|leiden|schad|ruebe|kloppen|verkloppen|verkloppt|kloppe|klopp|fressn|gosch|goschn|gosche|schnute|omme|nischel|kopp|doetz|visage|fratze|grind|faust|faeuste|zaehne|zaehnen|schelle|schellen|kleb|klebe|klebt|geklebt|scheuer|scheuere|scheuert|gescheuert|schmier|schmiere|faengst|fangst|weh|antun|angetan|anzutun|asche|hahn|molli|mollis|bumm|peng|tatp|aids|cholera|blitz|fertig|fertich|feddich|anstecken|angesteckt|ansteckt|anzustecken|wiedererkennen|wiedererkennt|wiedererkannt|wiederzuerkennen|nuess|nuesse|muetz|muetze|streifen|kleinholz|grillkohle|scheiterhaufen|kielholen|pruegelstrafe|jagdschein|jagdscheine|jagdsaison|menschenmenge|weihnachtsmarkt|scharfem|hals|kragen|abgerissen|abzureissen|steine|steinen|stein|pflasterstein|pflastersteine|flaschen|ziegelsteine|brocken|scheiben|zam|zamm|zsamm|gift|puffe|uzi|mp5|messern|gemessert|kriegst|saures|dresche|pruegel|gras|loeffel|erde|haengen|gehenkt|henken|baumeln|blutbad|tot|tote|toter|toten|totes|tod|todes|kalt|platt|blut|box|boxe|boxen|jag|jage|jagen|jagt|jagd|gas|ofen|toet|legen|matsch|blei|hirn|abzug|keile|fuessen|blaues|holzkiste|verhungern|wisch|wische|wischen|haeute|haeut|haeuten|lebt|lebst|kratz|kreuz|seife|schienen|gleise|federn|zunge|tode|leidest|leidet|kissen|finger|stuecke|schwanz|feuer|wand|kopf|koepfe|baum|maul|grab|sarg|axt|beil|tritt|trete|treten|tretet|pest|corona|blind|hops|jenseits|jordan|schafott|tnt|c4|ak47",
);
/** Single words of intimidation and of demands to allow violence (threat/threatCues.ts). */
const INTIMIDATION = whole(
  "wohnst|wohnt|wohnen|wohnung|adresse|haustuer|tuer|gezaehlt|bereuen|bereust|bereut|beobachten|beobachte|beobachtet|rache|abrechnung|zahltag|gekuemmert|schade|heimweg|freigeben|freigegeben|freigabe|erlauben|erlaubt|legal|legalisieren|legalisiert|straffrei|straflos|kopfgeld|abschuss|jagdsaison|vogelfrei|todesstrafe|schiessbefehl|schussbefehl|standrecht|selbstjustiz|lynchjustiz|endloesung|saeubern|pranger|spueren|wehe|umschauen|umdrehen|gasse|belohnung|belohnen|kennzeichen|schulweg|garten|fotos|foto|gruesse|gruss|passieren|passiert|zustoesst|vorsichtig|liste|notiert|entkommst|entkommt|verstecken|schlaf|laternen|klingeln|klopfen|freiwild|notwehr|buergerwehr|volksgericht|tribunal|orden|medaille|freibier|preisgeld|ausgelobt|ausloben|spendier|spendiere|warte|wartet|wart|heim|hausbesuch|statte|statten|stattet|raeche|raechen|raecht|geraecht|blutrache|fadenkreuz|abschussliste|todesliste|feindesliste",
);
const GROUP = whole(
  "fluechtling\\w*|gefluechtete\\w*|asylant\\w*|asylbewerber\\w*|migrant\\w*|auslaender\\w*|muslim\\w*|moslem\\w*|islam\\w*|juden|jude|juedin\\w*|juedisch\\w*|zigeuner\\w*|roma|sinti|schwarze[nr]?|neger\\w*|schwule[nr]?|schwuchtel\\w*|lesben|lesbe|trans\\w*|homo\\w*|queer\\w*|nazis?|kanaken|kanacken|tuerken|tuerkin\\w*|araber\\w*|afghanen|syrer\\w*|ukrainer\\w*|russen|polen|rumaenen|bulgaren|afrikaner\\w*|obdachlose\\w*|penner|hartzer|buergergeld\\w*|unglaeubige\\w*|frauen|weiber|behinderte\\w*|behindert|spastis\\w*|ossis?|wessis?|zugewanderte\\w*|einwanderer\\w*|zuwanderer\\w*|asyl\\w*|volk|voelker|rasse\\w*|ethni\\w*|religion\\w*|kopftuch\\w*",
);
const DEHUMANISING = whole(
  "ungeziefer|parasit\\w*|schmarotzer\\w*|tiere|tier|viecher|vieh|pack|gesindel|abschaum|ratten|ratte|seuche|plage|kakerlak\\w*|made|maden|schaedling\\w*|untermensch\\w*|affen|affe|kreatur\\w*|dreck|muell|abfall|virus|krebsgeschwuer|missgeburt\\w*|brut|horde|horden|invasion|invasoren|flut|sozialschmarotzer\\w*|messermaenner|messermann|goldstueck\\w*",
);
const EXCLUSION = whole(
  "raus|rausschmeissen|rauswerfen|abschieb\\w*|abgeschoben|ausweis\\w*|ausgewiesen|deportier\\w*|zurueck\\w*|verloren|grenzen|grenze|ausgrenz\\w*|verbieten|verbot\\w*|wegsperren|einsperren|lager|unerwuenscht|remigration|ausschaffen|willkommen",
);
const SUPPORT = whole(
  "helfen|hilfe|unterstuetz\\w*|spende\\w*|ehrenamt\\w*|integration|integrier\\w*|nachbarn|nachbarin|freunde|freundin|kollege\\w*|toll|schoen|super|danke|bereicherung|vielfalt|respekt|gleichberechtig\\w*|menschenwuerde|menschenrechte|rassismus|rassistisch\\w*|rassist\\w*|diskriminier\\w*|antisemitis\\w*|homophob\\w*|transfeindlich\\w*|queerfeindlich\\w*|sexistisch\\w*|islamfeindlich\\w*|fremdenfeindlich\\w*|vorurteil\\w*|pauschal\\w*|verallgemeiner\\w*|solidar\\w*|mitgefuehl|menschen|mensch|herzlich|feiern|fest|gemeinsam",
);
const COUNTER = whole(
  "widerlich\\w*|ekelhaft\\w*|abscheulich\\w*|schaem\\w*|schande|hetze|hetzer\\w*|hass|hasskommentar\\w*|hassrede|hetzt|verurteile\\w*|distanzier\\w*|inakzeptabel|unertraeglich|entsetzt|erschrocken|traurig|unfassbar|strafbar|straftat|volksverhetzung|anzeigen|angezeigt|melden|gemeldet|loeschen|sperren|zivilcourage|aufhoeren|stopp|nennt|nennen|bezeichnet|bezeichnen|schreibt|sagt|behauptet|pauschalisier\\w*",
);

/** Without umlaut loosening: "schänden" is not "Schande". */
const VIOLENCE_STRICT = /schaend|geschaendet/;
/**
 * Intimidation made of common words, recognised as a phrase: "wir finden dich", "du wirst schon sehen".
 * Each phrase starts at a word boundary, written once in front (fast: nothing is tried inside a word).
 */
export const INTIMIDATION_PHRASE = new RegExp(
  `\\b(?:(?:finden|finde|kriegen|krieg|kriege|holen|hol|besuchen|besuch|kuemmern) (?:\\w+ )?(?:dich|euch|sie|ihn)\\b|(?:dich|euch) (?:\\w+ ){0,2}(?:finden|kriegen|holen|besuchen|erwischen)\\b|rechnung (?:\\w+ )?offen|wer nicht hoeren will|sehen uns|sieht sich|(?:du bist|bist du|ihr seid|seid ihr) (?:\\w+ ){0,2}(?:dran|faellig)|wirst (?:\\w+ ){0,2}(?:sehen|merken)|werdet (?:\\w+ ){0,2}(?:sehen|merken)|werden sie (?:\\w+ ){0,2}(?:sehen|merken)|pass (?:\\w+ ){0,2}auf (?:sie|ihn|dich|deine|ihre|eure)|dafuer (?:\\w+ )?(?:bezahlen|buessen)|sorg\\w* (?:schon )?dafuer|wie schnell man|der anfang|(?:was|wos|etwas) passiert|${loose(WATCHING_AND_VISITS)}|${loose(VEILED)})`,
);

const ADDRESSEE = /^(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|eure|euer|euren|eurem|eurer)$/;

/**
 * Words that hold a violent stem by accident ("Zusammenhang", "Verbraucher", "Kugelschreiber", "Dinosaurier",
 * "Lebensqualität"): without them far fewer sentences are read closely, and no violence pattern needs them.
 */
const NOT_VIOLENT =
  /^(?:\w*zusammenhae?ng\w*|\w*abhae?ngig\w*|anhae?nger\w*|\w*verbraucher\w*|(?:nicht)?raucher\w*|kugelschreiber\w*|stichw\w*|\w*schlagw(?:o|oe)rt\w*|\w*schlagzeile\w*|\w*schlagloe?ch\w*|\w*unterschlag\w*|ritterschlag\w*|\w*vorschlae?g\w*|einmisch\w*|vermisch\w*|gemischt\w*|mischbrot\w*|mischung\w*|\w*saurier\w*|\w*qualitae?t\w*|\w*qualifi\w*|saebelrassel\w*|ausreisser\w*|\w*verbrech\w*|\w*unterbrech\w*|(?:ab|aus|auf|ein|zusammen|durch)brech\w*|brechreiz\w*)$/;

/**
 * The phrases of INTIMIDATION_PHRASE in eight groups, those with the same anchor words (phraseAnchorWords: words
 * one of which the phrase holds) in the same group, each group one expression: a text is searched only for the
 * groups whose anchor words it holds. A phrase without anchor words is refused (phraseAnchorWords throws).
 */
const PHRASE_GROUPS = (() => {
  const groups: string[][] = Array.from({ length: 8 }, () => []);
  for (const phrase of topLevelAlternatives(INTIMIDATION_PHRASE.source.slice(5, -1))) {
    let hash = 0;
    for (const c of phraseAnchorWords(phrase).join("|")) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
    (groups[hash % groups.length] as string[]).push(phrase);
  }
  return groups.filter((group) => group.length > 0);
})();
const PHRASE_PATTERNS = PHRASE_GROUPS.map((group) => new RegExp(`\\b(?:${group.join("|")})`));
const PHRASE_GATE = anchorGate(
  PHRASE_GROUPS.map((group) => group.join("|")),
  true,
);

const isViolent = (word: string) =>
  !NOT_VIOLENT.test(word) &&
  (VIOLENCE_ANYWHERE.test(word) ||
    VIOLENCE_START.test(word) ||
    VIOLENCE_WHOLE.test(word) ||
    VIOLENCE_STRICT.test(word));

function bitsOf(word: string): number {
  let bits = 0;
  if (ADDRESSEE.test(word)) bits |= CUE.addressee;
  // "abzustatten" reads as "abstatten" (withoutZuInfix) for the phrases too.
  const phrases = PHRASE_GATE.bitsOf(word) | (word.includes("zu") ? PHRASE_GATE.bitsOf(withoutZuInfix(word)) : 0);
  if (phrases !== 0) bits |= CUE.phrase | (phrases << PHRASE_SHIFT);
  // "umzubringen" is "umbringen" with "zu" inside: the threat detector reads it so (withoutZuInfix).
  if (isViolent(word) || (word.includes("zu") && isViolent(withoutZuInfix(word)))) bits |= CUE.violence;
  bits |= (conceptsOfWord(word) | (word.includes("zu") ? conceptsOfWord(withoutZuInfix(word)) : 0)) << CONCEPT_SHIFT;
  if (INTIMIDATION.test(word)) bits |= CUE.intimidation;
  if (GROUP.test(word)) bits |= CUE.group;
  if (DEHUMANISING.test(word)) bits |= CUE.dehumanising;
  if (EXCLUSION.test(word)) bits |= CUE.exclusion;
  if (SUPPORT.test(word)) bits |= CUE.support;
  if (COUNTER.test(word)) bits |= CUE.counter;
  return bits;
}

/** The violence concepts a piece of text's cue bits (cueBitsOfText) say are worth trying on it. */
export const conceptsIn = (bits: number): number => (bits >>> CONCEPT_SHIFT) & ALL_CONCEPTS;

/**
 * Whether a text (folded) holds an intimidation phrase, searched only for the groups of phrases whose anchor words
 * its cue bits (cueBitsOf, cueBitsOfText) hold: the same answer as INTIMIDATION_PHRASE.test(text).
 */
export function phraseIn(text: string, bits: number): boolean {
  const groups = ((bits >>> PHRASE_SHIFT) & 0xff) | PHRASE_GATE.ungated;
  for (let k = 0; k < PHRASE_PATTERNS.length; k++)
    if ((groups & (1 << k)) !== 0 && (PHRASE_PATTERNS[k] as RegExp).test(text)) return true;
  return false;
}

const WORD = new RegExp(`[${LETTER_OR_DIGIT}]+`, "g");

/** The cue bits of the words of a piece of folded text (a sentence), looked up in the word table. */
export function cueBitsOfText(folded: string): number {
  return readWords(folded).cues;
}

/** The cue bits of all words of a text (each word's bits decided once and remembered). */
export function cueBitsOf(normalised: Pick<NormalisedText, "words" | "wordFacts">): number {
  return bitsOfWords(normalised.words, normalised.wordFacts, "cues", bitsOf);
}

/** Which of the threat detector's constructions, targets and contexts can hold the word (threatCues.ts's CUE_GATE). */
function gatesOfWord(word: string): number {
  return CUE_GATE.bitsOf(word) | (word.includes("zu") ? CUE_GATE.bitsOf(withoutZuInfix(word)) : 0);
}

/** The cue bits and the gate bits (CUE_GATE) of the words of a piece of folded text (a sentence). */
export function readWords(folded: string): { cues: number; gates: number } {
  let cues = 0;
  let gates = 0;
  for (const word of folded.match(WORD) ?? []) {
    const f = factsOf(word);
    if (f.cues < 0) f.cues = bitsOf(word);
    if (f.gates < 0) f.gates = gatesOfWord(word);
    cues |= f.cues;
    gates |= f.gates;
  }
  return { cues, gates };
}

/** The gate bits (CUE_GATE) of all words of a text. */
export function gatesOf(normalised: Pick<NormalisedText, "words" | "wordFacts">): number {
  return bitsOfWords(normalised.words, normalised.wordFacts, "gates", gatesOfWord);
}
