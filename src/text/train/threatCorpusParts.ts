// The building blocks of the generated threat corpus besides its verbs (threat/violenceVerbs.ts): targets with their
// cases, times and tails. Written from German grammar and usage for draht; no test set was read.

export interface Target {
  id: string;
  kind: "addressee" | "person" | "official" | "group" | "building" | "vehicle" | "family";
  acc: string;
  dat: string;
  nom: string;
}

const t = (id: string, kind: Target["kind"], acc: string, dat: string, nom: string): Target => ({
  id,
  kind,
  acc,
  dat,
  nom,
});

export const TARGETS: Target[] = [
  t("du", "addressee", "dich", "dir", "du"),
  t("ihr", "addressee", "euch", "euch", "ihr"),
  t("Sie", "addressee", "Sie", "Ihnen", "Sie"),
  t("er", "person", "ihn", "ihm", "er"),
  t("typ", "person", "diesen Typen", "diesem Typen", "dieser Typ"),
  t("nachbar", "person", "meinen Nachbarn", "meinem Nachbarn", "mein Nachbar"),
  t("buergermeister", "official", "den Bürgermeister", "dem Bürgermeister", "der Bürgermeister"),
  t("ob", "official", "die Oberbürgermeisterin", "der Oberbürgermeisterin", "die Oberbürgermeisterin"),
  t("sachbearbeiterin", "official", "die Sachbearbeiterin", "der Sachbearbeiterin", "die Sachbearbeiterin"),
  t("bullen", "official", "die Bullen", "den Bullen", "die Bullen"),
  t("polizisten", "official", "die Polizisten", "den Polizisten", "die Polizisten"),
  t("politiker", "official", "diese Politiker", "diesen Politikern", "diese Politiker"),
  t("richter", "official", "den Richter", "dem Richter", "der Richter"),
  t("lehrerin", "official", "die Lehrerin", "der Lehrerin", "die Lehrerin"),
  t("journalist", "official", "den Journalisten", "dem Journalisten", "der Journalist"),
  t("stadtrat", "official", "den ganzen Stadtrat", "dem ganzen Stadtrat", "der ganze Stadtrat"),
  t("fluechtlinge", "group", "die Flüchtlinge", "den Flüchtlingen", "die Flüchtlinge"),
  t("auslaender", "group", "die Ausländer", "den Ausländern", "die Ausländer"),
  t("muslime", "group", "die Muslime", "den Muslimen", "die Muslime"),
  t("juden", "group", "die Juden", "den Juden", "die Juden"),
  t("gruene", "group", "die Grünen", "den Grünen", "die Grünen"),
  t("kinder", "family", "deine Kinder", "deinen Kindern", "deine Kinder"),
  t("frau", "family", "deine Frau", "deiner Frau", "deine Frau"),
  t("familie", "family", "deine Familie", "deiner Familie", "deine Familie"),
  t("rathaus", "building", "das Rathaus", "dem Rathaus", "das Rathaus"),
  t("jobcenter", "building", "das Jobcenter", "dem Jobcenter", "das Jobcenter"),
  t("buero", "building", "euer Büro", "eurem Büro", "euer Büro"),
  t("haus", "building", "dein Haus", "deinem Haus", "dein Haus"),
  t("moschee", "building", "die Moschee", "der Moschee", "die Moschee"),
  t("heim", "building", "das Asylheim", "dem Asylheim", "das Asylheim"),
  t("wache", "building", "die Wache", "der Wache", "die Wache"),
  t("auto", "vehicle", "dein Auto", "deinem Auto", "dein Auto"),
  t("dienstwagen", "vehicle", "den Dienstwagen", "dem Dienstwagen", "der Dienstwagen"),
  t("streifenwagen", "vehicle", "die Streifenwagen", "den Streifenwagen", "die Streifenwagen"),
];

export const TIMES = [
  "",
  "morgen",
  "heute noch",
  "bald",
  "nächste Woche",
  "am Montag",
  "gleich",
  "demnächst",
  "heute Nacht",
  "eines Tages",
];
export const TAILS = [
  "",
  "",
  "",
  "!!!",
  " 🔪",
  " 😡",
  ", du Schwein",
  ", versprochen",
  " ich schwörs",
  ", merk dir das",
  ", verlass dich drauf",
  " 💀",
  "!",
];
