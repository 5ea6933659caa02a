// The generated group corpus for the hate model (train-hate.ts): statements about groups of people in four
// kinds that differ in a few words. Hateful statements (HATE); the same statements quoted or reported in order
// to reject them (counter-speech, NONE); the writer's own denial of a prejudice ("… sind keine Verbrecher",
// NONE); and the everyday talk of a city's channels about groups: thanks, questions, announcements, criticism of
// a decision (NONE). GAHD and GermEval hold few of the last three, so the n-gram model learnt that naming a
// group is a sign of hate; these contrastive pairs teach it what the frame around the words does. Written from
// German grammar and usage for draht; no test or development set was read. Each example names its template
// and group, so whole templates and whole groups can be held out: the validation figures are on wordings the
// model never saw.
import { seededRandom } from "../classifier/linearModel.js";

export type GroupCorpusKind = "hate" | "counter" | "negated" | "everyday";

export interface GroupCorpusExample {
  text: string;
  hate: boolean;
  kind: GroupCorpusKind;
  template: string;
  group: string;
}

interface Group {
  id: string;
  /** Plural without article, nominative: "Flüchtlinge". */
  pl: string;
  /** Plural, dative: "Flüchtlingen". */
  dat: string;
  /** One person of the group, with article: "ein Flüchtling". */
  one: string;
}

const g = (id: string, pl: string, dat: string, one: string): Group => ({ id, pl, dat, one });

export const GROUPS: Group[] = [
  g("fluechtlinge", "Flüchtlinge", "Flüchtlingen", "ein Flüchtling"),
  g("gefluechtete", "Geflüchtete", "Geflüchteten", "eine Geflüchtete"),
  g("asylbewerber", "Asylbewerber", "Asylbewerbern", "ein Asylbewerber"),
  g("migranten", "Migranten", "Migranten", "ein Migrant"),
  g("auslaender", "Ausländer", "Ausländern", "ein Ausländer"),
  g("muslime", "Muslime", "Muslimen", "eine Muslimin"),
  g("juden", "Juden", "Juden", "ein Jude"),
  g("syrer", "Syrer", "Syrern", "ein Syrer"),
  g("afghanen", "Afghanen", "Afghanen", "ein Afghane"),
  g("tuerken", "Türken", "Türken", "eine Türkin"),
  g("polen", "Polen", "Polen", "ein Pole"),
  g("rumaenen", "Rumänen", "Rumänen", "ein Rumäne"),
  g("bulgaren", "Bulgaren", "Bulgaren", "eine Bulgarin"),
  g("roma", "Sinti und Roma", "Sinti und Roma", "eine Romni"),
  g("ukrainer", "Ukrainer", "Ukrainern", "eine Ukrainerin"),
  g("araber", "Araber", "Arabern", "ein Araber"),
  g("afrikaner", "Afrikaner", "Afrikanern", "ein Afrikaner"),
  g("eritreer", "Eritreer", "Eritreern", "ein Eritreer"),
  g("kurden", "Kurden", "Kurden", "eine Kurdin"),
  g("schwarze", "Schwarze", "Schwarzen", "ein Schwarzer"),
  g("frauen", "Frauen", "Frauen", "eine Frau"),
  g("schwule", "Schwule", "Schwulen", "ein Schwuler"),
  g("lesben", "Lesben", "Lesben", "eine Lesbe"),
  g("trans", "trans Menschen", "trans Menschen", "eine trans Frau"),
  g("queer", "queere Menschen", "queeren Menschen", "ein queerer Mensch"),
  g("behinderte", "Menschen mit Behinderung", "Menschen mit Behinderung", "ein Mensch mit Behinderung"),
  g("rollstuhl", "Rollstuhlfahrer", "Rollstuhlfahrern", "eine Rollstuhlfahrerin"),
  g("obdachlose", "Obdachlose", "Obdachlosen", "ein Obdachloser"),
  g("wohnungslose", "Wohnungslose", "Wohnungslosen", "eine Wohnungslose"),
  g("buergergeld", "Bürgergeldempfänger", "Bürgergeldempfängern", "eine Bürgergeldempfängerin"),
  g("arbeitslose", "Arbeitslose", "Arbeitslosen", "ein Arbeitsloser"),
  g("alleinerziehende", "Alleinerziehende", "Alleinerziehenden", "eine Alleinerziehende"),
  g("vietnamesen", "Vietnamesen", "Vietnamesen", "eine Vietnamesin"),
  g("russlanddeutsche", "Russlanddeutsche", "Russlanddeutschen", "ein Russlanddeutscher"),
];

