// What turns violence into a threat, and what turns it back into something else: German constructions
// (first-person intent and announcements, calls to others, "should/must" statements, wishes, conditional
// threats, demands to allow violence, intimidation), the targets (the addressee, officials by role,
// groups, family, homes, buildings, vehicles) and the contexts that make violence words harmless
// (negation, questions, reports and quotations, counter-speech, idioms about oneself, history, fiction,
// cooking and gardening, sports and games, civic notices). Patterns on the folded text (ä → ae, ß → ss).

import { anchorGate } from "../patternSource.js";

const loose = (pattern: string) => pattern.replace(/ae/g, "ae?").replace(/oe/g, "oe?").replace(/ue/g, "ue?");
const cue = (pattern: string) => new RegExp(loose(pattern));

/**
 * Intimidation without a word of violence: watching and following someone, knowing their private life, and
 * announcing a visit or a wait ("wir haben dein Nummernschild", "ich steh jeden Abend vor deinem Haus",
 * "irgendwann bist du allein", "bis Freitag"). Also a phrase of the cue-word gate (cueWords.ts).
 */
export const WATCHING_AND_VISITS =
  "(?:ich|wir|mir|i) (?:\\w+ ){0,3}(?:beobachte\\w*|verfolg\\w*|folge|folgen) (?:\\w+ ){0,2}(?:dich|euch|sie|ihnen|dir|di)\\b|(?:hab|habe|haben|han|hamm|ham) (?:dich|euch|sie|di) (?:\\w+ ){0,4}(?:gesehen|gesehn|gsehe|gsehn|verfolgt|beobachtet|fotografiert|gefilmt)|im blick|ein auge auf|wissen (?:ja )?(?:jetzt )?(?:alles|wann|welche\\w*)|weiss (?:ja )?(?:jetzt )?(?:alles|wann|welche\\w*)|(?:kenn\\w*|haben|hab) (?:\\w+ ){0,2}(?:dein|ihr|euer)\\w* (?:\\w+ )?(?:insta|gym|weg|arbeitsweg|gegend|nummernschild|parkplatz|balkon|einfahrt|wohnzimmer|gesicht|eltern)|nummernschild|(?:warte\\w*|warten) (?:\\w+ ){0,4}(?:auf (?:dich|euch|sie|di)|vor (?:dem|deinem|ihrem|eurem|deiner|ihrer))|(?:steh\\w*|stell\\w*) (?:\\w+ ){0,6}vor (?:dein|ihr|euer)\\w*|unterwegs zu (?:dir|ihnen|euch)|dann bin ich da\\b|(?:treffe?n?|sehn|sehen) (?:\\w+ )?uns (?:\\w+ )?(?:no|noch|bald|wieder)|unter vier augen|ohne (?:kollegen|zeugen|deine kollegen)|auf (?:was|etwas) (?:gefasst|gfasst)|(?:irgendwann|eines tages|jeden abend|jeden tag) (?:\\w+ ){0,5}(?:allein|alleine)|countdown|zaehlen (?:\\w+ )?runter|(?:schliess|schliesst|schliessen) (?:\\w+ ){0,3}gut ab|wenn(?:s| es) dunkel|nicht ungesehen|(?:schlaefst|schlafen) (?:du|sie) (?:noch )?gut|in unserer (?:\\w+ )?gruppe|besuch (?:bekommen|kriegen|bekommt|kriegt|kriegen)|(?:kriegt|kriegst|bekommt|bekommst|bekommen|kriegen) (?:\\w+ ){0,4}besuch|privatanschrift\\w*|privatadresse\\w*|wohnadresse\\w*|anschrift\\w* (?:\\w+ )?(?:rausgefunden|haben|kennen|herausgefunden)|kennt (?:dich|sie|euch) jetzt|kartiert|ausgespaeht|ausspionier\\w*|naechste[sn]? mal (?:\\w+ ){0,3}(?:klopfen|klingeln|komm\\w*|rein|nicht so)|wir vergessen nichts|vergessen (?:wird|werden) (?:wir )?nicht|ihr seid die ersten|als erste[rs]? (?:dran|an der reihe)|(?:naechstes mal|als naechstes|dann) (?:\\w+ ){0,3}dran|(?:gutes|lohnendes) ziel";

/**
 * Veiled threats: harm hinted at, not named ("wäre doch schade, wenn Ihrer Tochter was passiert", "Unfälle
 * passieren", "an Ihrer Stelle würde ich nicht mehr allein heimgehen", "es könnte Ihr letztes sein"). Also a
 * phrase of the cue-word gate (cueWords.ts).
 */
