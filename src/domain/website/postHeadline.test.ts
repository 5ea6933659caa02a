import { describe, expect, it } from "vitest";
import { splitHeadline } from "./postHeadline.js";

describe("the headline of a website post", () => {
  it("takes a short first line as the headline and the rest as the body", () => {
    expect(splitHeadline("Neue Öffnungszeiten im Bürgerbüro\n\nAb Montag öffnen wir schon um 7 Uhr.")).toEqual({
      headline: "Neue Öffnungszeiten im Bürgerbüro",
      body: "Ab Montag öffnen wir schon um 7 Uhr.",
    });
  });

  it("takes the first sentence, without its full stop, and never repeats it in the body", () => {
    expect(splitHeadline("Der neue Rathausplatz ist fertig. Ab Samstag stehen hier die Marktstände.")).toEqual({
      headline: "Der neue Rathausplatz ist fertig",
      body: "Ab Samstag stehen hier die Marktstände.",
    });
    expect(splitHeadline("Wer hilft beim Frühjahrsputz? Treffpunkt ist der Stadtpark.")).toEqual({
      headline: "Wer hilft beim Frühjahrsputz?",
      body: "Treffpunkt ist der Stadtpark.",
    });
  });

  it("does not end a sentence at an ordinal number or an abbreviation", () => {
    expect(splitHeadline("Ab dem 1. Dezember gilt z. B. der neue Fahrplan. Mehr dazu im Rathaus.").headline).toBe(
      "Ab dem 1. Dezember gilt z. B. der neue Fahrplan",
    );
  });

  it("uses the words before a colon when they name the topic", () => {
    expect(
      splitHeadline("Der Wochenmarkt zieht um: Ab dem 1. Dezember finden Sie die Stände auf dem Rathausplatz."),
    ).toEqual({
      headline: "Der Wochenmarkt zieht um",
      body: "Ab dem 1. Dezember finden Sie die Stände auf dem Rathausplatz.",
    });
    expect(splitHeadline("Achtung: Die Brücke ist gesperrt.").headline).toBe("Achtung: Die Brücke ist gesperrt");
  });

  it("shortens a first sentence too long for a heading at a word and keeps the whole text as the body", () => {
    const text = `${"Die Stadtverwaltung informiert über die umfangreichen Bauarbeiten ".repeat(4)}am Rathausplatz.`;
    const { headline, body } = splitHeadline(text);
    expect(headline.endsWith("…")).toBe(true);
    expect(headline.length).toBeLessThanOrEqual(101);
    expect(text.startsWith(headline.slice(0, -1))).toBe(true);
    expect(body).toBe(text);
  });

  it("makes a one-sentence post a headline without a body", () => {
    expect(splitHeadline("  Heute ist das Rathaus geschlossen.  ")).toEqual({
      headline: "Heute ist das Rathaus geschlossen",
      body: "",
    });
  });
});
