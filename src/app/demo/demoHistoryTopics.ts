// What Musterstadt's citizens wrote about over the year, for the demo's history: topics with their season
// (a weight per month, January first) and what people ask, complain about and thank for. Placeholders
// {street} and {day} vary the texts; every text is civil (the demo's moderation queue stays the demo's).

export interface DemoTopic {
  key: string;
  months: readonly number[];
  /** Shares of questions, complaints and thanks. */
  mix: { question: number; complaint: number; praise: number };
  question: readonly string[];
  complaint: readonly string[];
  praise: readonly string[];
  /** How staff answered questions and complaints on it. */
  answer: string;
}

export const DEMO_STREETS = ["Hauptstraße", "Bahnhofstraße", "Lindenallee", "Marktplatz", "Schulweg", "Am Stadtpark"];
export const DEMO_DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];

export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    key: "kita",
    months: [3, 3, 2.5, 1, 1, 1, 1, 2.5, 1.5, 1, 1, 1],
    mix: { question: 0.6, complaint: 0.3, praise: 0.1 },
    question: [
      "Wie beantrage ich einen Kita-Platz für meine Tochter ab August?",
      "Bis wann muss die Anmeldung für den Kindergarten eingegangen sein?",
      "Gibt es noch freie Betreuungsplätze in der Kita {street}?",
      "Wann bekommen wir Bescheid, ob wir einen Kita-Platz erhalten?",
      "Wo finde ich den Kita-Navigator und welche Unterlagen brauche ich?",
    ],
    complaint: [
      "Wir warten seit Monaten auf eine Antwort wegen des Kita-Platzes, das ist enttäuschend.",
      "Leider gibt es in unserem Viertel viel zu wenige Kita-Plätze, das ist ein echtes Problem für Familien.",
      "Die Kita {street} hat schon wieder verkürzte Öffnungszeiten, das ist ärgerlich für Berufstätige.",
    ],
    praise: [
      "Vielen Dank an das Team der Kita {street}, die Eingewöhnung lief wunderbar!",
      "Danke für die schnelle Zusage für den Kita-Platz, wir freuen uns sehr.",
    ],
    answer:
      "Guten Tag, Kita-Plätze vergibt das Jugendamt über den Kita-Navigator (www.musterstadt.de/kita). Die Anmeldung für August ist bis Ende März möglich; Bescheide gehen im Mai raus. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "baustellen",
    months: [0.5, 0.5, 1, 2, 3, 3, 3, 3, 3, 2, 1, 0.5],
    mix: { question: 0.45, complaint: 0.45, praise: 0.1 },
    question: [
      "Wie lange dauert die Baustelle in der {street} noch?",
      "Ist die {street} am {day} wegen der Bauarbeiten gesperrt?",
      "Wo ist die Umleitung für die Baustelle an der {street} ausgeschildert?",
      "Wann wird die Straße in der {street} wieder freigegeben?",
    ],
    complaint: [
      "Die Baustelle in der {street} ist schlecht ausgeschildert, ich bin zweimal falsch gefahren.",
      "Seit Wochen passiert auf der Baustelle {street} nichts, das ist ärgerlich.",
      "Der Baulärm in der {street} beginnt schon um sechs Uhr morgens, das ist unzumutbar.",
      "Die Umleitung um die {street} führt durch unser Wohngebiet, es ist viel zu laut und gefährlich für Kinder.",
    ],
    praise: [
      "Toll, dass die {street} so schnell fertig geworden ist, vielen Dank!",
      "Die neue Radspur in der {street} ist super, danke dafür.",
    ],
    answer:
      "Guten Tag, die Bauarbeiten dauern nach aktuellem Plan noch etwa zwei Wochen. Die Umleitung ist ab der Kreuzung ausgeschildert; aktuelle Sperrungen finden Sie unter www.musterstadt.de/baustellen. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "muell",
    months: [3, 1.5, 1.5, 2, 1, 1, 1, 1, 1, 1.5, 1.5, 2.5],
    mix: { question: 0.55, complaint: 0.35, praise: 0.1 },
    question: [
      "Wann wird bei uns in der {street} der Sperrmüll abgeholt?",
      "Wann holt die Müllabfuhr die Weihnachtsbäume ab?",
      "Wo bekomme ich eine größere Mülltonne?",
      "Wird die Tonne am {day} trotz Feiertag geleert?",
    ],
    complaint: [
      "Die Müllabfuhr hat unsere Tonne in der {street} heute wieder nicht geleert.",
      "Am Container am {street} liegt seit Tagen Müll herum, das sieht furchtbar aus.",
      "Der Abfuhrkalender stimmt nicht, die gelbe Tonne wurde nicht abgeholt.",
    ],
    praise: [
      "Danke an die Müllabfuhr, die trotz Schnee pünktlich war!",
      "Der Sperrmüll wurde schnell und ordentlich abgeholt, vielen Dank.",
    ],
    answer:
      "Guten Tag, danke für den Hinweis. Die Abfuhrtermine finden Sie im Abfuhrkalender unter www.musterstadt.de/abfall; wir haben die Abfallwirtschaft informiert, die Tonne wird nachgeleert. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "weihnachtsmarkt",
    months: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, 3, 5],
    mix: { question: 0.5, complaint: 0.15, praise: 0.35 },
    question: [
      "Wann öffnet der Weihnachtsmarkt auf dem Marktplatz?",
      "Wie lange hat der Weihnachtsmarkt am {day} geöffnet?",
      "Gibt es am Weihnachtsmarkt Parkplätze oder fährt ein Shuttlebus?",
      "Kann man sich noch für einen Stand auf dem Weihnachtsmarkt bewerben?",
    ],
    complaint: [
      "Auf dem Weihnachtsmarkt war es viel zu voll, es gab kaum Platz für Kinderwagen.",
      "Die Toiletten am Weihnachtsmarkt waren leider geschlossen.",
    ],
    praise: [
      "Der Weihnachtsmarkt ist dieses Jahr wunderschön, vielen Dank an alle Beteiligten!",
      "Tolle Stimmung auf dem Weihnachtsmarkt, die Beleuchtung ist herrlich.",
      "Danke für das schöne Programm für Kinder auf dem Weihnachtsmarkt.",
    ],
    answer:
      "Guten Tag, der Weihnachtsmarkt ist täglich von 11 bis 21 Uhr geöffnet, freitags und samstags bis 22 Uhr. Ein Shuttlebus fährt ab dem Parkplatz am Stadtpark. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "buergeramt",
    months: [1.5, 1.5, 1.5, 1.5, 2, 2.5, 2.5, 1.5, 1.5, 1.5, 1.5, 1],
    mix: { question: 0.7, complaint: 0.2, praise: 0.1 },
    question: [
      "Wie bekomme ich einen Termin im Bürgeramt für einen neuen Personalausweis?",
      "Kann ich meinen Reisepass auch ohne Termin abholen?",
      "Welche Unterlagen brauche ich für die Ummeldung meiner Wohnung?",
      "Hat das Bürgeramt am {day} länger geöffnet?",
    ],
    complaint: [
      "Im Bürgeramt gibt es erst in sechs Wochen einen Termin, das ist zu lang.",
      "Die Online-Terminvergabe des Bürgeramts funktioniert seit gestern nicht.",
    ],
    praise: ["Danke für den freundlichen Service im Bürgeramt, das ging heute sehr schnell."],
    answer:
      "Guten Tag, Termine im Bürgeramt buchen Sie online unter www.musterstadt.de/termine; kurzfristige Termine werden jeden Morgen um 7 Uhr freigeschaltet. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "freibad",
    months: [0, 0, 0, 0, 1, 3, 4, 3, 1, 0, 0, 0],
    mix: { question: 0.5, complaint: 0.25, praise: 0.25 },
    question: [
      "Wann öffnet das Freibad in diesem Sommer?",
      "Hat das Freibad bei Regen am {day} geöffnet?",
      "Gibt es im Freibad ermäßigte Karten für Familien?",
    ],
    complaint: ["Im Freibad waren die Duschen kalt und die Schlange am Kiosk endlos."],
    praise: ["Das Freibad ist top gepflegt, danke an das ganze Team!"],
    answer:
      "Guten Tag, das Freibad öffnet am 15. Mai und hat bei jedem Wetter von 9 bis 20 Uhr geöffnet. Familienkarten gibt es an der Kasse. Freundliche Grüße, Ihre Stadtverwaltung",
  },
  {
    key: "winterdienst",
    months: [3, 2.5, 1, 0, 0, 0, 0, 0, 0, 0, 0.5, 2],
    mix: { question: 0.4, complaint: 0.5, praise: 0.1 },
    question: [
      "Wer ist für das Räumen des Gehwegs in der {street} zuständig?",
      "Wird die {street} heute noch gestreut?",
    ],
    complaint: [
      "Der Gehweg in der {street} ist spiegelglatt und wurde nicht gestreut.",
      "Der Schnee in der {street} liegt seit drei Tagen, der Winterdienst war noch nicht da.",
    ],
    praise: ["Danke an den Winterdienst, der schon früh morgens unterwegs war."],
    answer:
      "Guten Tag, danke für den Hinweis. Der Winterdienst räumt zuerst Hauptstraßen und Buslinien; Gehwege vor Grundstücken räumen die Anlieger. Wir haben die Stelle weitergegeben. Freundliche Grüße, Ihre Stadtverwaltung",
  },
];

/** A week in September when the Hauptstraße was closed without notice: a burst of complaints. */
export const DEMO_STORM = {
  daysAgo: 80,
  days: 3,
  perDay: 30,
  texts: [
    "Die Vollsperrung der Hauptstraße ohne Ankündigung ist eine Zumutung, ich stehe seit einer Stunde im Stau.",
    "Warum wurde die Sperrung der Hauptstraße nicht vorher angekündigt? Das ist schlecht organisiert.",
    "Wegen der Sperrung der Hauptstraße kommen die Busse nicht durch, sehr ärgerlich.",
    "Die Umleitung um die Hauptstraße ist ein Chaos, so geht das nicht.",
  ],
  answer:
    "Guten Tag, wir entschuldigen uns für die kurzfristige Sperrung der Hauptstraße: ein Wasserrohrbruch musste sofort repariert werden. Die Straße ist ab Freitag wieder frei. Freundliche Grüße, Ihre Stadtverwaltung",
};