export const VEILED =
  "unfaelle passieren|unfall passiert|(?:kann|koennte|wird) (?:\\w+ ){0,2}(?:viel|was|etwas|so einiges) passieren|(?:dir|ihnen|euch|ihm|ihr|deiner \\w+|ihrer \\w+) (?:\\w+ ){0,2}(?:passiert|zustoesst|zustossen) (?:\\w+ )?(?:noch )?(?:was|etwas)|(?:passiert|zustoesst) (?:dir|ihnen|euch|ihm) (?:\\w+ )?(?:noch )?(?:was|etwas)|man weiss (?:ja )?nie|nicht dass (?:\\w+ ){0,4}passiert|an (?:deiner|ihrer|eurer) stelle (?:wuerde|waere|haette)|(?:sei|seien sie|seid) (?:\\w+ )?vorsichtig|(?:fuehl|fuehlen sie|fuehlt) (?:dich|sich|euch) (?:\\w+ )?(?:nicht|bloss nicht|ja nicht) (?:zu )?sicher|nicht heil|heil nach hause|nicht mehr (?:heim|nach hause)|(?:wenn|dass) (?:\\w+ ){0,4}(?:was|wos|etwas) passiert|waer\\w* (?:doch )?schad|(?:ihr|dein|euer|ihre|deine) letzte[srn]? (?:sein|wochenende|tag|weihnachten|geburtstag|sommer)|koennte (?:\\w+ )?(?:ihr|dein|euer) letzte|nichts mehr zu lachen|(?:was|etwas) schlimmes passiert|sonst passiert (?:was|etwas|noch was)|(?:nicht mehr|nie mehr|nimmer) (?:\\w+ )?ruhig schlafen|nie wieder gesund|(?:komm|kommen|kommt)\\w* (?:\\w+ ){0,4}mit (?:freunden|kumpels|meinen jungs|verstaerkung|ein paar freunden)|besucht (?:seine|ihre|deine) familie|besuch abstatt\\w*|ins visier|einen nach dem anderen|(?:ihr|sein|dein|euer) fett (?:\\w+ )?weg|(?:nicht|nimmer|net) (?:mehr )?so nett|sorgen um (?:deine|ihre|eure)|(?:nicht mehr|nimmer|net mehr) (?:alloa|allein|alleine)|(?:steht|stehen|steh) (?:\\w+ ){0,3}(?:nicht|ned|net|nimmer) mehr (?:lang|lange)|waere schade|schade um|schade wenn" +
  // Death foretold: the days counted, no more summers, a grave, a coffin, a life insurance, a last will.
  "|nicht mehr lange (?:zu leben|leben|unter uns|atmen|lachen)|(?:eine?|zwei|drei|ein paar|genau eine?) (?:tag|tage|woche|wochen|monat|monate) zu leben|naechste[nr]? (?:sommer|winter|fruehling|herbst|jahr|weihnachten|geburtstag|amtswoche) nicht (?:mehr )?(?:erleben|ueberleben|erlebt|ueberlebt)|nicht mehr erleben|geniess\\w* (?:die|deine|ihre|eure) (?:letzte[n]? )?(?:zeit|tage)|grabstein|grabsteine|platz auf dem friedhof|friedhof (?:\\w+ ){0,3}reserviert|(?:sarg|saerge|sarch) (?:\\w+ ){0,2}(?:bestell|aussuch|kauf)\\w*|lebensversicherung|testament (?:machen|schreiben|aufsetzen|gemacht)|(?:lebt|lebst|leben|lebe) (?:\\w+ ){0,2}nicht ewig|leb\\w* gefaehrlich|(?:helf|helfe|helfen) (?:\\w+ ){0,2}nach\\b" +
  // Not coming home, not recognisable, never again able to: harm named by its result.
  "|nicht mehr heim\\w*|nie (?:mehr|wieder) heim\\w*|erkennt (?:\\w+ ){0,2}(?:keiner|niemand) mehr|keine zunge mehr|nie wieder (?:\\w+ )?(?:schreiben|laufen|sprechen|reden|gehen|sehen|unterschreiben) (?:koennen|kannst|kann|koennt)|einen guten arzt|(?:mit|und) (?:ihr|ihm|dir|euch|ihnen|allen) drin\\b|nicht jede[rs]? (?:schuss|kugel) (?:geht|trifft) daneben|(?:was|etwas) tickt|gut versichert" +
  // Remembering a face, nothing left to lose, the end of patience, God's mercy.
  "|merk\\w* (?:mir |euch |dir )?(?:dein|ihr|euer|eure|deine|ihre|sein|seine|die|das)\\w* gesicht\\w*|vergess\\w* (?:nie|niemals) (?:ein|eine|dein|ihr|ihre|deine)\\w* (?:gesicht|dienstnummer|namen|nummernschild|adresse)|(?:nichts|nix) mehr zu verlieren|(?:schluss|ende) mit lustig|gnade (?:dir|ihm|ihr|euch|ihnen)? ?gott|(?:wird|werdet|wirst) (?:sich|euch|dich) (?:\\w+ )?(?:noch )?wundern|antwort,? die (?:ihr|du|sie) nicht vergess\\w*|wird (?:\\w+ ){0,2}nicht mehr gelacht|aus der zeitung erfahr\\w*|erfahrt ihr aus der zeitung|in der zeitung lesen|der rest ergibt sich|ihr wisst (?:schon )?(?:was zu tun ist|wie|was)|wisst ihr was zu tun ist|rolll?aeden (?:\\w+ ){0,3}runter|(?:ganz )?allein auf dem (?:parkplatz|heimweg|weg)|ueberraschung\\w* (?:\\w+ ){0,3}(?:garten|auto|briefkasten|keller|haus|buero)";

