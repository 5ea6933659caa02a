import { describe, expect, it } from "vitest";
import { readTextModels } from "../train/modelFiles.js";
import { createTextAnalyser } from "../textAnalyser.js";
import { counterSpeech } from "./counterSpeech.js";

const analyser = createTextAnalyser(readTextModels());

describe("counter-speech: hate mentioned to reject it", () => {
  it.each([
    ['unter dem post schreibt einer "die kanaken gehören alle abgeschoben". das ist widerlich.', 1],
    ["wer geflüchtete ratten nennt, sollte sich schämen", 1],
    ["menschen als parasiten zu bezeichnen ist menschenverachtend", 1],
    ["sprüche wie die sind doch alle schmarotzer sind einfach nur rassistisch", 1],
    ["nicht alle muslime sind terroristen, hört auf mit der hetze", 1],
    ["flüchtlinge sind keine parasiten, sondern menschen wie du und ich", 1],
  ])("cuts the mention out of %s", (text, mentions) => {
    expect(counterSpeech(text)?.mentions).toBe(mentions);
  });

  it("keeps the rejection's judgement, not the mention, as the writer's words", () => {
    const found = counterSpeech("sprüche wie die sind doch alle schmarotzer sind einfach nur rassistisch");
    expect(found?.ownWords).not.toContain("schmarotzer");
    expect(found?.ownWords).toContain("sind einfach nur");
  });

  it("takes words somebody else wrote for a mention even without a word of rejection, unless the writer agrees", () => {
    const reported = counterSpeech(
      'ihr schreibt "die gehören alle ins lager" und meint meine familie. ich bin hier geboren',
    );
    expect(reported).not.toBeNull();
    expect(reported?.ownWords).not.toContain("lager");
    expect(counterSpeech('man liest hier "die gehören alle ins lager", muss man ja mal sagen')).toBeNull();
    expect(counterSpeech('ihr schreibt "die gehören alle ins lager" 👍')).toBeNull();
  });

  it.each([
    ['der nachbar sagt "die sind alle schmarotzer" und er hat recht'],
    ['diese "fachkräfte" sind alle messermänner'],
    ["die sind alle schmarotzer und gehören raus"],
  ])("finds none where the quotation is endorsed, a scare quote or not there: %s", (text) => {
    expect(counterSpeech(text)).toBeNull();
  });
});

