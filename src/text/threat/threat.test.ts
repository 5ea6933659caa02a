import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CUE, cueBitsOfText } from "../cueWords.js";
import { MASKABLE_WORDS } from "../lexicon.js";
import { normaliseText } from "../normalise.js";
import { readTextModels } from "../train/modelFiles.js";
import { detectThreat } from "./threat.js";
import { threatFeatures } from "./threatFeatures.js";
import { createThreatScorer } from "./threatModel.js";
import { compiledConstructions, compiledContexts, compiledTargets } from "./threatCues.js";
import { CONCEPT_PATTERNS, violenceConcepts, withoutZuInfix } from "./violenceLexicon.js";
import { VERBS } from "./violenceVerbs.js";

const scorer = createThreatScorer(readTextModels().threat);
const threat = (text: string, offense = 0) =>
  detectThreat(normaliseText(text, { vocabulary: MASKABLE_WORDS }), { offense }, scorer);
const score = (text: string) => threat(text).score;
/** The violence concepts the threat features name for a text, whatever the sentence's mode (negated, in a topic, …). */
const conceptsIn = (text: string) =>
  threatFeatures(normaliseText(text, { vocabulary: MASKABLE_WORDS }))
    .names.filter((name) => /(?:^|:)c:/.test(name))
    .map((name) => name.slice(name.lastIndexOf("c:") + 2));