/** Clause-level constructions: they count when they stand in the same clause as the violence word. */
export const CONSTRUCTIONS = {
  /** "ich", "wir", dialect forms, and verb forms that only a first person uses. */
  first_person:
    "\\b(?:ich|ick|icke|ik|ech|i|isch|wir|mia|mer|mir (?:wern|werden|kommen|holen)|uns|werd|werde|komm|komme|hol|hole|mach|mache|stech|bring|knall|schlag|hau|polier|brech|zuend|fackel|besuch|hab|habe|hab ich|hab schon|hab mir)\\b",
  future_intent:
    "\\b(?:leere drohung|keine drohung|kein witz|ernst gemeint|versprech\\w*|versprochen|schwoer\\w*|werde|werd|werden|wird|wirst|will|wollen|gleich|bald|morgen|heute|heut|naechste[nrms]?|demnaechst|diese woche|am montag|am wochenende|wart(?:e|et)? (?:nur|ab|mal)|warte es ab|bis bald|sehen uns|komme|komm|kommen|vorbei|besuch\\w*|persoenlich|schon gekauft|gekauft|besorgt|geladen|geschliffen|dabei|bereit|vorbereitet|nicht mehr lange|tage gezaehlt|stunde|zeit|endlich|irgendwann|eines tages|frueher oder spaeter)\\b",
  call_to_others:
    "\\b(?:lasst uns|lass uns|los leute|leute|jungs|maenner|brudis|kumpels|freunde|buerger|holt|schnappt|packt|kommt|nehmt|fahrt|zeigt|auf zum|auf zur|auf ins|auf nach|ab zum|ab zur|alle zum|alle zur|wer hat bock|wer traut sich|wer ist dabei|wer is dabei|zeit fuer|jemand (?:muss|sollte|soll|muesste)|einer (?:muss|sollte|soll)|wer (?:macht|traut|erledigt|hilft)|man (?:sollte|muss|muesste|koennte|soll)|sollte man|muss man|muesste man|koennte man|sollten wir|muessen wir|wir muessen|wir sollten|tut was|macht (?:sie|ihn|die|den|das|es)|kauft|bewaffnet|besorgt euch|zuendet|fackelt|brennt|schlagt|erschiesst|stecht|knallt|bringt|jagt|stuermt|ran an)\\b",
  should_must:
    "\\b(?:gehoer\\w*|sollte|sollten|soll|sollen|sollst|sollt|muesste|muessten|muss|muessen|verdien\\w*|braucht|brauchen|haette|haetten|waere|waeren|wuerde|wuerden|am besten|einzige (?:loesung|sprache|mittel)|nur noch|hilft nur|reif fuer|faellig|ueberfaellig|hoechste zeit|wird zeit|waere zeit)\\b",
  wish: "\\b(?:fahr|fahrt) zur hoelle|kratz (?:\\w+ ){0,2}ab|spring (?:doch |endlich |mal )?(?:vor|von|vom)|leg dich (?:\\w+ )?(?:vor den zug|auf die schienen|auf die gleise)|geh (?:doch )?(?:sterben|verrecken|krepieren)|(?:verreck|krepier|stirb) (?:doch|endlich)|schmor (?:\\w+ )?in der hoelle|\\b(?:hoffe|hoffentlich|hoff|hoffen|wuensch\\w*|moege|moegen|moegest|waer(?:e)? (?:schoen|gut|toll|geil|besser|nicht schade)|waers|gut so|recht so|freu\\w* mich (?:wenn|drauf|schon)|ich feier|feier ich|goenn\\w*|wenn doch|waere doch|hoffentlich bald|bete|beten|inschallah|verdient hat|verdient haben|selber schuld)\\b",
  conditional:
    "\\b(?:wenn|falls|sobald|solltest|sollten sie|noch einmal|noch ein mal|nochmal|noch mal|ein einziges mal|sonst|ansonsten|oder (?:ich|wir|es|du|ihr)|dann|andernfalls|widrigenfalls|wehe|wage es|trau dich)\\b",
  veiled: "\\b(?:" + VEILED + ")\\b",
  legalise:
    "\\b(?:freigeben|freigegeben|freigabe|erlaub\\w*|legal|legalis\\w*|straffrei|straflos|belohn\\w*|kopfgeld|abschuss|jagd auf|jagdsaison|jagdschein|vogelfrei|todesstrafe|schiessbefehl|schussbefehl|standrecht|selbstjustiz|lynchjustiz|wiedereinfuehr\\w*|endloesung|saeuber\\w*|pranger|galgen|freiwild|notwehr|buergerwehr\\w*|volksgericht\\w*|tribunal\\w*|nuernberg|orden (?:fuer|verdient|kriegen|bekommen)|medaille|kasten bier|freibier|preisgeld|auslob\\w*|ausgelobt|spendier\\w*|geb (?:ich )?einen aus|(?:sollte|muesste|muss|soll) (?:\\w+ ){0,3}(?:erlaubt|straffrei|legal|freigegeben|belohnt) (?:sein|werden))\\b",
  intimidation:
    "\\b(?:" +
    WATCHING_AND_VISITS +
    "|(?:weiss|wissen|weiss ich|wissen wir|kenn\\w*) (?:\\w+ ){0,3}wo (?:du|sie|ihr|er|deine|ihre|eure|dein|euer)|wo (?:du|sie|ihr) wohn\\w*|wo dein\\w* (?:kinder|frau|mann|familie|tochter|sohn)|deine adresse|ihre adresse|eure adresse|adresse (?:hab|haben|raus|ist bekannt)|vor (?:deiner|ihrer|eurer) (?:tuer|haustuer|wohnung)|(?:wir|ich) (?:kriegen|krieg|kriege|finden|find|finde|holen|hol|besuchen|besuch)\\w* (?:dich|euch|sie|ihn)|(?:dich|euch) (?:\\w+ ){0,2}(?:finden|kriegen|holen|besuchen|erwischen|kriegen)\\b|rechnung (?:\\w+ )?offen|wer nicht hoeren will|du bist (?:so gut wie )?tot|ihr seid (?:alle )?tot|(?:dein|euer|ihr) letzter tag|toter mann|tote leute|wir sehen uns|man sieht sich|sehen uns (?:bald|noch|wieder)|tage (?:sind )?gezaehlt|wirst (?:schon |noch |es )*(?:sehen|merken|bereuen|erleben|spueren)|werdet (?:schon |noch |es )*(?:sehen|merken|bereuen|erleben|spueren)|werden sie (?:schon |noch |es )*(?:sehen|merken|bereuen|erleben)|bereuen|pass (?:gut |bloss |nur |lieber )?auf|passt (?:gut |bloss |nur |lieber )?auf|schau (?:dich )?(?:lieber )?um|guck dich um|dreh dich (?:mal )?um|wir beobachten|beobachte|im auge|rache|abrechnung|zahltag|tag x|tag der abrechnung|es wird sich (?:um \\w+ )?gekuemmert|kuemmern uns|wird sich darum gekuemmert|wir kommen|ihr werdet|du wirst|kommt noch|kommen noch|bald ist es soweit|(?:du bist|bist du|ihr seid|seid ihr|sie sind) (?:\\w+ ){0,2}(?:dran|faellig)|nicht mehr sicher|nirgends sicher|keine ruhige minute|dunkle? gasse|allein nach hause|nachts allein|heimweg|auf dem heimweg|pass (?:\\w+ ){0,2}auf (?:sie|ihn|dich|deine \\w+|ihre \\w+|eure \\w+) auf|dafuer (?:\\w+ )?(?:bezahlen|buessen)|wirst (?:\\w+ )?buessen|(?:wir|ich) sorg\\w* (?:schon )?dafuer|wie schnell man (?:da|dort) ist|einsam (?:da|dort)|(?:da|dort) (?:is|ist) es einsam|(?:erst|nur) der anfang|(?:naechstes mal|als naechstes|dann) (?:\\w+ ){0,3}dran|(?:gutes|lohnendes) ziel|genauso leiden|schoenes haus|schoenes auto|schoene kinder|huebsche tochter|nettes haus|nettes auto|netter garten|schoener garten|(?:wissen|weiss|kenn\\w*) (?:\\w+ ){0,2}wer (?:du|sie|ihr) (?:bist|sind|seid)|(?:kenn\\w*|hab\\w*|weiss) (?:\\w+ ){0,2}(?:dein|ihr|euer)\\w* (?:auto|kennzeichen|haus|adresse|arbeitsplatz|schule|kita|buero|schulweg|tagesablauf)|fotos? von (?:deinem|ihrem|eurem) (?:haus|auto|kind|kindern|garten|buero)|gruess\\w* (?:\\w+ ){0,2}(?:an )?(?:deine|ihre|eure|die) (?:frau|kinder|familie|tochter|mutter|kleine|kleinen)|wie geht(?:s| es) (?:deiner|ihrer|eurer|deinen|ihren|euren) (?:frau|familie|tochter|kindern|mutter|kleinen)|auf (?:der|meiner|unserer) liste|schwarze liste|namen (?:\\w+ )?(?:notiert|gemerkt|aufgeschrieben)|wir vergessen nichts|vergessen (?:wird|werden) (?:wir )?nicht|(?:der|dein|euer|ihr) tag (?:wird )?(?:kommt|kommen)|die zeit wird kommen|ihr seid die ersten|als erste[rs]? (?:dran|an der reihe)|warte?t? (?:nur|ab)|(?:entkommst|entkommt|entkommen sie) (?:\\w+ )?nicht|kannst dich nicht verstecken|(?:schlaf|schlaft|schlafen sie) (?:\\w+ )?(?:gut|schoen|ruhig)|laternen (?:\\w+ ){0,3}(?:ausgesucht|reserviert|bereit|warten)|(?:stehen|steh|klingeln|klingel|klopfen) (?:\\w+ ){0,3}(?:vor (?:deiner|ihrer|eurer) tuer|bei (?:dir|ihnen|euch))|(?:ich|wir|mir) (?:\\w+ ){0,3}(?:raeche|raechen)|(?:zahl\\w* (?:ich|wir)|(?:ich|wir) zahl\\w*) (?:dir|euch|ihnen|ihm|ihr) (?:\\w+ ){0,2}heim\\b|statt\\w* (?:dir|euch|ihnen|ihm|ihr) (?:\\w+ ){0,3}(?:haus)?besuch\\w* ab\\b|blutrache|fadenkreuz|abschussliste|todesliste|feindesliste)\\b",
} as const;
export type Construction = keyof typeof CONSTRUCTIONS;
export const CONSTRUCTION_NAMES = Object.keys(CONSTRUCTIONS) as Construction[];

