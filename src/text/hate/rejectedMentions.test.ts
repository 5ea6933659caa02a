import { describe, expect, it } from "vitest";
import { readTextModels } from "../train/modelFiles.js";
import { createTextAnalyser } from "../textAnalyser.js";
import { rejectedMentions } from "./rejectedMentions.js";

const analyser = createTextAnalyser(readTextModels());

describe("mentions that reject themselves", () => {
  it.each([
    ["denial", "bürgergeldempfänger sind keine schmarotzer. meine mutter hat 40 jahre gearbeitet", "schmarotzer"],
    ["denial in dialect", "de ausländer san ned kriminell, de arbeitn mehr ois du", "kriminell"],
    ["nobody", "niemand da draußen ist abschaum, manche haben einfach pech gehabt", "abschaum"],
    ["not all", "nicht alle afghanen sind gewalttätig", "gewalttätig"],
    ["not … but", "sinti und roma sind keine diebe, sondern nachbarn", "diebe"],
    ["request", "bitte nicht spasti oder krüppel schreiben, hier lesen eltern mit", "spasti"],
    ["stop it", "hört endlich auf, obdachlose als pack zu bezeichnen", "pack"],
    ["echo question", "frauen gehören an den herd?? sagt einer, der kein ei kochen kann", "herd"],
    ["echo answered no", "schwule lehrer gefährden kinder? nein. missbrauch passiert in der familie", "gefährden"],
    ["called false", "so ein käse, dass die polen alle besoffen fahren", "besoffen"],
    ["false, after", "dass flüchtlinge alle kriminell sein sollen, ist einfach unsinn", "kriminell"],
    ["word as word", "schwuchtel ist kein wort, das man einfach so raushaut", "schwuchtel"],
    ["postposed", "frauen sind zu dumm für politik, schreibt er, und schreibt stadtrad", "dumm"],
    ["sarcasm", "sarkasmus an: die flüchtlinge sind schuld am regen. sarkasmus aus.", "schuld"],
  ])("cuts the %s out: %s", (_kind, text, word) => {
    const found = rejectedMentions(text);
    expect(found.rejected + found.attributed).toBeGreaterThan(0);
    expect(found.rest).not.toContain(word);
  });

  it.each([
    ["a denial of humanity", "das sind keine menschen, das sind tiere", "keine menschen"],
    ["a denial of something good", "muslime sind nicht integrierbar", "integrierbar"],
    ["a comparison", "die sind nicht besser als ratten", "ratten"],
    ["'not only'", "die sind nicht nur faul, sondern auch kriminell", "nur faul"],
    ["a question of the writer's own", "warum sind die kanaken überhaupt hier?? raus mit denen", "kanaken"],
    ["an echo answered yes", "flüchtlinge sind schmarotzer?? ja natürlich, alle", "schmarotzer"],
    ["a welcome echoed and doubted", "flüchtlinge sind hier willkommen?? ich glaub eher nicht", "willkommen"],
    ["a person, not a word, called antisemitic", "nachbar ist antisemitisch", "nachbar"],
    ["a statement called no prejudice", "es ist kein vorurteil, dass zigeuner klauen", "klauen"],
    ["a statement called no nonsense", "dass flüchtlinge kriminell sind, ist kein unsinn", "kriminell"],
    ["a denial of a reason", "ausländer sind nicht ohne grund kriminell", "kriminell"],
    ["a denial of innocence", "die juden sind nicht schuldlos an ihrem schicksal", "schuldlos"],
    ["'no wonder'", "ist doch kein wunder dass ausländer so kriminell sind", "kriminell"],
    ["a denial taken back", "nicht jeder flüchtling ist ein vergewaltiger – die meisten schon", "vergewaltiger"],
    ["an attribution to statistics", "flüchtlinge sind alle kriminell, sagt die statistik", "kriminell"],
    ["an insult as the object of a request", "hört auf, diese ratten flüchtlinge zu nennen", "ratten"],
    ["a slur inside a request", "bitte keine kanaken mehr in unsere stadt, das muss man mal sagen", "kanaken"],
    ["a slur called an insult to others", "schwuchteln sind eine beleidigung für jeden normalen mann", "schwuchteln"],
  ])("cuts nothing hateful out of %s: %s", (_kind, text, kept) => {
    expect(rejectedMentions(text).rest).toContain(kept);
  });
});