describe("the violence lexicon", () => {
  it("finds separable verbs with the object between their parts, and their joined forms", () => {
    for (const [text, concept] of [
      ["ich stech dich morgen früh ab", "kill"],
      ["den knall ich ab", "kill"],
      ["wir schlagen euch alle tot", "kill"],
      ["abgestochen gehört der", "kill"],
      ["ich zünde euer rathaus an", "arson"],
      ["die bude wird abgefackelt", "arson"],
      ["ich schlag dir die zähne ein", "injure"],
      ["jagt das amt in die luft", "explosive"],
    ] as const)
      expect(
        violenceConcepts(normaliseText(text).folded).map((c) => c.concept),
        text,
      ).toContain(concept);
  });

  it("reaches every concept through the word gate: dialect, youth and colloquial forms, body parts, veiled killing", () => {
    for (const [text, concept] of [
      ["i hau di zam", "injure"],
      ["dir kleb ich gleich eine", "injure"],
      ["ich brech dir alle knochen", "injure"],
      ["dem bauamtsleiter die beine brechen", "injure"],
      ["isch hab den gemessert", "kill"],
      ["du landest im krankenhaus", "injure"],
      ["ich tu dir richtig weh", "injure"],
      ["i derschlag di", "kill"],
      ["ich stech dich ab 🔪", "kill"],
      ["den überfahr ich mit dem auto", "kill"],
      ["die gehören vergiftet", "kill"],
      ["kopfgeld auf den richter", "kill"],
      ["ich schneid dir die kehle auf", "injure"],
      ["ich kipp dir säure ins gesicht", "injure"],
      ["die flüchtlingsunterkunft sollte man ausräuchern", "arson"],
      ["wir werfen eure scheiben mit steinen ein", "property"],
      ["dem sollte man die nägel einzeln ausreißen", "torture"],
      ["den sollte man kastrieren", "torture"],
      ["dynamit unter dein auto", "explosive"],
      ["ich komm mit dem benzinkanister", "weapon"],
      ["hoffentlich kriegt er nen herzinfakt", "harm_wish"],
      ["den vom bauamt, den daschlog i", "kill"],
      ["ik slaa di dood", "kill"],
      ["dann gibt's blut, bruder", "injure"],
      ["ditt rathaus jagen wa inne luft", "explosive"],
      ["wenn die nochmal klingeln, gibt's schüsse", "weapon"],
    ] as const) {
      const found = threatFeatures(normaliseText(text));
      expect(found.names, text).toContain(`c:${concept}`);
    }
  });

  it("finds weapons in the plural, a vehicle driven into people, hunting licences for people, and what the gate let slip", () => {
    for (const [text, concept] of [
      ["morgen kommen wir mit knüppeln", "weapon"],
      ["schlagringe mitbringen", "weapon"],
      ["ich komm mit was scharfem vorbei", "weapon"],
      ["nochmal so eine razzia und ich schieß zurück", "weapon"],
      ["ich brettere mit meinem transporter durch euren weihnachtsmarkt", "kill"],
      ["jagdscheine für politiker", "kill"],
      ["dem hund dreh ich den hals um", "kill"],
      ["wer das genehmigt, der wird hängen", "kill"],
      ["ich mach dich kalt petzold", "kill"],
      ["ich schneid dich in streifen", "injure"],
      ["dann gibts kleinholz", "injure"],
      ["ich brech dir jeden einzelnen finger", "injure"],
      ["ey leute macht den fertig", "injure"],
      ["ich stech deiner frau die augen aus", "torture"],
      ["dein auto ist bald nur noch ein haufen asche", "arson"],
      ["jemand sollte seinen dienstwagen anstecken", "arson"],
      ["die moschee gehört abgerissen", "property"],
    ] as const) {
      // The concept, whatever the sentence's mode ("jagd" also opens the context of hunting as a sport).
      expect(conceptsIn(text), text).toContain(concept);
    }
  });

  it("opens the word gate wherever a pattern of the lexicon matches: idioms that were written but never read", () => {
    // Each of these matched a concept's pattern while the gate kept its sentence from being read (a lexicographer's
    // list of German violence words and idioms, checked against the lexicon on 2026-12-06).
    for (const [text, concept] of [
      ["ab in die gaskammer mit denen", "kill"],
      ["die gehören alle ins gas", "kill"],
      ["ich knüpf dich auf", "kill"],
      ["wir legen euch um", "kill"],
      ["ich puste dich weg", "kill"],
      ["dich sollte man kaltstellen", "kill"],
      ["dir hau ich eine rein", "injure"],
      ["den hau ich um", "injure"],
      ["ich werd dich zusammenfalten", "injure"],
      ["den prügle ich windelweich", "injure"],
      ["ich werd dich ausknocken", "injure"],
      ["soll er doch abkratzen", "death"],
      ["die sollen verenden", "death"],
      ["ich werd ihn häuten", "torture"],
      ["ich werd die bude auseinandernehmen", "injure"],
      ["brandsätze für das heim", "weapon"],
    ] as const) {
      expect(conceptsIn(text), text).toContain(concept);
    }
  });

  it("writes every pattern as the folded text spells it: a word with ä, ö, ü or ß in a pattern never matches", () => {
    // "ümbringen", "über den Jordan", "grün und blau", "Gräten", "Tränengas", "Ungläubige", "Hütte" stood in the
    // patterns with their umlauts and so matched nothing: the text they are tried on is folded ("ue", "ae", "ss").
    const patterns = [...CONCEPT_PATTERNS, ...compiledConstructions, ...compiledTargets, ...compiledContexts];
    for (const [name, pattern] of patterns) expect(pattern.source, name).not.toMatch(/[äöüß]/);
    for (const [text, concept] of [
      ["ik wull di uembringen", "kill"],
      ["den schick ich über den jordan", "kill"],
      ["ich hau dich grün und blau", "injure"],
      ["ich brech dir alle gräten", "injure"],
    ] as const)
      expect(conceptsIn(text), text).toContain(concept);
  });

  it("opens the word gate for every form and idiom of a lexicographer's list that a lexicon pattern matches", () => {
    // Where the gate stays shut, the pattern is never tried: a written rule that never fires. The exceptions need a
    // word too common to open the gate for ("alle", "eine", "welt", "ohren", "setzt") or one that is mostly harmless
    // ("Stichwort" keeps "stich…" out, "Vorschlag" keeps "…schlag…" out; see the second group).
    const known = new Set([
      "ick mach dir alle",
      "ich mach dich alle",
      "eins auf den deckel",
      "eins auf die schnuess",
      "eine hinter die ohren",
      "ein paar hinter die ohren",
      "eine verpassen",
      "gleich setzt es was",
      "gruen und blau",
      "das fell ueber die ohren ziehen",
      "alles kurz und klein",
      "die welt waere besser ohne dich",
      "die welt ist besser ohne dich",
      "stichwaffe",
      "stichwaffen",
      "vorschlaghammer",
      "pfefferspray",
      "arsen",
      // Harmless far more often than not: garden work, pest control, a number, "to prepare" in Bavarian, Kita reports.
      "kettensaege",
      "rattengift",
      "rattengift ins essen",
      "eins auf die zwoelf",
      "auf die zwoelf",
      "ich richte dich hin",
      "ich richte euch hin",
      "ich richte euch alle hin",
      "sexuell noetigen",
    ]);
    const lexicon = path.join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "lexicon");
    const entries = ["violence-forms.tsv", "violence-idioms.tsv"].flatMap((file) =>
      readFileSync(path.join(lexicon, file), "utf8")
        .split("\n")
        .filter((line) => line.includes("\t") && !line.startsWith("#") && !line.startsWith("concept\t"))
        .map((line) => line.split("\t")[1] as string),
    );
    expect(entries.length).toBeGreaterThan(6000);
    const shut: string[] = [];
    const stillShut = new Set<string>();
    let matched = 0;
    for (const entry of entries) {
      const folded = withoutZuInfix(normaliseText(entry).folded);
      if (violenceConcepts(folded).length === 0) continue;
      matched++;
      if ((cueBitsOfText(folded) & CUE.violence) !== 0) continue;
      if (known.has(entry)) stillShut.add(entry);
      else shut.push(entry);
    }
    expect(shut).toEqual([]);
    // The exceptions are real: each is in the lists, matched and shut (one that opens must leave the list).
    expect([...known].filter((entry) => !stillShut.has(entry))).toEqual([]);
    expect(matched).toBeGreaterThan(3300);
  });

  it("knows idioms of killing, beating, sexual violence, torture, arson and death wishes", () => {
    for (const [text, concept] of [
      ["ich schick dich in die ewigen jagdgründe", "kill"],
      ["dem blas ich das lebenslicht aus", "kill"],
      ["bald siehst du die radieschen von unten", "kill"],
      ["den pumpen wir mit blei voll", "kill"],
      ["die tragen dich mit den füßen voran raus", "kill"],
      ["ich geb dir eine hinter die löffel", "injure"],
      ["dem hau ich die hucke voll", "injure"],
      ["ich prügel dir die scheiße aus dem leib", "injure"],
      ["den schlag ich zu brei", "injure"],
      ["die schlag ich zu brei und dann ist ruhe", "injure"],
      ["wenn ich dich in die finger kriege", "injure"],
      ["mit teer und federn aus der stadt", "torture"],
      ["zeit für ein neues lichtenhagen", "arson"],
      ["eine handgranate durchs fenster", "explosive"],
      ["ich lockere die radmuttern an seinem dienstwagen", "property"],
      ["fahr zur hölle", "death"],
      ["kratz doch endlich ab", "death"],
      ["dir soll die hand abfaulen", "harm_wish"],
    ] as const) {
      expect(conceptsIn(text), text).toContain(concept);
    }
  });

  it("takes none of the new words and idioms for violence where they mean something harmless", () => {
    // A stranger's review of the lexicon's growth (2026-12-06) found the first 22 read as threats (≥ 0.5, 0 before the
    // growth); "Der Bäcker um die Ecke" was read so before it; the last six are harmless senses of words it added.
    for (const text of [
      "Am Heiligabend kommt der Weihnachtsmann durch den Schornstein.",
      "Der Schornsteinfeger kommt morgen, der Ruß muss durch den Schornstein.",
      "Die Lichterkette kommt an den höchsten Baum am Marktplatz.",
      "In Mathe haben wir gerade Brüche durchgenommen.",
      "Die Kita hat ein Schutzkonzept gegen sexuelle Gewalt erarbeitet.",
      "Die Kinder haben in der Kita eine Zwille gebastelt.",
      "Wir haben uns in der Kita die Holzkiste für die Bauklötze gewünscht, hoffentlich klappt das.",
      "Die Stadt will uns mit den Abfallgebühren das Fell über die Ohren ziehen.",
      "Zum Sturm aufs Rathaus kommen jedes Jahr hunderte Jecken, wir freuen uns auf euch!",
      "Der Maler bringt neue Farbe an die Fassade vom Rathaus.",
      "Wir freuen uns auf die zwölf neuen Bäume in der Allee.",
      "Der Bürgermeister sollte endlich seinen Abgang machen.",
      "Bei der Kommunalwahl werden wir der Stadtregierung einen Denkzettel verpassen.",
      "Hoffentlich erwischt sie den letzten Bus noch.",
      "Hoffentlich trifft es diesmal nicht wieder die Falschen.",
      "Ich hoffe sie leiden nicht zu sehr unter dem Baulärm.",
      "Ich hoffe ihr leidet nicht zu sehr unter der Hitze im Büro.",
      "Wenn ich den Schlüssel in die Finger kriege, schließe ich auf.",
      "Ich richte dir das Essen hin, komm bald.",
      "Das Marterl am Feldweg wurde frisch restauriert.",
      "Die Wiese wurde beim Stadtfest ganz schön malträtiert.",
      "Die Müllwerker müssen sich den Arsch aufreißen für wenig Geld.",
      "Der Bäcker um die Ecke bringt jetzt auch Brötchen.",
      "Das Laub verrottet im Kompost.",
      "Die Bäume verdursten bei der Hitze.",
      "Der Feuerlöscher muss vor dem Einsatz entsichert werden.",
      "Zu Silvester werden wieder Raketen abgefeuert.",
      "Die Radmuttern müssen nach 50 Kilometern nachgezogen werden.",
      "Wir machen auch Hausbesuche für ältere Bürgerinnen und Bürger.",
    ])
      expect(threat(text).score, text).toBeLessThan(0.5);
  });

  it("finds idioms of violence with the verb second and the particle at the end", () => {
    for (const text of [
      "Ich gerb dir das Fell, du Wicht.",
      "Ich verpasse dir ein blaues Auge, Bürgermeister.",
      "Wir nehmen deine Praxis auseinander.",
      "Ich mach dich zu Brei.",
      "Ich nagel dich ans Kreuz.",
      "Das zahl ich dir heim, verlass dich drauf.",
      "Wir statten dir bald einen Hausbesuch ab.",
      "Ich lockere die Radmuttern an deinem Dienstwagen.",
      "Fahr zur Hölle, du Verräter.",
      "Kratz doch endlich ab, du Sozialschmarotzer.",
      "Spring doch vor den Zug, du Versager.",
      "Ich prügel dir die Scheiße aus dem Leib.",
    ])
      expect(threat(text).score, text).toBeGreaterThanOrEqual(0.5);
  });

  it("finds no violence in everyday work, knitting or a council's rebuke", () => {
    for (const text of [
      "Wir machen den Antrag fertig und schicken ihn ab.",
      "Ich mach die Steuererklärung fertig heute.",
      "Der Stadtrat hat dem Projekt eine verpasst, zu Recht.",
      "Meine Oma will im Winter wieder stricken.",
    ])
      expect(threat(text).score, text).toBe(0);
  });

  it("knows every form of its own verb table, zu-infinitives of separable verbs included", () => {
    // Known gaps, named: "richte ihn hin" (the gate would need "richte", too common a word, and Bavarian for "to
    // prepare"), "eine geklebt" (the gate would need "eine").
    const gaps = new Set(["hinrichten.p1", "hinrichten.imp", "eine_kleben.part"]);
    const missed: string[] = [];
    for (const verb of VERBS)
      for (const form of ["inf", "p1", "part", "zu", "imp"] as const) {
        const text = `ich werde ${verb[form].replace("{O}", verb.on === "thing" ? "das rathaus" : "ihn").replace("{D}", "ihm")}`;
        const found = threatFeatures(normaliseText(text, { vocabulary: MASKABLE_WORDS })).names;
        if (!found.some((name) => name.startsWith("c:")) && !gaps.has(`${verb.id}.${form}`)) missed.push(text);
      }
    expect(missed).toEqual([]);
    expect(violenceConcepts(withoutZuInfix("ich werde das haus anzuenden")).map((c) => c.concept)).toContain("arson");
    expect(violenceConcepts(withoutZuInfix("um ihn umzubringen")).map((c) => c.concept)).toContain("kill");
  });

  it("does not take 'ohne Strafe' for a negation, a sum of money for a year or a police rank for fiction", () => {
    const unpunished = threatFeatures(normaliseText("die sollten ohne strafe totgeschlagen werden dürfen"));
    expect(unpunished.names).toContain("c:kill");
    expect(unpunished.names).not.toContain("negated");
    expect(threatFeatures(normaliseText("ich zahl 1000 euro für den, der ihn umhaut")).contexts).not.toContain(
      "history",
    );
    expect(threatFeatures(normaliseText("1938 wurde die synagoge angezündet")).contexts).toContain("history");
    const rank = threatFeatures(normaliseText("hoffe die kommissarin kriegt ein messer zwischen die rippen"));
    expect(rank.contexts).not.toContain("fiction");
  });

  it("does not take 'kriegen' (to get) for the war or 'Punkt' for sports", () => {
    const found = threatFeatures(normaliseText("wer ihn umhaut kriegt von mir nen kasten bier, punkt"));
    expect(found.contexts).not.toContain("history");
    expect(found.contexts).not.toContain("sports");
  });

  it("reads words typed without umlauts and does not take 'heute' for 'häuten' or 'um 8' for 'umbringen'", () => {
    expect(violenceConcepts("ich werde dich toeten").map((c) => c.concept)).toContain("kill");
    expect(violenceConcepts("ich werde dich toten und quaelen").map((c) => c.concept)).toContain("torture");
    expect(violenceConcepts("heute bringe ich die kinder um 8 zur schule")).toEqual([]);
    // "Schande" and the Bavarian "Schandi" (police) are not "schänden".
    expect(violenceConcepts("eine schande, sagt der schandarm").map((c) => c.concept)).not.toContain("sexual");
  });
});

