// The lexicon of violence, organised by meaning: each concept lists German word forms as patterns on the
// folded text (ä → ae, ß → ss), with its morphology written out: inflection and participles
// ("erschießt", "erschossen", "zu erschießen"), separable verbs with the object between the parts
// ("ich stech dich morgen ab"), compounds ("totprügeln"), colloquial, regional and youth forms
// ("abmurksen", "kaltmachen", "abstechen", "umnieten", "hops nehmen"), spellings without umlauts ("toten"
// is left out: it is also "die Toten"). Written for draht from dictionaries and common usage, not from any
// test set. What turns a violence word into a threat is in threatCues.ts; the model weighs both.

import { anchorGate } from "../patternSource.js";

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
  "(?=\\s*$|\\s*[,.;:!?)]|\\s+(?:und|oder|wenn|weil|dann|sonst|falls|alter|digga|du|ihr|so|gleich|jetzt|morgen|heute|haha|ok|ey|junge|verstanden|kapiert|lassen|werden|wollen|muessen|sollen|koennen|will|werde|wird|soll|muss|den|die|das|dem|der|alle|allesamt|euch|dich|ihn|im|in|am|beim|vorm|vor|auf|bei|mit|nach|schwoer|wallah|bruder|bro|versprochen|ihr)\\b|\\s+[^\\s\\w]|\\s+\\w+\\s*(?:$|[,.;:!?]))";

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
    // Idioms of killing from the same list: "um die Ecke bringen", "das Lebenslicht ausblasen", "die Radieschen von
    // unten ansehen", "mit Blei vollpumpen", "mit den Füßen voran".
    "\\b(?:ums eck bring\\w*|(?:dich|euch|ihn|sie|den|die|diesen|diese) (?:\\w+ ){0,2}um die ecke (?:bring|gebracht)\\w*|ewigen jagdgruende|garaus|(?:lebens)?lichte?r? (?:\\w+ )?(?:ausblas|ausgeblasen|auspust|ausgepustet|ausknips|ausgeknipst)\\w*|(?:ausblas|auspust|ausknips)\\w* (?:\\w+ ){0,2}(?:lebens)?lichte?r?\\b|(?:blas|blaes|pust|knips)\\w* (?:\\w+ ){0,3}(?:lebens)?lichte?r? aus|kissen aufs gesicht|radieschen von unten|futter fuer die fische|kopf kleiner (?:mach|gemacht)\\w*|mach\\w* (?:dich|euch|ihn|sie|den|die) (?:\\w+ ){0,2}(?:einen )?kopf kleiner|(?:in die|in eine) holzkiste (?:leg|steck|pack)\\w*|holzkiste (?:\\w+ )?(?:bestellt|reserviert)|fuer immer zum schweigen|zum schweigen (?:\\w+ )?fuer immer|mit den fuessen (?:voran|zuerst) (?:raus|hinaus|heraus|rausgetragen|hinausgetragen)\\w*|(?:trag|traeg)\\w* (?:\\w+ ){0,3}mit den fuessen (?:voran|zuerst)|leichensack|blei (?:fressen|schlucken)|ladung blei|mit blei (?:vollpump\\w*|voll)|voll blei|loch in (?:den|deinen|seinen|ihren) (?:kopf|schaedel)|hirn (?:\\w+ )?(?:rausblas|rausgeblasen|wegpust|weggepustet|wegblas|weggeblasen)\\w*|abzug (?:\\w+ )?(?:drueck|zieh)\\w*)\\b",
    // Added from a lexicographer's list of German violence words (written for draht from dictionary knowledge, no
    // test set read): strangling, massacring, mowing down, assassinating, killing by car, euphemisms of burial.
    "\\b(?:strangulier|massakrier|niedermaeh|niedergemaeht|meuchel|meuchl|gemeuchelt|meuchelmord|totfahr|totgefahren|totfaehr|totmach|totgemacht|niederstreck|niedergestreckt|skalpier|abkehl|abgekehlt|abmesser|abgemessert|wegpuff|weggepufft|headshot|todesschuss|gnadenschuss|scharfschuetze|heckenschuetze|sniper|holzpyjama|betonschuh|hanfkrawatte)\\w*",
    separable("bring\\w*|brach\\w*", "um"),
    joined("um", "bring|brach|gebracht"),
    "\\bumgebracht\\b",
    "\\b(?:ermord|abmurks|abgemurks|murks\\w* \\w+ ab|kaltmach|kaltgemacht|kalt ?zu ?mach|abknall|abgeknallt|abzuknall|umnieten|umgenietet|umleg|umgelegt|umzuleg|abservier|hinricht|hingerichtet|exekutier|lynch|gelyncht|vergas|vergast|abschlacht|abgeschlachtet|niedermetzel|abmetzel|niederschiess|niedergeschossen|niederstech|niedergestochen|erschiess|erschies|erschoss|erschiesst|erstech|ersticht|erstoch|erwuerg|erdrossel|erdrosselt|ertraenk|erschlag|erschlaegt|erschlug|totschlag|totschlaeg|totgeschlagen|totzuschlag|totpruegel|totgepruegelt|tottret|totgetreten|totfahr|totgefahren|totstech|totgestochen|ausrott|ausgerottet|ausloesch|ausgeloescht|aufhaeng|aufgehaengt|aufzuhaeng|aufknuepf|aufgeknuepft|erhaeng|erhaengt|killen|kille|killt|gekillt|abkill)\\w*",
    "\\btoet(?:e|en|et|est|ete|eten)?\\b|\\bgetoetet\\b|\\bzu toeten\\b",
    // Run over, poison, behead, drown, suffocate, shoot at, spear, crucify, bleed out, bury; youth "messern".
    "\\b(?:ueberfahr|ueberfaehrt|ueberfuhr|plattfahr|plattgefahren|umgefahren|vergift|koepfen|koepft|gekoepft|enthaupt|erstick|ersaeuf|ersoffen|ertraenkt|abballer|abgeballert|wegballer|weggeballert|umballer|abschiess|abgeschossen|abzuschiess|wegknall|weggeknallt|wegpust|weggepustet|ausblut|verblut|kreuzig|gekreuzigt|aufspiess|aufgespiesst|verscharr|verbuddel|einbuddel|eingebuddelt|massaker|gemetzel|amok|amoklauf|blutrausch|totbeiss|totgebissen|totwuerg|totgewuergt|totgetrampelt|tottrampel)\\w*",
    "\\b(?:messer(?:n|e|st|t|te|ten)|gemessert|abmessern)\\b",
    separable("richte?t?", "hin"),
    separable("ballert?\\w*", "ab|um|nieder"),
    "\\bkoepf(?:e|t|st)? (?:ihn|dich|euch|den|die|sie)\\b",
    separable("ballert?\\w*|knall\\w*|puste?\\w*|putz\\w*|raeum\\w*|schaff\\w*|mach\\w*|box\\w*", "weg"),
    "\\b(?:schiess\\w*|schoss|schiesst|ballert?\\w*|feuer\\w*) (?:\\w+ ){0,2}auf (?:dich|euch|ihn|sie|die|den|jeden|alle)\\b|\\bauf (?:dich|euch|ihn|die|den|jeden|alle) (?:\\w+ ){0,2}(?:schiess\\w*|ballern|feuern|geschossen)\\b",
    "\\b(?:kopf kuerzer|ruebe (?:ab|runter)|kopf (?:\\w+ )?rollen|koepfe (?:\\w+ )?rollen|nacht der langen messer|letzte stuendlein|letztes stuendlein|ins gras beissen lass\\w*|(?:erledig|beseitig|entsorg|ausschalt|zum schweigen bring|mundtot mach)\\w* (?:dich|euch|ihn|diesen|diese|den typ)|(?:wer|jemand|einer) (?:erledigt|beseitigt|entsorgt|schaltet) (?:den|die|ihn|diesen|diese))\\b",
    "\\bdreh\\w* (?:\\w+ ){0,3}(?:hals|genick|gurgel|kragen) um\\b",
    // A vehicle driven into people: "ich brettere mit dem Transporter durch euren Weihnachtsmarkt".
    "\\b(?:fahr|faehrt|brett|ras|rausch|donner|ramm|steuer|lenk)\\w* (?:\\w+ ){0,5}(?:in|durch) (?:die|den|eure|euren|deine|deinen|ihre|ihren|den ganzen) (?:\\w+ )?(?:menge|menschenmenge|weihnachtsmarkt|demo|demonstration|markt|umzug|festzug|fussgaengerzone|leute|zuschauer|kundgebung)\\b",
    // Hunting people, licensed: "Jagdscheine für Politiker", "Linke jagen müsste Volkssport werden".
    "\\b(?:jagdschein\\w*|jagdsaison|abschusslizenz\\w*) (?:\\w+ )?(?:fuer|auf)\\b|\\bjagen (?:\\w+ ){0,2}(?:volkssport|sport|hobby|pflicht)\\b|\\bscheiterhaufen\\b",
    // Bavarian and Low German: "i derschlag di", "dastech", "doodslahn".
    "\\b(?:ueberroll\\w*|einschlaefer\\w*|verhungern lass\\w*|verrecken lass\\w*|(?:nicht|keiner|niemand) (?:\\w+ )?ueberleb\\w*|ueberlebt (?:\\w+ ){0,4}nicht|unter (?:meinem|meinen|dem|den) (?:bagger|traktor|auto|laster|reifen|raedern)|von (?:nem|einem|nen) (?:auto|laster|lkw|bus|zug) (?:\\w+ )?(?:erwischt|erfasst|ueberrollt|ueberfahren)|mit ins grab|im graben)\\b",
    "\\b(?:ueber den haufen (?:fahr|schiess|renn|knall)\\w*|(?:fahr|schiess|renn|knall)\\w* (?:\\w+ ){0,3}ueber den haufen|(?:hat|haben|hast) (?:\\w+ ){0,3}(?:noch )?(?:genau )?(?:eine|einen|zwei|drei|ein paar|\\d+) (?:woche|wochen|tag|tage|monat|monate) zu leben|nicht mehr lange zu leben|wird (?:\\w+ )?(?:scharf )?geschossen|scharf schiess\\w*|kopfgeld|kopfjeld|kopfpraemie|vogelfrei|freiwild|purge|bremsleitung\\w*|bremsen (?:\\w+ )?(?:manipulier\\w*|durchschneid\\w*|durchgeschnitten|kaputt\\w*)|zugemauert|zumauer\\w*|(?:ihn|sie|dich|euch) (?:\\w+ )?erledig\\w*|(?:jagen|gejagt|jagt) (?:\\w+ ){0,2}wie (?:wild\\w*|tiere|hasen|ratten|hunde|vieh|karnickel))\\b",
    "\\b(?:der|da)(?:schlag|schlog|schlogn|schiass|schiess|stech|stich|wuerg|schlagn)\\w*",
    // Low German "ik slaa di dood"; strangling, also Bavarian "de Gurgl zudrucken".
    "\\bslaa? (?:\\w+ ){0,2}doo?d\\b|\\b(?:gurgl|gurgel|kehle|hals) (?:\\w+ ){0,2}(?:zudruck|zudrueck|zuschnuer|zudreh|zudrah)\\w*",
    "\\b(?:doodslahn|dootslahn|doodslaan|doodmaken|dootmaken|doodscheten|dootscheten|doodsteken|uembringen)\\b",
    separable("knall\\w*|stech\\w*|stich\\w*|stach\\w*|murks\\w*|schlacht\\w*|knips\\w*", "ab"),
    separable("schlag\\w*|schlaeg\\w*|schlug\\w*|pruegel\\w*|tret\\w*|tritt\\w*|stech\\w*|fahr\\w*|mach\\w*", "tot"),
    separable("mach\\w*", "kalt"),
    separable("leg\\w*|niet\\w*|hau\\w*|box\\w*|schubs\\w*", "um"),
    separable("knall\\w*|schiess\\w*|stech\\w*|mach\\w*|metzel\\w*|maeh\\w*|streck\\w*", "nieder"),
    separable("haeng\\w*|knuepf\\w*", "auf"),
    "\\b(?:abstech|abzustech|abgestochen|absticht)\\w*",
    "\\b(?:kopf|koepfe|schaedel|kehle|hals|gurgel) (?:\\w+ )?(?:ab|abschlagen|abhacken|abschneiden|abreissen|durchschneiden|durchgeschnitten|aufschlitzen|umdrehen|umdreh\\w*)\\b",
    "\\b(?:gehenkt|henken|henkt|(?:werdet|wirst|wird|werden|sollt|sollen|sollte|muessen) (?:\\w+ ){0,2}haengen|haengen sehen|baumeln|gaskammer|ins gas|ab ins lager|in den ofen|kopfschuss|genickschuss|kugel (?:in|durch|zwischen) (?:den|die|deinen|seinen|ihren|euren|euern|ihre|deine) (?:kopf|koepfe|birne|schaedel|augen)|kugel verdient|an die wand (?:zu )?(?:stellen|gestellt|stelle|stell|stellt)|stell\\w* (?:\\w+ ){0,3}an die wand\\b|an die wand mit|an (?:die|der|den) (?:naechste[nr]? )?laterne|am naechsten baum|aufs schafott|unter die erde bring\\w*|ins jenseits|kalt ?gemacht|hops nehmen|ueber den jordan|kaltstellen|ausknipsen|das licht ausknips\\w*|abstellen fuer immer|in den sarg|im sarg|sarg (?:ist|steht) (?:schon )?bestellt)\\b",
  ],
  death: [
    "\\b(?:kratz (?:(?:doch|endlich|mal|bitte|einfach) ){0,3}ab|goldenen schuss|spring\\w* (?:doch |endlich )?(?:von der bruecke|vom dach|vor den zug|vor die bahn|vor einen zug)|leg dich (?:\\w+ )?(?:vor den zug|auf die schienen|auf die gleise)|kill (?:dich|yourself)|fahr\\w* zur hoelle|zur hoelle mit|(?:schmor|brenn)\\w* (?:\\w+ )?in der hoelle|in der hoelle (?:schmor|brenn)\\w*|(?:lasst|lass|sollen|soll) (?:\\w+ ){0,2}absaufen|absaufen (?:lass|soll)\\w*|ertrinken lass\\w*|verrotten soll\\w*|(?:soll|sollst|moege|moegen) (?:\\w+ ){0,2}verrotten|welt (?:waere|ist|waer|wird) (?:\\w+ )?besser ohne (?:dich|euch|ihn|sie)|(?:warum|schade,? dass) (?:\\w+ ){0,2}noch lebt|warum lebst du (?:\\w+ )?noch)\\b",
    "\\b(?:abnibbel\\w*|abgenibbelt)\\b",
    "\\b(?:stirb|stirbt|sterben|sterbt|stirbst|verreck\\w*|verrecke|krepier\\w*|abkratz\\w*|krepiert|verendet|verenden)\\b",
    "\\b(?:tot|tote|toter|toten|totes)\\b",
    "\\b(?:tod|todes|todesstrafe|leiche|leichen|grab|sarg)\\b",
    "\\b(?:abnippel\\w*|abgenippelt|draufgeh\\w*|drauf ?gehen|ins gras beiss\\w*|loeffel abgeb\\w*|zeitliche segn\\w*|unter der erde|unter die erde|hopsgeh\\w*|hops gehen)\\b",
  ],
  injure: [
    // Idioms of beating: "eine hinter die Löffel", "die Hucke vollhauen", "das Fell gerben", "ein Veilchen verpassen",
    // "zu Brei schlagen", "die Scheiße aus dem Leib prügeln".
    "\\b(?:(?:eine|eins|ein paar|paar) hinter die (?:loeffel|ohren)|uffs maul|uff de fresse|(?:eins|eine|ein paar) auf die zwoelf|auffen kopp|uffn nischel|zaehne (?:\\w+ )?vom boden|schaedel (?:spalt|eintret|einschlag)\\w*|kopf (?:eintret|einschlag)\\w*|zu (?:brei|mus|matsch) (?:schlag|hau|pruegel|tret|geschlagen|gehauen|gepruegelt|getreten)\\w*|mach\\w* (?:dich|euch|ihn|sie|den|die) (?:\\w+ )?zu (?:brei|mus|matsch|hackfleisch)|ins krankenhaus (?:schlag|pruegel|tret|geschlagen|gepruegelt|getreten)\\w*|boden mit (?:dir|euch|ihm|ihr|denen) (?:\\w+ )?(?:aufwisch|wisch)\\w*|wisch\\w* (?:\\w+ )?mit (?:dir|euch|ihm|ihr|denen) (?:\\w+ ){0,2}boden auf|(?:hucke|jacke) (?:\\w+ )?(?:vollhau|vollgehau|voll hau|voll ?zu ?hau)\\w*|die hucke voll|fell (?:\\w+ )?gerb\\w*|gerb\\w* (?:dir|euch|ihm|ihr|ihnen) (?:\\w+ )?(?:das|dein|sein|ihr|euer) fell|veilchen (?:\\w+ )?verpass\\w*|blaues auge (?:\\w+ )?verpass\\w*|verpass\\w* (?:dir|euch|ihm|ihr|ihnen) (?:\\w+ ){0,2}(?:veilchen|blaues auge|blaue augen)|eine (?:runterhau|scheuer|pfeffer|donner|zimmer)\\w*|keile (?:krieg|bekomm)\\w*|(?:dann |gleich |sonst )setzt(?:s| es) was|reiss\\w* (?:dir|euch|ihm) (?:\\w+ )?den arsch auf|in die eier (?:tret|getreten)\\w*|ins gesicht (?:tret|getreten)\\w*|faust schmecken|faeuste sprechen|bekanntschaft mit (?:meinen|unseren|meiner) faeust\\w*|(?:dich|euch|ihn) (?:\\w+ )?in die finger (?:krieg|bekomm)\\w*|(?:k\\.?o\\.?|bewusstlos|halbtot|halb tot) (?:schlag|pruegel|tret|geschlagen|gepruegelt|getreten)\\w*|scheisse aus dem leib|hirn (?:\\w+ )?(?:rauspruegel|rausgepruegelt)\\w*|gedaerme|eingeweide (?:\\w+ )?(?:raus|heraus)\\w*|(?:dich|euch|ihn|sie) (?:\\w+ ){0,2}in stuecke (?:schneid|hack|reiss|geschnitten|gehackt|gerissen)\\w*|(?:auf|in) (?:dich|euch|ihn|sie|den|die|deinen|seinen|ihren) (?:\\w+ ){0,2}(?:einstech|eingestochen)\\w*|messerangriff\\w*)\\b",
    "\\b(?:verdrisch|verdrosch|verdroschen|verblaeu|durchblaeu|durchgeblaeut|verkamisol|zusammenbox|zusammengeboxt|umgeboxt|misshandel|misshandl|schallern|schallert|geschallert|durchwalk|durchgewalkt|ausgeknockt|gekloppt|niederknueppel|niedergeknueppelt|zusammenknueppel|zusammengeknueppelt)\\w*|\\bverwund(?:e|en|est|et|ete|eten)\\b",
    "\\b(?:schneid|schnitz|hack|schnipp)\\w* (?:\\w+ ){0,3}in (?:streifen|stuecke|scheiben|wuerfel|scheibchen)\\b|\\b(?:pruegelstrafe|kielhol\\w*)\\b",
    "\\b(?:gibt'?s|gibts|gibt es) (?:\\w+ ){0,2}(?:kleinholz|tote|verletzte|hackfleisch|saures|was auf die fresse)\\b",
    // A beating announced as what there "is" or "comes": "dann gibt's Blut", "kriegt eins op de Nüss", "fängste dir eene".
    "\\b(?:gibt'?s|gibts|gibt es|setzt'?s|setzts|jibt'?s|jibts) (?:\\w+ )?(?:blut|schlaege|kloppe|dresche|haue|was auf die (?:fresse|muetze|nuss)|wat op de (?:muetz|nuess|fresse))\\b",
    "\\b(?:eins|eene|eine|oane|oans|a paar|paar) (?:\\w+ ){0,2}(?:op|uff|auf|in|an) (?:de|die|d|den|dei|deine|sing|sei|seine) ?(?:muetz|muetze|nuess|nuss|nuesse|fresse|fressn|gosch|goschn|fott|omme|rueb|ruebe|birne|schaedl|schaedel)\\b",
    "\\bfaengste? (?:dir )?(?:eene|eine|eins|ne|oane)\\b",
    "\\bmach\\w* (?:\\w+ ){0,2}krankenhaus\\b",
    "\\b(?:schlag|schlog|hau|haun)\\w* (?:\\w+ ){0,2}(?:d'?|die|de) ?(?:gosch|goschn|fresse|fressn|zaeh|zaehn|schaedl) (?:ei|ein|eini|nei)\\b|\\b(?:zaeh|zaehn|zaehne) (?:naus|raus|aus)\\b|\\b(?:schlag|schlog|hau|haun|pruegel)\\w* (?:\\w+ ){0,3}zu (?:brei|mus|matsch)\\b",
    separable("schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*|pruegel\\w*", "zusammen"),
    "\\b(?:zusammenschlag|zusammengeschlagen|zusammenzuschlag|zusammenhau|zusammengehauen|zusammentret|zusammengetreten|verpruegel|verprugel|vermoebel|verdresch|verhau|verhaut|verhauen|zusammenfalt|zerlegen|zerleg|aufmisch|aufgemischt|aufklatsch|klatschen|klatsch|weghau|umhau|umgehauen|krankenhausreif|aufschlitz|aufgeschlitzt|verstuemmel|verletz|blutig|abstechen|messer (?:rein|zwischen)|kniescheib|schlag\\w* \\w+ (?:die|den|das) (?:fresse|zaehne|schaedel|kopf|nase|maul|knochen) ein)\\w*",
    separable(
      "schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*",
      "ein|kaputt|krankenhausreif|windelweich|platt|blutig|gruen und blau",
    ),
    separable("mach\\w*", "platt|kaputt|alle"),
    // "Ich mach dich fertig" of a person only: "wir machen den Antrag fertig" is work.
    "\\bmach\\w* (?:ich |wir )?(?:dich|euch|ihn|sie|den|die|diesen|diese)(?: (?:so|richtig|komplett|total|heute|morgen|jetzt|gleich))? (?:fertig|fertich|feddich)\\b",
    separable("klopp\\w*|pruegel\\w*", "weg|raus|tot|zusammen"),
    "\\b(?:brech\\w*|brich|bricht|brichst) (?:\\w+ ){0,3}(?:knochen|beine|bein|arme|arm|genick|nase|kiefer|rippen|finger|haxn|haxen|hand|haende)\\b",
    "\\b(?:knochen (?:\\w+ ){0,3}zaehlen|(?:auflauer|aufgelauert)\\w*|(?:erwisch|abfang|abgefangen|abfaeng)\\w* (?:\\w+ ){0,3}(?:im dunkeln|nachts|allein|alleine|auf dem heimweg)|fliesst (?:\\w+ )?blut|auffe (?:omme|fresse|nuss))\\b",
    "\\b(?:schlag|schlog|hau)\\w* (?:\\w+ ){0,4}(?:gosch\\w*|fresse|fressn|schnauze|maul|omme|birne|ruebe|nischel|kopp|zaehne|nase|schaedel|kopf|grind) (?:ei|ein|eia|kaputt|zu brei)\\b",
    "\\b(?:an den haaren (?:\\w+ ){0,4}(?:schleif|zieh|zerr)\\w*|(?:rauszerr|rausschleif|rauspruegel|rausgepruegelt|gepruegelt|verpruegelt|zerren|zerrt)\\w*|erkennt (?:\\w+ ){0,3}(?:keiner|niemand|keener) mehr|nicht mehr wieder ?erkenn\\w*|gefesselt|fesseln (?:wir|den|die|ihn|sie)|(?:auf|uff) (?:die|de|d|den) (?:nuss|muetze|deckel|zwoelf|12|glocke)|auseinander ?nehm\\w*|nehmt (?:\\w+ ){0,4}auseinander)\\b",
    separable(
      "schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*|box\\w*|pruegel\\w*",
      "zam|zamm|zsamm|zusamm|um|weg|nieder|k\\.?o\\.?|ko|bewusstlos|kaputt|krumm und lahm|gruen und blau",
    ),
    separable("misch\\w*|klatsch\\w*|schlitz\\w*", "auf"),
    "\\b(?:knochen|beine|bein|arme|arm|genick|nase|kiefer|rippen|finger|haxn|haxen) (?:\\w+ )?(?:brech\\w*|bricht|brich|brichst|gebrochen|zertruemmer\\w*)\\b|\\bzaehne (?:\\w+ )?(?:raus|aus)\\b|\\bkehle (?:\\w+ )?(?:auf|durch)\\b",
    "\\b(?:umhaun|neihau\\w*|eineihau\\w*|reinhau\\w*|reinhaun|draufhau\\w*|draufhaun|zuschlagen|zuschlaegt|zugeschlagen|bewerf\\w*|beworfen)\\b",
    "\\b(?:die )?treppe (?:\\w+ )?(?:runter|hinunter|herunter) ?(?:faellt|fliegt|stuerzt|fallen|fliegen|stossen|schubsen|gestossen|geschubst|werfen|geworfen)?|\\b(?:faellt|fliegt|stuerzt|stoss\\w*|schubs\\w*) (?:\\w+ ){0,3}die treppe (?:runter|hinunter)",
    "\\b(?:zamhau|zammhau|zsammhau|zamschlag|zammschlag|verklopp\\w*|verkloppt|vermoebeln|vertrimm|versohl|verwams|vertobak|durchpruegel|durchgepruegelt|kaputthau|kaputtgehauen|abwatsch|ausknock|zerschneid|zerschnitt|zerhack|zerfetz|zerquetsch|zermalm|zertret|zerkratz|zerfleisch|saeureattack|saeureangriff|knieschuss|kopfnuss|nackenschell)\\w*",
    "\\b(?:pruegel|pruegeln|pruegle|pruegelt|kloppe|dresche|haue|schlaege|ohrfeige\\w*|backpfeife\\w*|schelle|schellen|watsch\\w*|maulschelle\\w*|klatsche)\\b",
    "\\b(?:scheuer|kleb|lang|schmier|knall|zimmer|hau|ball|box|klatsch|schell|fang|faeng|pfeffer)\\w* (?:\\w+ )?(?:dir|ihm|ihr|euch|ihnen|dem|der|denen|mir) (?:\\w+ )?(?:eine|eins|ein paar|paar|welche)\\b",
    "\\b(?:dir|ihm|ihr|euch|dem|der|denen) (?:\\w+ ){0,2}(?:eine|eins|ein paar) (?:\\w+ )?(?:zu )?(?:scheuern|kleben|knallen|klatschen|schmieren|hauen|ballern|langen|geklebt|gescheuert|geknallt|geklatscht|gehauen)\\b",
    "\\b(?:dir|ihm|ihr|euch|dem|der|denen) (?:\\w+ ){0,2}(?:scheuer|kleb|knall|klatsch|schmier|hau|ball|schell)\\w* (?:\\w+ ){0,2}(?:eine|eins|ein paar|paar)\\b",
    "\\b(?:kriegst|kriegt|kriegen|bekommst|bekommt|gibts|gibt es|gibt|setzt es|setzt) (?:\\w+ ){0,2}(?:eins|welche|haue|dresche|schlaege|pruegel|saures|schellen|watschn|watsche|backpfeife|ohrfeige|klatsche|eine (?:rein|gescheuert|geklebt|gelangt))\\b",
    "\\b(?:brech\\w*|brich|brach\\w*|reiss\\w*|dreh\\w*) (?:\\w+ )?(?:dir|ihm|ihr|euch|ihnen|dem|der|denen) (?:\\w+ ){0,2}(?:nase|arm|arme|bein|beine|finger|genick|knochen|kiefer|rippen|hals|haxn|haxen|knie|graeten)\\b",
    "\\b(?:tret\\w*|tritt|trete|kick\\w*|schlag\\w*|hau\\w*|box\\w*|ramm\\w*) (?:\\w+ ){0,3}(?:ins|in (?:die|den|dein|deine|seine|ihre)|auf (?:die|den)) (?:\\w+ )?(?:gesicht|fresse|fressn|eier|zaehne|bauch|rippen|magen|kopf|schaedel|maul|nieren|genick)\\b",
    "\\b(?:saeure|saure|saeur)\\w* (?:\\w+ ){0,3}(?:gesicht|ins|in die|ueber)\\b|\\bgesicht (?:\\w+ )?(?:zerschneid|aufschlitz|zerkratz|zertruemmer|einschlag|zerschlag|kaputt|polier|verunstalt|entstell)\\w*",
    "\\b(?:auf|in|vor) (?:die|den|d|de|dei|deine|eure|seine|ihre) (?:fresse|fressn|gosch|goschn|gosche|schnauze|schnute|fotzn|maul|omme|birne|ruebe|nischel|kopp|dez|doetz|latz|zwoelf|12|glocke|mappe)\\b",
    "\\b(?:fresse|fressn|gosch\\w*|schnauze|maul|omme|birne|ruebe|nischel|kopp|dez|doetz|grind|visage|fratze|schaedel|kopf|zaehne|nase|kniescheiben) (?:\\w+ ){0,2}(?:polier\\w*|einschlag\\w*|eischlag\\w*|eiklopf\\w*|einhau\\w*|eihau\\w*|zertruemmer\\w*|kaputt\\w*|platt\\w*|zerschlag\\w*|zermatsch\\w*|richten|gerichtet)",
    "\\b(?:polier|richt|zertruemmer|zermatsch)\\w* (?:\\w+ )?(?:dir|ihm|ihr|euch|ihnen|dem|der|denen|mir) (?:\\w+ )?(?:die|den|das|d|de) (?:fresse|fressn|gosch\\w*|schnauze|maul|omme|birne|ruebe|nischel|kopp|visage|fratze|gesicht|schaedel)\\b",
    "\\b(?:weh ?tun|weh ?getan|wehzutun|weh zu tun|tu\\w* (?:dir|euch|ihm|ihr|ihnen) (?:\\w+ ){0,2}weh|antun|anzutun|angetan|tu\\w* (?:dir|euch|ihm|ihr|ihnen|denen|dem|der) (?:\\w+ ){0,3}(?:was|etwas|was schlimmes) an)\\b",
    "\\b(?:hackfleisch|hackepeter|brei|matsch|mus|kleinholz|fischfutter|blutige masse|krankenhausfall|pflegefall) (?:\\w+ ){0,2}(?:aus (?:dir|euch|ihm|ihr|denen)|machen|gemacht|sein|bist|seid)\\b|\\b(?:bist|seid|ist|sind) (?:du |ihr )?(?:\\w+ ){0,2}(?:hackfleisch|hackepeter|kleinholz|fischfutter|ein pflegefall|ein krankenhausfall)\\b",
    "\\b(?:landest|landet|landen|liegst|liegt|liegen|wachst|wacht) (?:\\w+ ){0,3}(?:im krankenhaus|in der notaufnahme|auf der intensiv\\w*|im rollstuhl|im grab|unter der erde|im sarg|im koma|in der leichenhalle|in der pathologie|im leichenschauhaus)\\b",
    "\\b(?:blut(?:en|est|et)|bluten lassen|bluten sehen|blut spucken|blut pissen|zaehne (?:\\w+ )?aufsammeln|zaehne (?:\\w+ )?zusammensuchen)\\b",
    "\\b(?:faust|faeuste|fauste) (?:\\w+ ){0,3}(?:gesicht|fresse|magen|maul|schnauze)\\b|\\bmit (?:der|meiner|unseren|den) (?:faust|faeusten)\\b",
    "\\b(?:blutbad|blut (?:wird |muss |soll )?(?:fliessen|fliesst|sehen)|es wird blut|aufs maul|auf die fresse|in die fresse|in die schnauze|eins auf die|eine (?:rein|verpass\\w*|klatsch\\w*|knall\\w*)|eine reinhau\\w*|fresse polier\\w*|die fresse|fresse einschlag\\w*|zaehne ausschlag\\w*|knochen brech\\w*|beine brech\\w*|genick brech\\w*|arme brech\\w*|windelweich|gruen und blau|abreibung|tracht pruegel|eins aufs maul|aufs maul hau\\w*)\\b",
    "\\b(?:schlag\\w*|schlaeg\\w*|hau\\w*|tret\\w*|box\\w*|pruegel\\w*|stech\\w*|sticht|schiess\\w*|schiesst|erschlag\\w*) (?:dich|euch|ihn|dir|ihm|ihnen|die|den|sie|diesen|diese)\\b",
  ],
  sexual: [
    "\\b(?:seife fallen|knastdusche|gangbang|von allen durchgenommen|schwanz (?:\\w+ )?(?:abschneid|abhack|abgeschnitten|abgehackt)\\w*|(?:schneid|hack|reiss)\\w* (?:dir|ihm|euch|ihnen) (?:\\w+ )?(?:den )?schwanz ab)\\b",
    "\\b(?:begrabsch|begrapsch|entmann|vergewallt|vergewaelt)\\w*",
    // "schänden" only with its umlaut ("scha(?:e)nd" is not loosened): "Schande" and "Schandi" are no violence.
    "\\b(?:vergewaltig|gescha(?:e)ndet|scha(?:e)nd|missbrauch|durchfick|durchgefickt|abfick|rannehm|rangenommen|begrapsch|grabsch|betatsch|gruppenvergewaltig)\\w*",
    "\\bfick\\w* (?:dich|euch|sie|deine|eure|ihre|die|den)\\b(?!\\s*(?:doch|selbst|ins knie))",
    "\\b(?:vergewohltig|vergewaltg|vergwaltig|vergwohltig|sexuell (?:\\w+ )?(?:missbrauch|noetig|benutz)|gruppensex mit|durchnehmen bis|besorgen es (?:dir|ihr))\\w*",
  ],
  torture: [
    "\\b(?:teer und federn|teeren und federn|zunge (?:\\w+ )?(?:rausreiss|herausreiss|rausgerissen|herausgerissen)\\w*|haut (?:\\w+ )?(?:abzieh|abgezogen)\\w*|ans kreuz nagel\\w*|nagel\\w* (?:dich|euch|ihn|sie) (?:\\w+ )?ans kreuz|zu tode (?:tret|pruegel|quael|folter|getreten|gepruegelt|gequaelt|gefoltert)\\w*)\\b",
    "\\b(?:marter(?:e|n|st|t|te|ten)?|gemartert|peinig\\w*|gepeinigt|zuechtig\\w*|gezuechtigt)\\b",
    "\\b(?:folter|gefoltert|quael|gequaelt|zu quaelen|haeut|gehaeutet|zerstueckel|zerstueckelt|ausweid|ausgeweidet|vierteil|gevierteilt|pfaehl|gepfaehlt|steinig|gesteinigt|bei lebendigem leib|lebendig (?:begraben|verbrennen|verbrannt)|langsam (?:sterben|verrecken|krepieren)|qualvoll)\\w*",
    "\\b(?:kastrier|auspeitsch|ausgepeitscht|brandmark|gebrandmarkt|geteert|teeren und federn|waterboard|elektroschock|daumenschraub|streckbank|eiserne jungfrau|raedern|geraedert|lebendig einmauer|einmauern|eingemauert|zerstueckl|verstuemmel|langsam ausbluten)\\w*",
    "\\b(?:naegel|fingernaegel|zaehne|augen|zunge|ohren|finger|haende|hand|eier|arme|beine|haut|kopfhaut|zehen) (?:\\w+ ){0,3}(?:einzeln |langsam )?(?:ausreiss\\w*|rausreiss\\w*|ausgerissen|ziehen|gezogen|abschneid\\w*|abgeschnitten|abhack\\w*|abgehackt|ausstech\\w*|ausgestochen|ausbrenn\\w*|abreiss\\w*|abgerissen|rausschneid\\w*|abziehen|abgezogen|abbeiss\\w*|zerquetsch\\w*)\\b",
    "\\b(?:reiss|schneid|hack|stech|brenn|zieh|beiss|quetsch)\\w* (?:dir|ihm|ihr|euch|ihnen|dem|der|denen|(?:deiner|deinem|seiner|seinem|ihrer|ihrem|eurer|eurem) \\w+) (?:\\w+ ){0,3}(?:naegel|fingernaegel|zaehne|augen|zunge|ohren|finger|haende|eier|haut|zehen|herz|gedaerme|eingeweide) (?:\\w+ )?(?:aus|raus|ab|heraus|durch|einzeln)\\b",
  ],
  weapon: [
    "\\b(?:wumme|wummen|glock|kalash|zielfernrohr|baseballkeule\\w*|eisenstange\\w*|panzerfaust|bazooka|strychnin|durchgeladen)\\b",
    // "dann gibt's Schüsse", "I schiaß eam oane auf'n Schädl", "Stress mit Klinge".
    "\\b(?:gibt'?s|gibts|gibt es|setzt'?s|jibt'?s) (?:\\w+ ){0,2}(?:schuesse|schuss|kugeln|bleikugeln|blei|kugel)\\b|\\bschiass\\w* (?:\\w+ ){0,3}(?:oane|oans|eine|eins|ane) (?:\\w+ ){0,2}(?:schaedl|schaedel|kopf|birn|rueb)\\b|\\bmit (?:der |ner |einer )?klinge\\b",
    "\\b(?:messer|klinge|machete|axt|beil|hackebeil|pistole|knarre|wumme|waffe|waffen|gewehr|flinte|schrotflinte|kalaschnikow|ak47|ak 47|baseballschlaeger|baseballschlaeger|schlagring|kugel|kugeln|patrone|patronen|munition|magazin voll|strick|galgen|guillotine|benzin|kanister|brandsatz|molotow\\w*|granate|granaten|sprengguertel|kettensaege|hammer|eisenstange|totschlaeger|pfefferspray|elektroschocker|schusswaffe|glock|kaliber|neun millimeter|baseballschlaegern|schlagringe|schlagringen|messern|pistolen|macheten|granaten)\\b",
    "\\b\\w*(?:messer|knarren?|pistolen?|gewehre?|waffen?|munition|kanister)\\b",
    "\\b(?:fackeln|mistgabeln|bewaffn\\w*|schlagstock|schlagstoecke|knueppel|stahlrute|teleskopschlagstock|springmesser|butterfly|armbrust|schrot|schrotladung|revolver|walther|uzi|mp5|pumpgun|pump gun|schreckschuss\\w*|schiesseisen|puffe|ballermann|kanone|mistgabel\\w*|heugabel\\w*|brecheisen|brechstange|kabelbinder|vorschlaghammer|spitzhacke|saebel|schwert|dolch|bajonett|katana|nunchaku|totschlaeger|elektroschocker|taser|traenengas|buttersaeure|saeure|gift|rattengift|zyankali|arsen|auto als waffe|brandsaetze|brandsaetzen|molotowcocktails?)(?:e|n|en|er|ern|s)?\\b",
    // Shooting back, and a blade as what one comes with: "ich schieß zurück", "komme mit was Scharfem".
    "\\b(?:schiess\\w*|schiesst|ballere?|baller\\w*) (?:\\w+ )?zurueck\\b|\\bmit (?:was|etwas|nem|einem) (?:scharfem|scharfen|spitzem|spitzen)\\b",
  ],
  arson: [
    "\\b(?:streichholz dran|feuerzeug dran|(?:neues|zweites) lichtenhagen|lichtenhagen (?:2\\.?0|wiederhol\\w*)|(?:solingen|moelln|hoyerswerda|rostock) 2\\.?0|rote[rn]? hahn)\\b",
    "\\b(?:ankokel|abkokel|angekokelt|abgekokelt|brandschatz|gebrandschatzt|abfackl|abgfackelt|mollies)\\w*",
    separable("zuend\\w*|fackel\\w*|brenn\\w*", "an|ab|nieder|weg|o|oo|aa"),
    "\\b(?:brand|abgebrannt|(?:ist|sind|wird|werden|is) (?:\\w+ ){0,3}asche|haufen asche|aschehaufen|grillkohle|brennt (?:\\w+ ){0,3}(?:ab|nieder))\\b",
    "\\b(?:brenne|brandflasche\\w*|nur noch asche|in asche|asche sein|brandbeschleuniger|grillanzuender|schutt und asche|feuerchen|roten hahn|roter hahn|ausraeucher\\w*|ausgeraeuchert|flammenwerfer|abfackel\\w*|anfackel\\w*|angefackelt|abgebrannt|brandanschlag|brandanschlaege|molli|mollis|benzinbombe|feuer (?:\\w+ ){0,2}(?:unterm dach|im haus|in der bude|ans haus|an die tuer|an die bude|legen|gelegt|machen))\\b",
    separable("raeucher\\w*", "aus"),
    "\\b(?:anzuend|angezuendet|anzuzuend|abfackel|abgefackelt|abzufackel|niederbrenn|niedergebrannt|abbrenn|abgebrannt|brandstift|brand (?:setzen|legen|stecken)|in brand (?:setzen|stecken|gesetzt|gesteckt)|feuer (?:legen|gelegt|machen unter|unterm hintern)|anstecken|angesteckt|verbrenn|verbrannt|verbrannte|brennen lassen|abbrennen lassen|abfackeln lassen|brennt|brennen|brennend|in flammen|flammen|lichterloh|molotow)\\w*",
  ],
  explosive: [
    "\\b(?:handgranate\\w*|boeller (?:\\w+ )?(?:in|durch) (?:den|deinen|euren|ihren|seinen) briefkasten)\\b",
    "\\b(?:detonier|landmine|schwarzpulver|nitroglyzerin|acetonperoxid|polenboeller|usbv)\\w*",
    "\\b(?:in die luft (?:zu )?(?:ge)?(?:jag|spreng|geh|flieg)\\w*|spreng\\w*|gesprengt|bombe|bomben|bombenanschlag|anschlag|anschlaege|sprengstoff|sprengsatz|explodier\\w*|hochgeh\\w*|hochjag\\w*|hochgejagt|pulverfass|tnt|c4|nagelbombe|rohrbombe|autobombe|paketbombe|granate)\\b",
    separable("jag\\w*|spreng\\w*", "in die luft|inne luft|in de luft|hoch"),
    "\\b(?:fliegt|fliegen|geht|gehen|jagt) (?:\\w+ ){0,3}in die luft\\b",
    "\\b\\w*bomb(?:t|te|ten|en|ig)\\b|\\b(?:in d'luft|in dluft|in de luft|dynamit|semtex|zuender|zeitzuender|fernzuender|sprengkoerper|sprengladung|splitterbombe|selbstmordattentat\\w*|attentat\\w*|attentaeter\\w*|sprengguertel|kawumm|kaboom|bumm|peng|hochgehen lassen|in die luft fliegen lassen|in die luft geh\\w*|in die luft flieg\\w*|tatp|bombenbau|bombe bauen|bombe gebaut|bombe basteln)\\b",
  ],
  property: [
    "\\b(?:fensterscheibe\\w* (?:\\w+ )?einschlag\\w*|stein\\w* durchs fenster|tuer (?:\\w+ )?(?:eintret|eingetreten)\\w*|(?:bude|laden|wohnung|buero|praxis) (?:\\w+ )?auseinandernehm\\w*|nehm\\w* (?:\\w+ ){0,3}(?:bude|laden|wohnung|buero|praxis|haus) (?:\\w+ )?auseinander|radmuttern (?:\\w+ ){0,3}(?:lockern|gelockert|loesen|geloest|lockere|locker)\\w*|(?:locker|loes)\\w* (?:\\w+ ){0,3}radmuttern|in den briefkasten (?:scheiss|kack)\\w*|hakenkreuz an|randale (?:mach|gemacht)\\w*|platt ?(?:walz|gewalzt)\\w*)\\b",
    "\\b(?:verwuest|pluender|gepluendert|randalier|entglas|zerschmeiss|zerschmiss|zerdepper)\\w*",
    "\\b(?:zerstoer|zerstort|demolier|zertruemmer|kaputtmach|kaputtgemacht|kaputt ?schlag|kaputtgeschlagen|kaputtzumach|einschlag\\w* (?:die|deine|eure|ihre|alle) (?:scheiben|fenster)|scheiben einschlag|scheiben einwerf|fenster einwerf|steine (?:durch|in|ins|gegen)|reifen (?:zerstech|aufschlitz|platt)|zerstochen|beschaedig|verwuest|abreissen|abgerissen|abzureissen|niederreissen|niedergerissen|plattmach|plattgemacht|dem erdboden gleich|dem boden gleich|kurz und klein|kurzundklein|einrennen|stuermen|gestuermt|stuermt|stuerm (?:das|die|den))\\w*",
    separable("mach\\w*|schlag\\w*|hau\\w*|tret\\w*", "kaputt|platt|kurz und klein"),
    separable("werf\\w*|wirf\\w*|schmeiss\\w*|schmeis\\w*", "ein"),
    separable("reiss\\w*", "ab"),
    "\\b(?:keine bremsen|scheib\\w* (?:\\w+ )?ei(?:schlag|schlog|gschmissn|werf)\\w*|(?:steine?n?|pflastersteine?n?|flaschen|molli|mollis|molotows?|ziegel\\w*) (?:\\w+ ){0,2}(?:in|durch|gegen|auf) (?:die|das|den|eure|deine|ihre) (?:scheibe|scheiben|fenster|fresse|kopf|koepfe)|zerleg\\w* (?:\\w+ ){0,3}in einzelteile|in einzelteile|schrott|zu schrott|nur noch schutt|in schutt|eingeworfen|zerkratz\\w*|einwerf\\w*|eingeschlagen|einschmeiss\\w*|eingeschmissen|zerstech\\w*|farbbeutel\\w*|beschmier\\w*|vollgeschmiert|luft (?:\\w+ )?(?:rauslass\\w*|ablass\\w*|raus)|(?:steine?|pflastersteine?|flaschen|brocken|ziegel\\w*|molotows?) (?:\\w+ ){0,3}(?:werfen|schmeissen|fliegen|fliegt|schmeiss\\w*|werf\\w*|geflogen)|(?:werf|schmeiss|schmeis|pfeffer)\\w* (?:\\w+ ){0,3}(?:steine?n?|pflastersteine?n?|flaschen|brocken|ziegel\\w*)|scheiben (?:\\w+ )?klirren|kein stein (?:\\w+ )?auf dem anderen|nichts mehr (?:\\w+ )?stehen|keine scheibe (?:\\w+ )?ganz)\\b",
  ],
  harm_wish: [
    "\\b(?:kraetze an den hals|(?:soll|moege) (?:\\w+ )?der schlag treffen|der schlag (?:soll|moege) (?:\\w+ )?treffen|hand (?:\\w+ ){0,2}(?:abfaul|abgefault)\\w*|abfaul\\w* (?:\\w+ ){0,2}hand|hoffe (?:\\w+ )?(?:du|er|ihr) (?:\\w+ )?(?:leidest|leidet) (?:\\w+ )?(?:qualvoll|lange|richtig|jeden tag|wie ein hund))\\b",
    "\\b(?:schmerzen bis|krebs|tumor|herzinf\\w*|infar?kt|schlaganfall|hirnschlag|hirntumor|gehirntumor|lungenkrebs|aids|unfall|unfaelle|autounfall|verkehrsunfall|seuche|pest|cholera|corona|krankheit|qualen|schmerzen|leiden|elend|elendig\\w*|rollstuhl|koma|intensivstation|blind|querschnitt\\w*|blitz (?:\\w+ ){0,2}(?:treffen|trifft|getroffen|erschlagen|beim)|vom (?:laster|lkw|bus|zug|auto) (?:\\w+ )?(?:erfasst|ueberrollt|ueberfahren|ueberfahrt|zerquetscht|erwischt))\\b",
  ],
};

