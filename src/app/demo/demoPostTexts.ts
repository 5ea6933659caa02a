// What Musterstadt posted over the year (load-demo-posts-history.ts): everyday notices of a town hall, the posts of
// its 24-hour marathon and what citizens answered to them — civil texts, so the history fills no moderation queue.

export const DEMO_POST_TEXTS = [
  "Das Bürgeramt hat am Samstag von 9 bis 13 Uhr geöffnet. Termine buchen Sie unter musterstadt.de/termine.",
  "Die Hauptstraße ist ab Montag zwischen Markt und Bahnhof gesperrt. Die Umleitung ist ausgeschildert.",
  "Neue Kita in der Lindenallee: Anmeldungen sind ab sofort möglich. Alle Infos auf musterstadt.de/kita.",
  "Der Wochenmarkt zieht während der Bauarbeiten auf den Kirchplatz. Wir freuen uns auf Ihren Besuch!",
  "Heute tagt der Stadtrat ab 17 Uhr im Ratssaal. Die Sitzung ist öffentlich, die Tagesordnung finden Sie online.",
  "Die Biotonne wird in dieser Woche wegen des Feiertags einen Tag später geleert.",
  "Das Freibad öffnet am Samstag in die Saison. Die Eintrittspreise bleiben unverändert.",
  "Sperrmüll können Sie jetzt online anmelden: musterstadt.de/sperrmuell.",
  "Die Stadtbibliothek lädt zur Lesenacht für Kinder ein – Anmeldung bis Freitag.",
  "Blutspende im Rathausfoyer am Dienstag von 15 bis 19 Uhr. Jede Spende hilft!",
  "Der Winterdienst ist ab heute in Bereitschaft. Bitte räumen Sie Gehwege vor Ihrem Haus bis 7 Uhr.",
  "Neue Öffnungszeiten im Standesamt: donnerstags jetzt bis 18 Uhr.",
  "Der Weihnachtsmarkt öffnet am Freitag um 16 Uhr auf dem Marktplatz.",
  "Baumpflanzaktion im Stadtpark: Machen Sie am Samstag mit! Schaufeln stellen wir.",
  "Die Sprechstunde des Bürgermeisters findet am Mittwoch ab 16 Uhr statt.",
  "Schulwegsicherung: Ab Montag gilt vor der Grundschule Tempo 30.",
  "Der Haushaltsentwurf ist online. Ihre Hinweise nehmen wir bis Ende des Monats entgegen.",
  "Hitzewarnung: Trinken Sie ausreichend und achten Sie auf ältere Nachbarinnen und Nachbarn.",
];

export const DEMO_CAMPAIGN_POSTS = [
  "Streife in der Innenstadt: Falschparker auf dem Radweg, freundlich angesprochen.",
  "Ein Hund ohne Leine im Stadtpark – Halterin informiert, alles gut.",
  "Ruhestörung in der Gartenstraße gemeldet, wir sind auf dem Weg.",
  "Gefundener Geldbeutel im Fundbüro abgegeben. Die Eigentümerin ist schon verständigt.",
  "Kontrolle der Gaststätten am Markt: Alles in Ordnung.",
  "Wilder Müll am Waldweg entdeckt – der Bauhof holt ihn morgen ab.",
  "Nachtschicht: Jetzt ist es ruhig in Musterstadt. Kaffee ist gekocht.",
  "Frühschicht beginnt: Schulwegkontrolle an der Grundschule.",
  "Marktaufbau begleitet, Zufahrten sind frei.",
  "Straßenlaterne defekt in der Lindenallee – an die Stadtwerke gemeldet.",
];

/** Citizens' replies to the marathon's posts, and how the press office answers a question among them. */
export const DEMO_CAMPAIGN_REPLIES: readonly { text: string; intent: "question" | "praise"; answer: string }[] = [
  { text: "Danke für Ihren Einsatz!", intent: "praise", answer: "" },
  { text: "Spannend, was Sie alles machen.", intent: "praise", answer: "" },
  {
    text: "Wie kann ich einen Falschparker melden?",
    intent: "question",
    answer:
      "Falschparker melden Sie rund um die Uhr dem Ordnungsamt: telefonisch unter 0123 456-700 oder online " +
      "über das Formular „Mängelmelder“ auf musterstadt.example. Ihr Ordnungsamt",
  },
  { text: "Super Aktion, weiter so!", intent: "praise", answer: "" },
  {
    text: "Gilt das auch am Wochenende?",
    intent: "question",
    answer: "Ja, der Außendienst des Ordnungsamts ist auch samstags und sonntags unterwegs. Ihr Ordnungsamt",
  },
  { text: "Vielen Dank, sehr informativ.", intent: "praise", answer: "" },
  { text: "Bei uns in der Gartenstraße ist es jetzt ruhig, danke!", intent: "praise", answer: "" },
];