describe("the threat detector: constructions", () => {
  it.each([
    ["first-person intent, present", "Ich bring dich um"],
    ["first-person intent, fronted time", "Morgen stech ich dich ab"],
    ["first-person intent with werden", "Ich werde den Bürgermeister erschießen"],
    ["announcement with a weapon", "Ich komme morgen mit einem Messer ins Rathaus"],
    ["call to others", "Den Bürgermeister sollte man aufhängen"],
    ["should / must", "Die gehören alle erschossen!!!"],
    ["death wish", "Hoffentlich verreckt der Typ"],
    ["conditional threat", "Wenn ihr meinen Antrag ablehnt, dann zünde ich euer Büro an"],
    ["demand to allow violence", "Die sollte man zum Abschuss freigeben"],
    ["intimidation", "Wir wissen, wo du wohnst."],
    ["intimidation by watching", "wir haben dein Nummernschild, bis bald"],
    ["intimidation by announcing a wait", "Wir warten nach der Sitzung draußen auf euch. Alle."],
    ["a veiled threat against property", "Es wäre schade, wenn Ihrem Auto etwas zustößt"],
    ["a demand to allow violence", "Kopfgeld auf den Bürgermeister, 5000 Euro von mir"],
    ["threat against property", "ich fackel dein Auto ab"],
    ["a death foretold", "Der Herr Landrat wird den nächsten Winter nicht mehr erleben"],
    ["remembering a face", "Ich merke mir Ihr Gesicht, Frau Kämmerin"],
    ["a zu-infinitive of a separable verb", "Ich hab vor, den Hausmeister kaltzumachen"],
    ["a masked word of violence", "Die Kämmerin gehört abgest*chen"],
    ["a call to anyone at all ('irgendein' is no report)", "Irgendein Held da draußen, stecht diesen Bürgermeister ab"],
    ["a separable verb before the addressee's name", "Ich mach dich kalt Petzold"],
    ["a vehicle driven into people", "Ich brettere mit meinem Transporter durch euren Weihnachtsmarkt"],
  ])("catches %s: %s", (_kind, text) => {
    expect(score(text)).toBeGreaterThanOrEqual(0.5);
  });

  it("names the violence concept, the construction and the target", () => {
    const result = threat("Ich komme morgen mit einem Messer ins Rathaus");
    expect(result.reasons).toContain("threat_why:weapon:first_person:building");
    expect(result.kind).toBe("violence");
    expect(threat("Den Bürgermeister sollte man aufhängen").kind).toBe("call_to_violence");
    expect(threat("Wir wissen, wo du wohnst.").kind).toBe("intimidation");
  });
});