/** Nouns that dehumanise or degrade, plural (they follow "sind" and "sind keine"). */
const DEGRADING_NOUNS = [
  "Ratten",
  "Parasiten",
  "Ungeziefer",
  "Tiere",
  "Schmarotzer",
  "Abschaum",
  "Schädlinge",
  "Kakerlaken",
  "Heuschrecken",
  "Affen",
  "Gesindel",
  "Viecher",
  "Maden",
  "Untermenschen",
  "Verbrecher",
  "Terroristen",
  "Sozialschmarotzer",
  "Messerstecher",
  "Faulenzer",
  "Vergewaltiger",
  "Kriminelle",
  "Sozialfälle",
  "Menschen zweiter Klasse",
];
/** Adjectives of a prejudice: "sind alle …", "nicht alle … sind …". */
const PREJUDICE = [
  "kriminell",
  "faul",
  "dumm",
  "primitiv",
  "dreckig",
  "gefährlich",
  "asozial",
  "hinterhältig",
  "krank",
  "pervers",
  "minderwertig",
  "unfähig",
  "verlogen",
  "gewalttätig",
  "ungebildet",
  "nutzlos",
  "integrationsunwillig",
  "schmarotzend",
];
const PLACES = ["unserer Stadt", "Deutschland", "unserem Viertel", "dem Freibad", "unseren Schulen", "unserem Dorf"];
const OUT = ["abschieben", "rauswerfen", "wegsperren", "aus dem Land jagen", "ausbürgern", "in Lager stecken"];
const ANIMALS = ["Karnickel", "Ratten", "Ungeziefer", "die Karnickel", "Kakerlaken"];

/** Hateful statements about a group, without a full stop: they are also quoted inside counter-speech. */
const HATE_STATEMENTS: [id: string, make: (gr: Group, pick: Pick) => string][] = [
  ["are_vermin", (gr, pick) => `${gr.pl} sind ${pick(DEGRADING_NOUNS)}`],
  ["all_are", (gr, pick) => `${gr.pl} sind alle ${pick(PREJUDICE)}`],
  ["out_of", (gr, pick) => `${gr.pl} raus aus ${pick(PLACES)}`],
  [
    "belong_out",
    (gr, pick) =>
      `${gr.pl} gehören ${pick(["abgeschoben", "weggesperrt", "nicht hierher", "nicht zu uns", "ausgewiesen"])}`,
  ],
  ["nothing_lost", (gr, pick) => `${gr.pl} haben in ${pick(PLACES)} nichts verloren`],
  ["should_out", (gr, pick) => `${gr.pl} sollte man alle ${pick(OUT)}`],
  ["breed", (gr, pick) => `${gr.pl} vermehren sich wie ${pick(ANIMALS)}`],
  ["blood", (gr, pick) => `${gr.pl} sind ${pick(PREJUDICE)}, das liegt denen im Blut`],
  ["not_human", (gr, pick) => `${gr.pl} sind keine Menschen, das sind ${pick(DEGRADING_NOUNS)}`],
  ["worth_less", (gr) => `${gr.pl} sind weniger wert als wir`],
  [
    "cost",
    (gr, pick) => `${gr.pl} kosten uns nur Geld und bringen ${pick(["nichts als Ärger", "nur Dreck", "Kriminalität"])}`,
  ],
  [
    "one_is",
    (gr, pick) =>
      `${gr.one} bleibt immer ${pick(["ein Verbrecher", "ein Schmarotzer", "ein Parasit", "ein Tier", "Abschaum"])}`,
  ],
  [
    "no_rights",
    (gr, pick) => `${pick(["Keine Wohnungen", "Kein Wahlrecht", "Kein Geld", "Keine Rechte"])} für ${gr.pl}`,
  ],
  [
    "segregate",
    (gr, pick) =>
      `${gr.pl} sollten ${pick(["eigene Busse", "eigene Schulen", "Hausverbot im Freibad", "eigene Stadtteile"])} kriegen, weg von uns`,
  ],
  [
    "plague",
    (gr, pick) =>
      `${gr.pl} sind ${pick(["eine Plage", "eine Seuche", "ein Krebsgeschwür", "ein Virus", "eine Invasion"])} für ${pick(PLACES)}`,
  ],
];

type Pick = <T>(items: readonly T[]) => T;
type Make = (gr: Group, pick: Pick) => string;