/** Who or what the violence is aimed at. */
export const TARGETS = {
  addressee:
    "\\b(?:du|dich|dir|dein\\w*|di|disch|dii|dia|dij|eich|enk|dei|deim|deina|euch|ihr|euer|eure\\w*|ihnen|sie (?:werden|sollten|muessen)|ihre familie|ihr haus|ihr auto|ihre kinder)\\b",
  person:
    "\\b(?:ihn|ihm|der typ|den typ|dem typ|die frau|den kerl|diesen|dieser|diese|dieses|jeden|jeder|jemanden|alle|allen|solche|sowas|so einer|so eine|so einen|so jemand|den|dem|die)\\b",
  official:
    "\\b(?:buergermeister\\w*|ob|oberbuergermeister\\w*|landrat|landraetin|polizist\\w*|polizei|bullen|bulle|cops|beamte\\w*|beamtin\\w*|sachbearbeiter\\w*|amtsleiter\\w*|richter\\w*|staatsanwa\\w*|lehrer\\w*|direktor\\w*|politiker\\w*|minister\\w*|kanzler\\w*|abgeordnete\\w*|stadtrat|stadtraet\\w*|gemeinderat|verwaltung|regierung|journalist\\w*|reporter\\w*|presse|schiri|schiedsrichter|ordnungsamt|ordnungshueter|politessen|politesse|gruene[nr]?|afd|spd|cdu|fdp|linke)\\b",
  group:
    "\\b(?:fluechtling\\w*|gefluechtete\\w*|asylant\\w*|asylbewerber\\w*|migrant\\w*|auslaender\\w*|muslim\\w*|moslem\\w*|islam\\w*|juden|jude|juedin\\w*|zigeuner\\w*|roma|sinti|schwarze[nr]?|neger\\w*|schwule[nr]?|schwuchtel\\w*|lesben|trans\\w*|homos?|linke[nr]?|rechte[nr]?|nazis?|antifa|kanaken|kanacken|tuerken|araber|afghanen|syrer|ukrainer|russen|polen|rumaenen|bulgaren|afrikaner|obdachlose\\w*|penner|hartzer|buergergeld\\w*|unglaeubige\\w*|unglaeubige\\w*|kinderschaender\\w*|paedo\\w*|vergewaltiger\\w*|impfgegner\\w*|querdenker\\w*|klimakleber\\w*|gutmenschen)\\b",
  family:
    "\\b(?:kinder|kind|kids|tochter|toechter|sohn|soehne|frau|mann|familie|mutter|mama|vater|papa|eltern|oma|opa|schwester|bruder|freundin|freund|hund|katze|enkel\\w*)\\b",
  building:
    "\\b(?:rathaus|amt|aemter|behoerde|jobcenter|arbeitsamt|auslaenderbehoerde|buergeramt|sozialamt|jugendamt|finanzamt|schule|kita|kindergarten|moschee|synagoge|kirche|buero|praxis|laden|heim|asylheim|unterkunft|wohnung|haus|haeuser|bude|huette|wache|revier|polizeiwache|parteibuero|parlament|landtag|bundestag|redaktion|gebaeude|zentrum|bahnhof)\\b",
  vehicle:
    "\\b(?:auto|autos|karre|wagen|dienstwagen|streifenwagen|polizeiauto|bus|busse|fahrrad|motorrad|kiste|tesla|bmw|mercedes|audi|porsche|reifen)\\b",
  self: "\\b(?:mich|mir|mein\\w*|mich selbst|mir selbst|uns selbst)\\b",
} as const;
export type TargetKind = keyof typeof TARGETS;
export const TARGET_NAMES = Object.keys(TARGETS) as TargetKind[];

