// The generated threat corpus: violence verbs × targets × constructions (threats) and the same verbs and
// targets in hard-negative frames (negation, reports, counter-speech, questions, fiction, history), plus
// fixed harmless texts with violent-looking words. Each example names its template and verb, so whole
// templates and whole verbs can be held out: the validation figures are on wordings the model never saw.
import { seededRandom } from "../classifier/linearModel.js";
import { FIXED_NEGATIVES, FIXED_THREATS } from "./threatCorpusFixed.js";
import { type Target, TAILS, TARGETS, TIMES } from "./threatCorpusParts.js";
import { type VerbEntry, VERBS } from "../threat/violenceVerbs.js";

export interface CorpusExample {
  text: string;
  threat: boolean;
  template: string;
  verb: string;
}

type Pick = <T>(items: readonly T[]) => T;
interface Slot {
  verb: VerbEntry;
  target: Target;
  pick: Pick;
}
type Template = { id: string; threat: boolean; make: (s: Slot) => string | null };

const fill = (form: string, target: Target) => form.replace("{O}", target.acc).replace("{D}", target.dat);
/** "bring {O} um" → "bring ich {O} um" (verb second after a fronted word). */
const inverted = (form: string, subject: string) => form.replace(/^(\S+)/, `$1 ${subject}`);
const p1 = (s: Slot) => fill(s.verb.p1, s.target);
const inf = (s: Slot) => fill(s.verb.inf, s.target);
const zu = (s: Slot) => fill(s.verb.zu, s.target);
const imp = (s: Slot) => fill(s.verb.imp, s.target);
const nom = (s: Slot) => s.target.nom;
const time = (s: Slot) => s.pick(TIMES);
const person = (s: Slot) => s.target.kind !== "building" && s.target.kind !== "vehicle";
const PLURAL = new Set([
  "ihr",
  "Sie",
  "bullen",
  "polizisten",
  "politiker",
  "fluechtlinge",
  "auslaender",
  "muslime",
  "juden",
  "gruene",
  "kinder",
  "streifenwagen",
]);
const wird = (s: Slot) =>
  s.target.id === "du" ? "wirst" : s.target.id === "ihr" ? "werdet" : PLURAL.has(s.target.id) ? "werden" : "wird";

const T = (id: string, threat: boolean, make: Template["make"]): Template => ({ id, threat, make });