describe("the analyser and counter-speech", () => {
  it("does not hold a citizen who quotes hate to reject it, and says why", () => {
    const text =
      'Unter dem Post schreibt einer "Die Kanaken gehören alle abgeschoben". Das ist widerlich und gehört gemeldet.';
    const result = analyser.analyse(text);
    expect(result.flagged).toBe(false);
    expect(result.reasons).toContain("counter_speech");
    // The same words without the rejection are held.
    expect(analyser.analyse("Die Kanaken gehören alle abgeschoben").flagged).toBe(true);
  });

  it("does not hold the frame of a rejected mention for its tone, only for a swear word of the writer's own", () => {
    const rejected = '"Kanaken raus" schreiben und dann beim Türken seinen Döner holen, Heuchelei pur';
    expect(analyser.analyse(rejected).flagged).toBe(false);
    expect(analyser.analyse(`${rejected}, verdammte Scheiße`).flagged).toBe(true);
  });

  it("still holds an insult of the writer's own next to the quotation", () => {
    const result = analyser.analyse('Du Idiot, "Ausländer raus" schreiben und dann heulen, schäm dich');
    expect(result.flagged).toBe(true);
  });

  it("still holds hate that quotes someone to agree", () => {
    expect(analyser.analyse('Der Nachbar sagt "die sind alle Schmarotzer" und er hat recht.').flagged).toBe(true);
    for (const text of [
      'Da kann man nur sagen "die Kanaken gehören alle ins Lager"',
      'Wie man so schön sagt: "Kanaken gehören alle ins Lager"',
      'Er sagt "Kanaken gehören alle ins Lager". Genau meine Meinung!',
      'Er sagt "Kanaken gehören alle ins Lager", und er hat absolut Recht',
    ])
      expect(analyser.analyse(text).flagged, text).toBe(true);
  });

  it("does not hold an insult that stands only inside the rejected mention, aimed at a group or not", () => {
    // "Zecken" names no group the cues know: the mention is still somebody else's word.
    const rejected = 'Wer die Jugendlichen vom Jugendzentrum "Zecken" nennt, hat nichts verstanden';
    expect(analyser.analyse(rejected).flagged).toBe(false);
    expect(analyser.analyse('Wer die Jugendlichen vom Jugendzentrum "Zecken" nennt, ist ein Idiot').flagged).toBe(true);
    expect(analyser.analyse("Die Jugendlichen vom Jugendzentrum sind Zecken").flagged).toBe(true);
  });

  it("still holds an insult put in quotation marks as the writer's own predicate, of a person or a group", () => {
    for (const text of [
      'Der Bürgermeister ist "ein korruptes Schwein", traurig aber wahr',
      'Frau Müller ist "eine dumme Kuh", echt peinlich',
      'Die Flüchtlinge sind "dreckige Parasiten", traurig aber wahr',
      '"Korruptes Schwein" passt zum Bürgermeister, traurig aber wahr',
    ])
      expect(analyser.analyse(text).flagged, text).toBe(true);
    // Said to be somebody's words, the same quotation is a mention.
    expect(analyser.analyse('Er sagt, Flüchtlinge sind "dreckige Parasiten". Widerlich.').flagged).toBe(false);
  });

  it("takes a quotation answered with an own experience, a contrast or a question for somebody else's words", () => {
    for (const text of [
      '"Die Syrer nehmen uns alles weg" – meine Nachbarin kommt aus Aleppo und pflegt seit Jahren meine Oma.',
      '"Polen klauen alle" posten und dann die polnische Pflegekraft für die eigene Mutter bezahlen 🙄',
      '"Muslime gehören nicht zu uns"? Wer hat denn im Krankenhaus deinen Vater operiert?',
    ])
      expect(analyser.analyse(text).flagged, text).toBe(false);
  });

  it("still holds a quotation the writer takes up, agrees with or merely follows with words", () => {
    for (const text of [
      '"Alle Flüchtlinge sind Ratten" – ihr wisst es doch alle, Leute',
      '"Ausländer raus" ist hart, aber wahr, liebe Leute',
      'Ich sag nur: "Die Kanaken gehören alle ins Lager", mein Nachbar sieht das auch so',
    ])
      expect(analyser.analyse(text).flagged, text).toBe(true);
  });

  it("still holds the writer's own 'dumm' next to a quotation", () => {
    expect(analyser.analyse('Du bist so dumm, "Ausländer raus" schreiben und dann heulen').flagged).toBe(true);
  });
});

describe("the analyser and thanks to a group", () => {
  it("does not hold thanks that name a group, and says why", () => {
    for (const text of [
      "Danke an alle Ehrenamtlichen in der Flüchtlingshilfe, ihr seid großartig! ❤️",
      "Danke an die Flüchtlinge aus der Turnhalle, die beim Hochwasser Sandsäcke geschleppt haben",
    ]) {
      const result = analyser.analyse(text);
      expect(result.flagged, text).toBe(false);
      expect(result.reasons, text).toContain("group_praise");
    }
  });

  it("still holds thanks said in irony or next to contempt", () => {
    for (const text of [
      // The same thanks with rolled eyes are not taken at their word.
      "Danke an die Flüchtlinge aus der Turnhalle, die beim Hochwasser Sandsäcke geschleppt haben 🙄",
      'Danke an unsere "Fachkräfte" aus der Turnhalle, die Ratten',
      "Danke Merkel, jetzt haben wir die Asylanten am Hals",
      // Thanks for something hateful ("dass …") or next to violence are not taken at their word.
      "Danke an die Juden, dass sie die Medien und die Banken kontrollieren.",
      "Danke an alle Muslime, dass ihr unsere Töchter vergewaltigt.",
      "Großes Lob an die Stadt, dass die Asylbewerber endlich verschwinden.",
    ])
      expect(analyser.analyse(text).flagged, text).toBe(true);
  });
});