/** Contexts of the whole text: where violence words are reported, rejected, fiction, food or sport. */
export const CONTEXTS = {
  reported:
    "\\b(?:hat (?:mir |uns |ihm |ihr |ihnen |\\w+ )?(?:geschrieben|gedroht|gesagt|angedroht|gepostet|kommentiert|geschickt|gemeint)|schrieb|schreibt|schreiben|geschrieben|sagte|meinte|drohte|drohten|droht (?:mir|uns|ihm|ihr|damit)|gedroht|angedroht|androh\\w*|(?<!leere |keine |keene |ist eine |ist ne |is ne )drohung\\w*|bedroht|morddrohung\\w*|zitat|zitiert|wortlaut|laut (?:polizei|zeugen|anklage|bericht)|polizei(?:bericht|meldung|sprecher\\w*)?|pressemitteilung|meldung|berichte\\w*|bericht|nachrichten|zeitung|news|artikel|presse|angeklagt\\w*|anklage|taeter\\w*|tatverdaechtig\\w*|verdaechtig\\w*|festgenommen|festnahme|verhaftet|ermittel\\w*|prozess|urteil|verurteilt|gericht|staatsanwaltschaft|opfer|zeuge\\w*|vorfall|ueberfall\\w*|ueberfallen|angegriffen|attackiert|wurde\\w* (?:\\w+ ){0,5}(?:erschossen|getoetet|erstochen|umgebracht|ermordet|erschlagen|verletzt|angegriffen|geschlagen|verpruegelt|festgenommen|gefunden)|screenshot|anzeige (?:erstattet|gestellt|gemacht)|angezeigt|in den kommentaren|unter (?:meinem|dem|ihrem|eurem) (?:post|beitrag|video)|jemand hat|einer hat|irgendwer hat)\\b",
  counter:
    "\\b(?:widerlich\\w*|ekelhaft\\w*|abscheulich\\w*|schaem\\w*|schande|geht gar nicht|geht nicht|gehoer\\w* angezeigt|anzeigen|melden|gemeldet|loeschen|sperren|solche (?:kommentare|leute|menschen|aussagen|drohungen|saetze|posts|typen)|so (?:was|etwas) (?:schreibt|sagt)|wer (?:so was |sowas |so etwas )?(?:schreibt|sagt|fordert|postet|droht|hetzt|ruft)|hetze|hetzer|hass|hasskommentar\\w*|hassrede|gewalt ist (?:keine|nie)|keine gewalt|gegen gewalt|gewaltfrei|verurteile\\w*|distanzier\\w*|nicht akzeptabel|inakzeptabel|unertraeglich|entsetzt|erschrocken|traurig|unfassbar|krank(?:e|er)? (?:leute|typen|menschen|kommentare)|klare kante|zivilcourage|mitgefuehl|solidaritaet|solidarisch|respekt|aufhoeren|hoert auf|hoer auf|stopp|moderation bitte|bitte loeschen|bitte (?:sperren|melden|pruefen)|strafbar|straftat|volksverhetzung|bedrohung (?:ist|sind))\\b",
  question:
    "(?:^|[.!?] )(?:ist|sind|war|wurde|wurden|wird|gibt|gab|kann|koennen|darf|wer|wie|was|wann|wo|warum|wieso|weshalb|weiss|hat|haben|habt|muss|sollte|gibt es)\\b[^.!]*\\?",
  idiom_self:
    "\\b(?:bring\\w* mich (?:noch )?um|bringt mich um|bringen mich um|killt mich|killen mich|mich (?:tot|kaputt)|ich sterbe (?:vor|gleich vor|fast vor)|sterbe vor|ich sterb vor|sterbe gleich|vor lachen|totlach\\w*|lach\\w* mich (?:tot|kaputt|schlapp)|zum totlachen|zum sterben (?:schoen|langweilig|mued\\w*)|todmuede|todlangweilig|todernst|todsicher|totsicher|todschick|mausetot|zeit totschlag\\w*|totschlagargument|vogel abgeschossen|bombenstimmung|bombenwetter|bombig|feuer und flamme|brennend interessier\\w*|brenne darauf|brenn(?:e|en) fuer|umgehauen|haut mich um|hat mich umgehauen|mordshunger|mordsdurst|mordsspass|mordsgaudi|mords\\w+|killer ?app|killerapp|schlagzeile|schlagfertig|schlagsahne|schlager|einschlagend|bahnbrechend|hammer(?:geil|hart)?|der hammer|mega geil|kopf zerbrech\\w*|nervt mich zu tode|zu tode (?:gelangweilt|genervt|erschrocken)|erschrocken|tot ?umfallen vor|fix und fertig|fertig mit den nerven|bin (?:total |voll |so |echt )?(?:fertig|tot|erledigt|erschossen|kaputt|platt))\\b",
  history:
    "\\b(?:(?:19[0-9]{2}|18[0-9]{2}|1[0-7][0-9]{2})(?!\\s?(?:€|euro|eur|k\\b|dollar|mal|leute|menschen|stueck|mann))|jahrhundert\\w*|weltkrieg\\w*|(?:der|den|dem|des|im|vom|nach dem|vor dem|zum|kein|keinen|diesen|diesem) krieg|kriegs\\w*|nachkriegs\\w*|vorkriegs\\w*|nazis?|ns[- ]zeit|drittes reich|dritten reich|damals|frueher(?! oder spaeter)|gedenk\\w*|erinner\\w*|pogrom\\w*|reichspogromnacht|holocaust|shoah|gestapo|ss|wehrmacht|mittelalter\\w*|hexenverbrennung\\w*|historisch\\w*|geschichte|museum|stolperstein\\w*|mahnmal|denkmal|opfern|vor \\d+ jahren|stadtgeschichte|chronik)\\b",
  fiction:
    "\\b(?:tatort|krimi\\w*|film\\w*|kino|serie|serien|staffel|netflix|roman|buch|buecher|lesung|autor\\w*|theater|oper|buehne|schauspieler\\w*|figur|detektiv|thriller|horror\\w*|game|games|spiel|spiele|zocken|gezockt|videospiel\\w*|computerspiel\\w*|playstation|xbox|fortnite|gta|call of duty|shooter|level|boss|zombie\\w*|maerchen|hexe|drache\\w*|comic\\w*|anime|(?<!ohne )witz|satire|fasching|karneval|halloween|kostuem|escape ?room|krimidinner|lasertag|paintball)\\b",
  cooking:
    "\\b(?:rezept\\w*|kochen|koche|gekocht|kocht|braten|gebraten|grill\\w*|backen|gebacken|ofen|pfanne|topf|zwiebel\\w*|knoblauch|kartoffel\\w*|gemuese|fleisch|huhn|haehnchen|haehnchen\\w*|schwein\\w*|rind\\w*|lamm|fisch|wurst|schnitzel|metzger\\w*|schlachter\\w*|schlachthof|schlachtfest|schlachtung|hausschlacht\\w*|kuchen|teig|torte|salat|kraeuter|garten|unkraut|rasen|baeume? faellen|hecke|ratten|maeuse|wespen\\w*|schaedling\\w*|ungeziefer|kammerjaeger|schnecken|jagd\\w*|jaeger\\w*|wild|reh|wildschwein\\w*|forst|foerster|angeln|angel|hobeln|holz)\\b",
  sports:
    "\\b(?:tor|tore|spiel|spiele|spieltag|mannschaft|team|gegner|trainer|verein|liga|bundesliga|fussball|handball|basketball|eishockey|hockey|tennis|sieg|siege|punkte|punkten|punktspiel|runde|match|turnier|pokal|meister\\w*|derby|fans?|stadion|halbzeit|elfmeter|abseits|schuetzenverein|schuetzenfest|schiessstand|sportschuetz\\w*|kampfsport\\w*|boxen|boxer|karate|judo|kickbox\\w*|mma|schach|schachmatt|matt|brettspiel\\w*|skat|poker|doppelkopf|kegeln|bowling|dart|wettkampf|training|sportverein|tsv|fc|sv|vfb|vfl)\\b",
  civic:
    "\\b(?:bombenentschaerfung|entschaerf\\w*|blindgaenger|kampfmittel\\w*|fliegerbombe|evakuier\\w*|sperrung|gesperrt|sperrzone|feuerwehr\\w*|brandschutz\\w*|brandschutzuebung|uebung|einsatz\\w*|rettungsdienst|notarzt|sprengung|abriss\\w*|abrissbirne|praevention\\w*|aufklaerung|workshop|kurs|selbstverteidigung\\w*|waffenverbot\\w*|waffenverbotszone|messerverbot\\w*|beratung|hilfetelefon|opferhilfe|weisser ring|notruf|110|112|sicherheit)\\b",
} as const;
export type Context = keyof typeof CONTEXTS;
export const CONTEXT_NAMES = Object.keys(CONTEXTS) as Context[];