describe("the threat detector: hard negatives", () => {
  it.each([
    ["negation", "Ich würde niemals jemanden umbringen"],
    ["idiom about oneself", "Der Baulärm bringt mich noch um"],
    ["report of someone else's words", "Er hat gedroht, mich umzubringen. Ich habe Anzeige erstattet."],
    ["counter-speech", "Wer schreibt, man sollte den Bürgermeister aufhängen, gehört angezeigt"],
    ["fiction", "Im Tatort gestern wurde der Kommissar erschossen"],
    ["cooking", "Zuerst die Zwiebeln klein hacken und das Fleisch scharf anbraten"],
    ["sports", "Wir haben die Gegner heute mit 5:0 abgeschossen"],
    ["civic notice", "Bombenentschärfung in der Altstadt, wann ist die Sperrung vorbei?"],
    ["an angry complaint without violence", "Ich komme morgen ins Rathaus und beschwere mich persönlich"],
    ["a regret that is no threat", "Wäre schade, wenn das Stadtfest ausfällt"],
    ["a lawful visit", "Wir kommen morgen mit der ganzen Klasse zu Ihnen ins Rathaus, bis Montag"],
    ["opening hours", "Das Hallenbad hat nicht mehr lange offen, nur noch bis Sonntag"],
    ["a kind warning", "Seid vorsichtig, die Straßen sind heute früh glatt"],
  ])("leaves %s alone: %s", (_kind, text) => {
    expect(score(text)).toBeLessThan(0.5);
  });

  it("gives nothing at all to a text without violence or intimidation, without running the model", () => {
    const result = threat("Wann hat das Bürgeramt am Samstag geöffnet?");
    expect(result).toMatchObject({ score: 0, kind: null, matches: [], reasons: [] });
    expect(threatFeatures(normaliseText("wann hat das buergeramt am samstag geoeffnet?")).names).toEqual([]);
  });
});
