// The posts of the demo's year (load-demo-history.ts, demoHistoryPosts.ts): per topic of demoHistoryTopics.ts a
// few in its season, each with how strongly it draws questions, complaints and thanks — controversial ones
// mostly complaints, welcome ones mostly thanks.

/** How strongly a post draws questions, complaints and thanks on its topic (relative weights). */
export type Draws = { question: number; complaint: number; praise: number };
const MIXED: Draws = { question: 1, complaint: 1, praise: 1 };
export const CONTROVERSIAL: Draws = { question: 0.5, complaint: 5, praise: 0.1 };
const WELCOME: Draws = { question: 1, complaint: 0.2, praise: 6 };

export interface DemoPost {
  topic: string;
  /** Month (1–12) and day it was published, in the year before today. */
  month: number;
  day: number;
  title: string;
  body: string;
  draws: Draws;
  campaign?: true;
}

export const POSTS: readonly DemoPost[] = [
  {
    topic: "kita",
    month: 1,
    day: 12,
    title: "Kita-Anmeldung gestartet",
    body: "Die Anmeldung für das Kita-Jahr ab August ist ab heute über den Kita-Navigator möglich.",
    draws: MIXED,
  },
  {
    topic: "kita",
    month: 8,
    day: 20,
    title: "Neue Kita am Stadtpark",
    body: "Die neue Kita am Stadtpark ist eröffnet: 80 Plätze, davon 30 für Kinder unter drei Jahren.",
    draws: WELCOME,
  },
  {
    topic: "baustellen",
    month: 4,
    day: 14,
    title: "Sanierung der Bahnhofstraße",
    body: "Ab Montag wird die Bahnhofstraße saniert. Die Arbeiten dauern bis Oktober, der Radweg ist gesperrt.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "baustellen",
    month: 6,
    day: 2,
    title: "Baustellen im Sommer",
    body: "Alle Baustellen der Sommerferien auf einen Blick: Umleitungen und Zeitpläne auf unserer Website.",
    draws: MIXED,
  },
  {
    topic: "muell",
    month: 12,
    day: 27,
    title: "Abfuhrkalender für das neue Jahr",
    body: "Der Abfuhrkalender für das neue Jahr ist da – online und als App.",
    draws: MIXED,
  },
  {
    topic: "muell",
    month: 1,
    day: 2,
    title: "Müllabfuhr nach den Feiertagen",
    body: "Nach den Feiertagen verschiebt sich die Müllabfuhr um einen Tag.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "weihnachtsmarkt",
    month: 11,
    day: 21,
    title: "Der Weihnachtsmarkt öffnet",
    body: "Am Freitag öffnet der Weihnachtsmarkt auf dem Marktplatz. Wir freuen uns auf Sie!",
    draws: WELCOME,
    campaign: true,
  },
  {
    topic: "weihnachtsmarkt",
    month: 12,
    day: 5,
    title: "Adventswochenende auf dem Weihnachtsmarkt",
    body: "Am Wochenende: Chöre, Kinderkarussell und der Nikolaus auf dem Weihnachtsmarkt.",
    draws: WELCOME,
    campaign: true,
  },
  {
    topic: "buergeramt",
    month: 3,
    day: 2,
    title: "Online-Termine im Bürgeramt",
    body: "Termine im Bürgeramt können Sie jetzt online buchen – auch für Reisepass und Personalausweis.",
    draws: MIXED,
  },
  {
    topic: "buergeramt",
    month: 6,
    day: 22,
    title: "Längere Öffnungszeiten im Bürgeramt",
    body: "Im Sommer hat das Bürgeramt donnerstags bis 19 Uhr geöffnet.",
    draws: WELCOME,
  },
  {
    topic: "freibad",
    month: 5,
    day: 16,
    title: "Das Freibad öffnet",
    body: "Am Samstag öffnet das Freibad in die neue Saison. Eintritt für Kinder frei.",
    draws: WELCOME,
  },
  {
    topic: "freibad",
    month: 7,
    day: 8,
    title: "Freibad: geänderte Öffnungszeiten",
    body: "Wegen Personalmangels öffnet das Freibad im Juli erst um 10 Uhr.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "winterdienst",
    month: 12,
    day: 1,
    title: "So räumt der Winterdienst",
    body: "Welche Straßen zuerst geräumt werden und was Anlieger selbst tun müssen.",
    draws: MIXED,
  },
  {
    topic: "winterdienst",
    month: 1,
    day: 14,
    title: "Glätte: Winterdienst im Einsatz",
    body: "Der Winterdienst ist seit 3 Uhr im Einsatz. Bitte fahren Sie vorsichtig.",
    draws: MIXED,
  },
];