export const NEGATION = cue(
  "\\b(?:nicht|nich|net|ned|nie|niemals|nimmer|kein|keine|keinen|keinem|keiner|keines|keinesfalls|keineswegs|niemand|niemanden|niemandem|nirgends|auf keinen fall|um keinen preis|unter keinen umstaenden|weder|ohne|nix|nichts)\\b",
);
/** Negations that do not negate the violence: "nicht nur", "nicht mehr lange", "wenn ihr nicht …". */
export const NOT_A_NEGATION = cue(
  "\\b(?:nix sehnlicher|nichts sehnlicher|nichts lieber|nix lieber|nichts besseres|nichts schoeneres|(?:nicht|keiner|niemand) (?:\\w+ )?ueberleb\\w*|ueberlebt (?:\\w+ ){0,4}nicht|nicht nur|ohne (?:strafe|konsequenzen|folgen|aerger|anzeige|betaeubung|gnade|zu zoegern|mitleid|reue|witz|scheiss|spass|mist|quatsch|flachs|mein \\w+|dass (?:\\w+ ){0,3}(?:aerger|strafe|bestraft|anzeige))|keine? (?:anzeige|strafe|gnade|konsequenzen|reue|skrupel|hemmungen|polizei|bullen|zeugen)|nicht bestraft|nicht mehr lang|nicht heil|nicht mehr (?:heim|nach hause)|nicht mehr lange|nicht mehr sicher|nirgends sicher|nicht lange|nicht entkommen|nicht davonkommen|nicht vergessen|nicht verstecken|nicht schade|keine ruhige|keine angst haben (?:muss|brauch)|(?:wenn|falls|solange|sobald) (?:\\w+ ){0,6}(?:nicht|kein\\w*|nie)|(?:oder|sonst) (?:\\w+ ){0,3}nicht)\\b",
);

export const compiledConstructions: [Construction, RegExp][] = CONSTRUCTION_NAMES.map((name) => [
  name,
  cue(CONSTRUCTIONS[name]),
]);
export const compiledTargets: [TargetKind, RegExp][] = TARGET_NAMES.map((name) => [name, cue(TARGETS[name])]);
export const compiledContexts: [Context, RegExp][] = CONTEXT_NAMES.map((name) => [name, cue(CONTEXTS[name])]);

/**
 * The constructions, targets and contexts gated on their anchor words (patternSource.ts), one bit each in this
 * order: constructions from bit 0, targets from TARGET_BIT, contexts from CONTEXT_BIT. An expression is tried
 * only where a word of its text can be part of a match, or always where it cannot be gated.
 */
export const CUE_GATE = anchorGate(
  [...compiledConstructions, ...compiledTargets, ...compiledContexts].map(([, pattern]) => pattern.source),
);
export const TARGET_BIT = compiledConstructions.length;
export const CONTEXT_BIT = TARGET_BIT + compiledTargets.length;