/** What one says when one rejects hate: a judgement, a report, a fact against it. */
const REJECTIONS = [
  "Schämt euch",
  "Das ist widerlich",
  "Das ist Hetze und wird gemeldet",
  "So etwas hat hier nichts zu suchen",
  "Das ist menschenverachtend",
  "Das ist rassistischer Unsinn",
  "Screenshot gemacht und angezeigt",
  "Liebe Stadt, bitte löschen",
  "Das sind Menschen wie du und ich",
  "Geht's eigentlich noch?",
  "Einfach nur peinlich",
  "Das ist keine Meinung, das ist Volksverhetzung",
  "Mir wird schlecht, wenn ich so etwas lese",
  "Ich kenne genug, die das Gegenteil beweisen",
];
const TESTIMONY = [
  "Meine Nachbarin gehört dazu und hilft jedem im Haus",
  "Mein bester Freund gehört dazu und hat mir nach dem Unfall das Leben gerettet",
  "Ich arbeite seit Jahren mit ihnen zusammen und habe nur gute Erfahrungen gemacht",
  "Die Familie neben uns ist das beste, was unserer Straße passiert ist",
  "Ich bin selbst einer davon und zahle hier seit zwanzig Jahren Steuern",
];

const COUNTER_FRAMES: [id: string, make: (h: string, pick: Pick) => string][] = [
  [
    "wer_schreibt",
    (h, pick) =>
      `Wer schreibt, ${h}, ${pick(["sollte sich schämen", "hat nichts verstanden", "gehört gesperrt", "hat ein Problem"])}`,
  ],
  ["quote_dash", (h, pick) => `„${h}“ – ${pick(REJECTIONS)}`],
  ["quote_straight", (h, pick) => `"${h}"? ${pick(TESTIMONY)}`],
  [
    "saetze_wie",
    (h, pick) =>
      `Sätze wie ${h} ${pick(["sind einfach nur widerlich", "haben hier nichts verloren", "gehören gemeldet", "sind strafbar"])}`,
  ],
  ["ich_lese", (h, pick) => `Ich lese hier ${h}. ${pick(REJECTIONS)}`],
  [
    "behauptung",
    (h, pick) =>
      `Die Behauptung, ${h}, ${pick(["ist eine Lüge", "ist rassistischer Unsinn", "stimmt einfach nicht", "ist Stimmungsmache"])}`,
  ],
  ["hoert_auf", (h) => `Hört auf zu schreiben, ${h}. Das sind Menschen`],
  ["an_den_kommentar", (h, pick) => `An den Kommentar oben (${h}): ${pick(REJECTIONS)}`],
  ["steht_hier", (h) => `${h} – und so etwas steht seit Stunden unter dem Post der Stadt. Bitte löschen`],
  ["wie_kann_man", (h, pick) => `Wie kann man nur ${h} schreiben? ${pick(REJECTIONS)}`],
  [
    "jemand_schreibt",
    (h, pick) =>
      `Jemand schreibt hier ${h} und bekommt noch Likes dafür. ${pick(["Traurig", "Erbärmlich", "Unfassbar"])}`,
  ],
  ["wenn_ich_lese", (h) => `Wenn ich ${h} lese, wird mir schlecht`],
  ["immer_dieses", (h, pick) => `Immer dieses ${h}. ${pick(TESTIMONY)}`],
  ["moderation", (h) => `@Moderation: Der Nutzer oben schreibt ${h}. Bitte sperren`],
  ["vorurteil", (h) => `${h}? Das ist ein uraltes Vorurteil und wird durch Wiederholen nicht wahrer`],
];

const NEGATED: [id: string, make: Make][] = [
  ["sind_keine", (gr, pick) => `${gr.pl} sind keine ${pick(DEGRADING_NOUNS)}`],
  ["nicht_alle", (gr, pick) => `Nicht alle ${gr.pl} sind ${pick(PREJUDICE)}`],
  ["nicht_sondern", (gr, pick) => `${gr.pl} sind nicht ${pick(PREJUDICE)}, sondern Menschen wie du und ich`],
  ["genauso_wenig", (gr, pick) => `${gr.pl} sind genauso wenig ${pick(PREJUDICE)} wie alle anderen auch`],
  ["stimmt_nicht", (gr, pick) => `Es stimmt einfach nicht, dass ${gr.pl} ${pick(PREJUDICE)} sind`],
  [
    "nicht_automatisch",
    (gr, pick) => `Nur weil jemand zu den ${gr.dat} gehört, ist er nicht automatisch ${pick(PREJUDICE)}`,
  ],
  ["kein_problem", (gr) => `${gr.pl} sind kein Problem für unsere Stadt, sondern ein Gewinn`],
  [
    "auch_menschen",
    (gr, pick) =>
      `${gr.pl} sind auch nur Menschen und ${pick(["keine Verbrecher", "nicht schlechter als wir", "verdienen Respekt"])}`,
  ],
];

const SERVICES = [
  "eine Beratung",
  "Sprachkurse",
  "eine Anlaufstelle",
  "Hilfe bei Anträgen",
  "eine Sprechstunde",
  "Wohnungen",
];
const EVENTS = ["Stadtfest", "Frühjahrsputz", "Hochwasser", "Adventsmarkt", "Sommerfest", "Spendenlauf"];
const SECTORS = ["der Pflege", "den Krankenhäusern", "der Gastronomie", "auf dem Bau", "in den Kitas"];
const LANGS = ["Arabisch", "Türkisch", "Ukrainisch", "Englisch", "leichter Sprache", "Gebärdensprache"];