/** More of the year's posts, so a good part of every season's messages answers one. */
export const MORE_POSTS: readonly DemoPost[] = [
  {
    topic: "kita",
    month: 4,
    day: 8,
    title: "Zusagen für Kita-Plätze verschickt",
    body: "Die Zusagen für das neue Kita-Jahr sind verschickt. Bei Fragen hilft das Jugendamt.",
    draws: WELCOME,
  },
  {
    topic: "kita",
    month: 10,
    day: 6,
    title: "Neue Kita-Gebühren ab Januar",
    body: "Der Rat hat neue Kita-Gebühren beschlossen. Die Tabelle finden Sie auf unserer Website.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "baustellen",
    month: 9,
    day: 1,
    title: "Kanalarbeiten in der Lindenallee",
    body: "Ab heute wird der Kanal in der Lindenallee erneuert; die Straße ist halbseitig gesperrt.",
    draws: MIXED,
  },
  {
    topic: "baustellen",
    month: 10,
    day: 20,
    title: "Brücke am Stadtpark wird erneuert",
    body: "Die Brücke am Stadtpark wird bis zum Frühjahr erneuert. Fußgänger nutzen die Behelfsbrücke.",
    draws: MIXED,
  },
  {
    topic: "muell",
    month: 3,
    day: 18,
    title: "Sperrmüll online anmelden",
    body: "Sperrmüll können Sie jetzt online anmelden – der Termin kommt per E-Mail.",
    draws: WELCOME,
  },
  {
    topic: "muell",
    month: 10,
    day: 1,
    title: "Die Biotonne kommt",
    body: "Ab Oktober gibt es die Biotonne für alle Haushalte. Die Tonnen werden im September verteilt.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "buergeramt",
    month: 9,
    day: 15,
    title: "Wartezeiten im Bürgeramt",
    body: "Wegen vieler Anträge auf Reisepässe kommt es im Bürgeramt zu Wartezeiten. Bitte buchen Sie einen Termin.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "buergeramt",
    month: 11,
    day: 9,
    title: "Bürgeramt samstags geöffnet",
    body: "Ab November hat das Bürgeramt auch samstags von 9 bis 13 Uhr geöffnet.",
    draws: WELCOME,
  },
  {
    topic: "winterdienst",
    month: 2,
    day: 9,
    title: "Streusalz wird knapp",
    body: "Der Winterdienst streut Nebenstraßen nur noch mit Splitt, um Salz zu sparen.",
    draws: CONTROVERSIAL,
  },
  {
    topic: "freibad",
    month: 6,
    day: 10,
    title: "Freibad: Nachtschwimmen",
    body: "Am Freitag lädt das Freibad zum Nachtschwimmen bis 23 Uhr ein.",
    draws: WELCOME,
  },
];

/** The post the Hauptstraße's storm answers (demoHistoryTopics.ts DEMO_STORM), on its first day. */
export const STORM_POST = {
  title: "Hauptstraße voll gesperrt",
  body: "Die Hauptstraße ist wegen eines Wasserrohrbruchs voll gesperrt. Eine Umleitung ist ausgeschildert.",
};