export const THREAT_TEMPLATES: Template[] = [
  T("intent_ich", true, (s) => `ich ${p1(s)} ${time(s)}`),
  T(
    "intent_fronted",
    true,
    (s) => `${s.pick(["morgen", "bald", "heute", "gleich", "dann"])} ${inverted(p1(s), "ich")}`,
  ),
  T("intent_werde", true, (s) => `ich werde ${inf(s)}`),
  T(
    "intent_wir_werden",
    true,
    (s) => `wir werden ${inf(s)}, ${s.pick(["wartet nur ab", "verlasst euch drauf", "das ist sicher"])}`,
  ),
  T("intent_will", true, (s) => `ich will ${inf(s)} ${time(s)}`),
  T("intent_no_pronoun", true, (s) => `${s.pick(["komm", "fahr", "geh"])} ${time(s)} vorbei und ${p1(s)}`),
  T("intent_werd", true, (s) => `werd ${inf(s)}`),
  T(
    "intent_weapon_bought",
    true,
    (s) =>
      `hab mir schon ${s.pick(["ein Messer", "eine Knarre", "Benzin", "einen Baseballschläger"])} besorgt, ${inverted(p1(s), "ich")}`,
  ),
  T("intent_schwoer", true, (s) => `ich schwöre bei Gott, ich ${p1(s)}`),
  T("intent_vorgenommen", true, (s) => `ich hab mir vorgenommen, ${zu(s)}`),
  T("intent_perfekt", true, (s) => `ich habe beschlossen ${zu(s)}`),
  T("intent_bald", true, (s) => `bald ist es soweit, dann werde ich ${inf(s)}`),
  T("call_holt", true, (s) => `holt euch ${s.target.acc} und ${imp(s)}`),
  T("call_lasst", true, (s) => `lasst uns ${inf(s)}`),
  T("call_jemand", true, (s) => `jemand muss endlich ${inf(s)}`),
  T("call_leute", true, (s) => `Leute, ${imp(s)}!`),
  T("call_wer", true, (s) => `wer hilft mir ${zu(s)}?`),
  T("call_auf", true, (s) => `auf zum Rathaus, ${imp(s)}`),
  T(
    "should_man",
    true,
    (s) => `${s.target.acc} sollte man ${s.verb.inf.replace(/^\{O\} /, "").replace("{D}", s.target.dat)}`,
  ),
  T("should_gehoert", true, (s) =>
    person(s) ? `${nom(s)} ${s.target.id === "du" ? "gehörst" : "gehört"} ${s.verb.part}` : null,
  ),
  T("should_muesste", true, (s) => `${nom(s)} müsste ${s.verb.part} werden`),
  T("should_man_muss", true, (s) => `man muss ${inf(s)}, anders lernen die es nicht`),
  T("should_verdient", true, (s) => (person(s) ? `so jemand verdient es, ${s.verb.part} zu werden` : null)),
  T("should_einzige", true, (s) => `die einzige Lösung: ${inf(s)}`),
  T("wish_hoffentlich", true, (s) => `hoffentlich wird ${nom(s)} bald ${s.verb.part}`),
  T("wish_hoffe", true, (s) => `ich hoffe, jemand wird ${inf(s)}`),
  T("wish_waer_schoen", true, (s) => `wär schön wenn ${nom(s)} mal ${s.verb.part} wird`),
  T("wish_death", true, (s) =>
    person(s)
      ? `${nom(s)} ${s.pick(["soll", "sollte", "möge"])} ${s.pick(["verrecken", "krepieren", "elendig sterben", "qualvoll verrecken"])}`
      : null,
  ),
  T("wish_wuensche", true, (s) =>
    person(s)
      ? `ich wünsche ${s.target.dat} ${s.pick(["den Tod", "Krebs", "einen tödlichen Unfall", "einen langsamen Tod"])}`
      : null,
  ),
  T("wish_freu", true, (s) => `ich freu mich schon auf den Tag, an dem ${nom(s)} ${s.verb.part} wird`),
  T(
    "cond_wenn",
    true,
    (s) =>
      `wenn ${s.pick(["ihr das durchzieht", "du das nochmal machst", "die Gebühren steigen", "ihr meinen Antrag ablehnt"])}, dann ${inverted(p1(s), "ich")}`,
  ),
  T("cond_noch_einmal", true, (s) => `noch einmal und ich ${p1(s)}`),
  T(
    "cond_falls",
    true,
    (s) =>
      `falls ${s.pick(["der Bescheid nicht kommt", "ihr nicht zahlt", "sie nicht zurücktritt"])}, werde ich ${inf(s)}`,
  ),
  T(
    "cond_sonst",
    true,
    (s) =>
      `${s.pick(["zahlt endlich", "gebt mir mein Geld", "lasst mich in Ruhe", "tritt zurück"])}, sonst ${inverted(p1(s), "ich")}`,
  ),
  T("legal_freigeben", true, (s) => (person(s) ? `${s.target.acc} sollte man zum Abschuss freigeben` : null)),
  T("legal_straffrei", true, (s) => `wer ${inf(s).replace(/ (\S+)$/, " $1")} will, sollte straffrei bleiben`),
  T("legal_erlauben", true, (s) => `man sollte es endlich erlauben, ${zu(s)}`),
  T("legal_todesstrafe", true, (s) => (person(s) ? `Todesstrafe für ${s.target.acc}, sofort` : null)),
  T("legal_selbstjustiz", true, (s) => `Selbstjustiz ist die einzige Sprache: ${inf(s)}`),
  T(
    "family_kinder",
    true,
    (s) => `ich weiß wo deine Kinder zur Schule gehen ${s.pick(["", "😉", ", überleg dir gut was du tust"])}`,
  ),
  T(
    "family_haus",
    true,
    (s) =>
      `schönes ${s.pick(["Haus", "Auto", "Büro"])} hast du, wär schade wenn ${s.pick(["es brennt", "da mal was passiert", "es in die Luft fliegt"])}`,
  ),
  T("future_passive", true, (s) => `${nom(s)} ${wird(s)} ${time(s)} ${s.verb.part}`),
  T(
    "future_passive_fronted",
    true,
    (s) =>
      `${s.pick(["bald", "morgen", "nächste Woche", "eines Tages"])} ${wird(s)} ${nom(s)} ${s.verb.part}, ${s.pick(["versprochen", "glaubt mir", "wartet ab", "das schwör ich"])}`,
  ),
  T(
    "intim_wohnst",
    true,
    (s) => `wir wissen wo ${s.target.id === "Sie" ? "Sie wohnen" : "du wohnst"}${s.pick(["", ", bis bald", " 👀"])}`,
  ),
  T(
    "intim_tuer",
    true,
    (s) => `ich steh ${time(s)} vor deiner Tür${s.pick(["", ", dann reden wir anders", " und dann gnade dir Gott"])}`,
  ),
  T("intim_tage", true, (s) => `deine Tage sind gezählt${s.pick(["", ", du Verräter", " Herr Bürgermeister"])}`),
  T(
    "intim_bereuen",
    true,
    (s) => `du wirst es bereuen, ${s.pick(["wir kriegen dich", "wir finden dich", "pass gut auf dich auf"])}`,
  ),
];