/**
 * One expression per concept, on the folded text. Every pattern starts at a word boundary, written once in
 * front: the engine then gives up at once inside a word instead of trying each alternative there (40 % less
 * time per clause).
 */
export const CONCEPT_PATTERNS: readonly (readonly [ViolenceConcept, RegExp])[] = VIOLENCE_CONCEPTS.map((concept) => {
  const alternatives = PATTERNS[concept].map((pattern) => {
    if (!pattern.startsWith("\\b")) throw new Error(`violence pattern of ${concept} must start at \\b: ${pattern}`);
    return loose(pattern.slice(2));
  });
  return [concept, new RegExp(`\\b(?:${alternatives.join("|")})`)];
});

/**
 * Per concept, words one of which each of its matches holds (its least common part, else its first word), read
 * from its own expression (patternSource.ts); a concept with an alternative that holds no word that can be read
 * is always tried.
 */
const CONCEPT_GATE = anchorGate(
  CONCEPT_PATTERNS.map(([, pattern]) => pattern.source.slice(5, -1)),
  true,
);
/** Every concept: the mask that tries them all. */
export const ALL_CONCEPTS = (1 << CONCEPT_PATTERNS.length) - 1;

/** The concepts a match of which can hold this word (folded), as bits in the order of CONCEPT_PATTERNS. */
export const conceptsOfWord = (word: string): number => CONCEPT_GATE.bitsOf(word);

