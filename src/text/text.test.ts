import { describe, expect, it } from "vitest";
import { dominantAddressForm, findAddressForms } from "./addressForm.js";
import { countCharacters } from "./characterCount.js";
import { countSyllables, fleschAmstad } from "./readability.js";
import { findHashtags, findLinks, hostOfLink } from "./tokens.js";

describe("links, hashtags and mentions", () => {
  it("finds links without the punctuation that ends the sentence", () => {
    const links = findLinks("Mehr unter https://www.musterstadt.de/kita. Oder www.example.org!");
    expect(links.map((l) => l.text)).toEqual(["https://www.musterstadt.de/kita", "www.example.org"]);
    expect(hostOfLink(links[0]!.text)).toBe("musterstadt.de");
  });

  it("finds hashtags with umlauts but not anchors inside links", () => {
    const tags = findHashtags("#Müllabfuhr heute, siehe https://x.de/#abschnitt und #24hPolizei");
    expect(tags.map((t) => t.text)).toEqual(["#Müllabfuhr", "#24hPolizei"]);
  });
});

describe("counting characters as networks count", () => {
  it("counts an emoji family as one grapheme", () => {
    expect(countCharacters("Hallo 👨‍👩‍👧", { unit: "grapheme", linkLength: null })).toBe(7);
  });

  it("counts every link as 23 where the network shortens links", () => {
    const text = "Infos: https://www.musterstadt.de/ein/sehr/langer/pfad/zur/seite";
    expect(countCharacters(text, { unit: "grapheme", linkLength: 23 })).toBe(7 + 23);
    expect(countCharacters(text, { unit: "grapheme", linkLength: null })).toBe(text.length);
  });

  it("weighs emoji and CJK double on X", () => {
    expect(countCharacters("ab😀日", { unit: "weighted", linkLength: 23 })).toBe(2 + 2 + 2);
  });

  it("counts combining umlauts as one character", () => {
    expect(countCharacters("Mu\u0308ll", { unit: "grapheme", linkLength: null })).toBe(4);
  });
});

describe("form of address", () => {
  it("finds informal address with its position", () => {
    const text = "Hast du schon deinen Sperrmüll angemeldet? Wir helfen euch gern.";
    const found = findAddressForms(text);
    expect(found.map((f) => [f.text, f.form])).toEqual([
      ["du", "informal"],
      ["deinen", "informal"],
      ["euch", "informal"],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe("du");
  });

  it("finds formal address and ignores sentence-initial Sie meaning she", () => {
    expect(dominantAddressForm("Können Sie uns Ihre Adresse nennen? Wir melden uns bei Ihnen.")).toBe("formal");
    expect(findAddressForms("Die Bürgermeisterin kommt. Sie ist ab 10 Uhr da.")).toEqual([]);
    expect(findAddressForms("Sie finden alle Termine online.").map((f) => f.form)).toEqual(["formal"]);
  });

  it("treats lower-case ihr as informal only when addressing the reader", () => {
    expect(findAddressForms("Ihr seid herzlich eingeladen!").map((f) => f.form)).toEqual(["informal"]);
    expect(findAddressForms("Die Leiterin und ihr Team laden ein.")).toEqual([]);
  });

  it("returns null for text that addresses nobody", () => {
    expect(dominantAddressForm("Die Hauptstraße ist ab Montag gesperrt.")).toBeNull();
  });
});

describe("German reading ease (Amstad)", () => {
  it("counts German syllables by vowel groups", () => {
    expect(countSyllables("Straße")).toBe(2);
    expect(countSyllables("Bürgeramt")).toBe(3);
    expect(countSyllables("Einwohnermeldeamt")).toBe(6);
  });

  it("rates short plain sentences easy and nominal style hard", () => {
    const plain = fleschAmstad("Die Straße ist zu. Wir bauen neu. Bitte fahren Sie um.");
    const hard = fleschAmstad(
      "Die Inanspruchnahme der Verwaltungsdienstleistungen erfordert grundsätzlich die vorherige elektronische Terminvereinbarung über das Bürgerserviceportal der Stadtverwaltung.",
    );
    expect(plain.score).toBeGreaterThan(70);
    expect(hard.score).toBeLessThan(30);
    expect(plain.sentences).toBe(3);
  });
});