const EVERYDAY: [id: string, make: Make][] = [
  ["danke", (gr, pick) => `Danke an die ${gr.pl}, die beim ${pick(EVENTS)} so toll mitgeholfen haben`],
  ["wo_finde", (gr, pick) => `Wo finde ich ${pick(SERVICES)} für ${gr.pl}?`],
  ["nachbarn", (gr) => `Unsere Nachbarn sind ${gr.pl} und die nettesten Menschen im ganzen Haus`],
  ["stadt_bietet", (gr, pick) => `Die Stadt bietet ab März ${pick(SERVICES)} für ${gr.pl} an, Anmeldung im Bürgerbüro`],
  ["wie_viele", (gr) => `Wie viele ${gr.pl} leben eigentlich bei uns in der Stadt? Gibt es dazu Zahlen?`],
  ["schoen_dass", (gr, pick) => `Schön, dass beim ${pick(EVENTS)} so viele ${gr.pl} dabei waren`],
  ["ohne_sie", (gr, pick) => `Ohne ${gr.pl} würde in ${pick(SECTORS)} hier gar nichts mehr laufen`],
  ["gehoeren_dazu", (gr) => `${gr.pl} gehören genauso zu unserer Stadt wie alle anderen`],
  [
    "kritik",
    (gr, pick) =>
      `Ich finde es nicht gut, dass ${pick(["die Unterkunft", "die Beratungsstelle", "das Wohnheim"])} für ${gr.pl} so weit draußen liegt. Gibt es keine bessere Lösung?`,
  ],
  [
    "geholfen",
    (gr, pick) =>
      `${gr.one.replace(/^e/, "E")} hat mir gestern ${pick(["meine Tasche zurückgebracht", "beim Umzug geholfen", "den Weg zum Bürgeramt gezeigt"])}. Danke!`,
  ],
  ["sprache", (gr, pick) => `Gibt es die Infos für ${gr.pl} auch auf ${pick(LANGS)}?`],
  ["umgezogen", (gr) => `Die Beratungsstelle für ${gr.pl} ist umgezogen, sie ist jetzt im Rathaus Nord`],
  ["respekt", (gr, pick) => `Respekt an alle ${gr.pl}, die sich beim ${pick(EVENTS)} engagiert haben`],
  [
    "stadtrat",
    (gr, pick) => `Im Stadtrat wird heute über ${pick(SERVICES)} für ${gr.pl} beraten, die Sitzung ist öffentlich`,
  ],
  ["kollegin", (gr) => `Meine Kollegen sind ${gr.pl} und ich arbeite mit niemandem lieber zusammen`],
  [
    "kosten_frage",
    (gr) => `Was kostet die Stadt die Unterbringung von ${gr.dat} eigentlich im Jahr? Ich frage ernsthaft`,
  ],
];

/** Two spellings of the same comment: as typed on a phone (lower case, no full stop) and as written. */
function styled(text: string, pick: Pick): string {
  const style = pick(["plain", "lower", "bang", "plain"]);
  if (style === "lower") return text.toLowerCase();
  if (style === "bang") return `${text}!!`;
  return /[?!.]$/.test(text) ? text : `${text}.`;
}

/**
 * The corpus: every template with every group (counter-speech: every frame with a random hateful statement
 * about every group), seeded. Heldout: every fifth template of each kind and every seventh group never
 * train the shipped model; they are the validation split.
 */
export function groupCorpus(seed = 20_261_205): { train: GroupCorpusExample[]; validation: GroupCorpusExample[] } {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  const heldGroups = new Set(GROUPS.filter((_, i) => i % 7 === 3).map((gr) => gr.id));
  const train: GroupCorpusExample[] = [];
  const validation: GroupCorpusExample[] = [];
  const add = (kind: GroupCorpusKind, templates: readonly [string, Make][]) =>
    templates.forEach(([template, make], index) => {
      for (const gr of GROUPS) {
        const example = { text: styled(make(gr, pick), pick), hate: kind === "hate", kind, template, group: gr.id };
        (index % 5 === 4 || heldGroups.has(gr.id) ? validation : train).push(example);
      }
    });
  add("hate", HATE_STATEMENTS);
  add("negated", NEGATED);
  add("everyday", EVERYDAY);
  add(
    "counter",
    COUNTER_FRAMES.map(([id, frame]): [string, Make] => [
      id,
      (gr, p) => frame((HATE_STATEMENTS[Math.floor(random() * HATE_STATEMENTS.length)] as [string, Make])[1](gr, p), p),
    ]),
  );
  return { train, validation };
}