/**
 * Separable particles that take "zu" between them and the verb: "umzubringen", "abzufackeln", "kaltzumachen";
 * not where the verb itself begins with "zu" ("anzünden", but "anzuzünden").
 */
const ZU_INFIX =
  /\b(ab|an|auf|aus|ein|hin|her|um|nieder|zusammen|weg|kalt|tot|durch|kaputt|platt|fertig|los|hoch|rein|drauf|rum|nei|zu|fest)zu(?=[a-z]{3})(?!end)/g;

/**
 * The zu-infinitive of a separable verb as its infinitive ("umzubringen" → "umbringen"), so the lexicon's forms
 * also hold where "zu" stands between particle and verb. On folded text.
 */
export function withoutZuInfix(text: string): string {
  return text.includes("zu") ? text.replace(ZU_INFIX, "$1") : text;
}

export interface ConceptHit {
  concept: ViolenceConcept;
  /** The words as matched in the folded text. */
  text: string;
  /** Where the match starts in the clause. */
  index: number;
}

/**
 * The violence concepts found in one clause (folded text), each with its first match. `worthTrying`: the concepts
 * a word of the clause can be part of (conceptsOfWord, or'ed over its words); the others cannot match and are not
 * tried.
 */
export function violenceConcepts(clause: string, worthTrying = ALL_CONCEPTS): ConceptHit[] {
  const hits: ConceptHit[] = [];
  const tried = worthTrying | CONCEPT_GATE.ungated;
  for (let k = 0; k < CONCEPT_PATTERNS.length; k++) {
    if ((tried & (1 << k)) === 0) continue;
    const [concept, pattern] = CONCEPT_PATTERNS[k] as readonly [ViolenceConcept, RegExp];
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