export const NEGATIVE_TEMPLATES: Template[] = [
  T("neg_nie", false, (s) => `ich würde ${inf(s).replace(/^(\S+)/, "$1 nie")}`),
  T(
    "neg_niemand",
    false,
    (s) => `niemand hier will ${inf(s)}, ${s.pick(["beruhigt euch", "das ist doch klar", "aber reden müssen wir"])}`,
  ),
  T("neg_nicht", false, (s) => `keine Sorge, ich werde ${inf(s).replace(/ (\S+)$/, " nicht $1")}`),
  T("neg_keiner", false, (s) => `keiner hat gesagt, dass man ${inf(s)} soll`),
  T("rep_gedroht", false, (s) => `er hat gedroht, ${zu(s)}. Ich habe Anzeige erstattet`),
  T("rep_angeklagt", false, (s) => `der Angeklagte soll angekündigt haben, ${zu(s)}`),
  T("rep_geschrieben", false, (s) => `jemand hat mir geschrieben: "ich ${p1(s)}". Was soll ich jetzt tun?`),
  T("rep_polizei", false, (s) => `laut Polizei wurde ${nom(s)} gestern ${s.verb.part}, die Ermittlungen laufen`),
  T("rep_news", false, (s) => `in der Zeitung steht, dass ein Mann versucht hat, ${zu(s)}`),
  T("counter_wer", false, (s) => `wer schreibt, man sollte ${inf(s)}, gehört angezeigt`),
  T("counter_solche", false, (s) => `solche Kommentare wie "${inf(s)}" sind widerlich, bitte löschen`),
  T(
    "counter_gewalt",
    false,
    (s) => `Gewalt ist keine Lösung, auch wer ${s.target.acc} nicht mag, darf nicht dazu aufrufen, ${zu(s)}`,
  ),
  T("q_wurde", false, (s) => `wurde ${nom(s)} wirklich ${s.verb.part}?`),
  T("q_sicher", false, (s) => `ist es sicher, dass niemand versucht, ${zu(s)}?`),
  T("fiction_tatort", false, (s) => `im Tatort gestern wollte der Mörder ${inf(s)}, total spannend`),
  T("fiction_roman", false, (s) => `in dem Krimi von der Lesung wird ${nom(s)} am Ende ${s.verb.part}`),
  T("fiction_game", false, (s) => `in dem Spiel musst du ${inf(s)}, um das Level zu schaffen`),
  T(
    "history",
    false,
    (s) =>
      `${s.pick(["1945", "im Mittelalter", "damals im Krieg", "1938"])} wurde hier ${nom(s)} ${s.verb.part}, daran erinnert jetzt eine Gedenktafel`,
  ),
];

export interface CorpusOptions {
  seed: number;
  /** Examples per template (each with a random verb and target). */
  perTemplate: number;
  /** Held out for validation: these templates and verbs appear only in the validation part. */
  heldOutTemplates: ReadonlySet<string>;
  heldOutVerbs: ReadonlySet<string>;
}

export function generateCorpus(options: CorpusOptions): { train: CorpusExample[]; validation: CorpusExample[] } {
  const random = seededRandom(options.seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  const train: CorpusExample[] = [];
  const validation: CorpusExample[] = [];
  const seen = new Set<string>();
  for (const template of [...THREAT_TEMPLATES, ...NEGATIVE_TEMPLATES]) {
    let made = 0;
    for (let attempt = 0; attempt < options.perTemplate * 4 && made < options.perTemplate; attempt++) {
      const verb = pick(VERBS);
      const target = pick(TARGETS);
      const thing = target.kind === "building" || target.kind === "vehicle";
      if ((verb.on === "person" && thing) || (verb.on === "thing" && !thing)) continue;
      const raw = template.make({ verb, target, pick });
      if (!raw) continue;
      const text = styled(`${raw.replace(/\s+/g, " ").trim()}${template.threat ? pick(TAILS) : ""}`, random);
      if (seen.has(text)) continue;
      seen.add(text);
      made++;
      const example = { text, threat: template.threat, template: template.id, verb: verb.id };
      const heldOut = options.heldOutTemplates.has(template.id) || options.heldOutVerbs.has(verb.id);
      (heldOut ? validation : train).push(example);
    }
  }
  for (const [texts, threat] of [
    [FIXED_NEGATIVES, false],
    [FIXED_THREATS, true],
  ] as const) {
    // Each fixed text in a few stylings, so the few hand-written shapes weigh against the many generated ones;
    // all stylings of one text go to the same side (training or validation).
    for (const text of texts) {
      const side = random() < 0.2 ? validation : train;
      const variants = new Set([text]);
      for (let i = 1; i < FIXED_COPIES; i++) variants.add(styled(text, random));
      for (const variant of variants)
        side.push({ text: variant, threat, template: threat ? "fixed_threat" : "fixed", verb: "" });
    }
  }
  return { train, validation };
}

const FIXED_COPIES = 4;

/** Real comments are not tidy: some lower case, some shouted, some without punctuation or umlauts. */
function styled(text: string, random: () => number): string {
  const r = random();
  if (r < 0.15) return text.toLowerCase().replace(/[.,!?]/g, "");
  if (r < 0.22) return text.toUpperCase();
  if (r < 0.3) return text.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  if (r < 0.36) return text.replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
  if (r < 0.55) return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}