describe("the analyser and mentions that reject themselves", () => {
  it("does not hold a citizen's denial of a prejudice, and says why", () => {
    for (const text of [
      "Bürgergeldempfänger sind keine Schmarotzer. Meine Mutter hat 40 Jahre gearbeitet und ist jetzt krank.",
      "Behinderte Menschen sind keine Last, sie gehören ganz normal zu unserer Gesellschaft.",
      "Ich war selbst zwei Jahre auf der Straße. Niemand da draußen ist Abschaum.",
    ]) {
      const result = analyser.analyse(text);
      expect(result.flagged, text).toBe(false);
      expect(result.reasons, text).toContain("counter_speech");
    }
  });

  it("still holds the hate next to a denial, and hate in the form of a denial", () => {
    for (const text of [
      "Das sind keine Flüchtlinge, das sind Schmarotzer und Kanaken",
      "Die sind nicht kriminell, die sind einfach nur Abschaum",
      "Das sind keine Menschen, das sind Ratten",
      "Flüchtlinge sind Schmarotzer?? Ja natürlich, alle. Raus mit denen",
    ])
      expect(analyser.analyse(text).flagged, text).toBe(true);
  });

  it("does not hold words given to somebody else or called false", () => {
    for (const text of [
      "Frauen sind zu dumm für Politik, schreibt er, und schreibt Stadtrad statt Stadtrat",
      "Des is doch a Schmarrn, dass die Türken alle laut und asozial san. Mei Schwiegersohn is Türk.",
      "Du schreibst, Türken bescheißen alle beim Autokauf. Ich hab meinen Wagen bei Herrn Yilmaz gekauft.",
    ])
      expect(analyser.analyse(text).flagged, text).toBe(false);
    // Taken up as the writer's own, the same words are held.
    expect(analyser.analyse("Du sagst es, die Kanaken bescheißen alle beim Autokauf").flagged).toBe(true);
  });
});

describe("the analyser and hate dressed as counter-speech (a stranger's review)", () => {
  it.each([
    "Es ist kein Märchen, dass Flüchtlinge kriminell sind.",
    "Ist es nicht wahr, dass Juden die Medien kontrollieren?",
    "Es ist kein Geheimnis dass Zigeuner Diebe sind.",
    "Ausländer sind nicht selten kriminell und gewalttätig.",
    "Nicht alle Ausländer sind kriminell, aber fast alle.",
    "Du bist nicht dumm, du bist einfach nur hässlich und widerlich.",
    "Flüchtlinge sind Parasiten?? 😡😡",
    "Ausländer sind Ratten?! Ganz genau so ist es.",
    "Ausländer sind alle kriminell?? Auf jeden Fall!",
    "Frauen gehören an den Herd?? Wo denn sonst.",
    "Flüchtlinge sind Parasiten? Meine Meinung.",
    "Ausländer sind Schmarotzer, sagt der gesunde Menschenverstand.",
    "Flüchtlinge sind Parasiten, schreibt er. Stimmt.",
    "Sag noch mal so einen Scheiß, du Kanake, und ich melde dich.",
    "„Flüchtlinge sind Parasiten“ – mein Nachbar ist das beste Beispiel dafür.",
    "„Die Kanaken gehören alle abgeschoben“ – und zwar sofort, oder?",
  ])("still holds %s", (text) => {
    expect(analyser.analyse(text).flagged).toBe(true);
  });
});
