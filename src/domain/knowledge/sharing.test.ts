import { describe, expect, it } from "vitest";
import { ZCollectionInput, findPersonalData, nameCandidates, netiquetteAsMarkdown } from "./sharing.js";

describe("the personal data check of shared items", () => {
  it("finds e-mail addresses and phone numbers as people write them", () => {
    const text = [
      "Schreiben Sie an erika.mustermann@web.de oder an bürgeramt@musterstadt.de.",
      "Telefon 0221 / 12 34-56, mobil +49 171 2345678, aus dem Ausland 0049 30 901820.",
    ].join("\n");
    expect(findPersonalData(text)).toEqual([
      { kind: "email", text: "erika.mustermann@web.de" },
      { kind: "email", text: "bürgeramt@musterstadt.de" },
      { kind: "phone", text: "0221 / 12 34-56" },
      { kind: "phone", text: "+49 171 2345678" },
      { kind: "phone", text: "0049 30 901820" },
    ]);
  });

  it("leaves dates, times, fees, years, postcodes and reference numbers alone", () => {
    const text =
      "Am 01.02.2026 von 08:00 bis 12:00 Uhr, Gebühr 37,00 €, seit 2019, 01067 Dresden, Aktenzeichen 32-2026/117, Raum 0.12, §3 Abs. 2.";
    expect(findPersonalData(text)).toEqual([]);
  });

  it("leaves IBANs and reference numbers alone (false alarms a reviewer found), and the organisation's own addresses", () => {
    const text = [
      "Überweisen Sie an IBAN DE89 3704 0044 0532 0130 00 (BIC COBADEFFXXX) mit Kassenzeichen 0815 4711 0042.",
      "Siehe Vorlage 0123/2024 und Steuernummer 012/345/67890; Aktenzeichen: 0321-77/2026.",
      "Schreiben Sie an buergerbuero@musterstadt.de oder presse@rathaus.musterstadt.de.",
    ].join("\n");
    expect(findPersonalData(text, [], { ownDomains: ["musterstadt.de"] })).toEqual([]);
    // Someone else's address is still found, and so is a phone number beside the references.
    expect(
      findPersonalData(`${text}\nOder an erika@web.de, Telefon 0171 2345678.`, [], { ownDomains: ["musterstadt.de"] }),
    ).toEqual([
      { kind: "email", text: "erika@web.de" },
      { kind: "phone", text: "0171 2345678" },
    ]);
  });

  it("gets through a long unbroken text (no runaway backtracking)", () => {
    // Before the repetitions were bounded, 100,000 letters took 26 s and "Aa" × 50,000 39 s (past the test's limit).
    for (const text of ["a".repeat(100_000), "Aa".repeat(50_000), "@".repeat(100_000), "0".repeat(100_000)]) {
      expect(findPersonalData(text, ["erika mustermann"])).toEqual([]);
      expect(nameCandidates(text).names).toEqual([]);
    }
  });

  it("finds the names and handles of people who wrote to the organisation, not other capitalised words", () => {
    const text =
      "Wie Erika Mustermann im Bürgeramt fragte: Die Kita Sonnenschein öffnet um acht. Danke an @max_m und Herrn Jan Schulz.";
    const candidates = nameCandidates(text);
    expect(candidates.names).toContain("erika mustermann");
    expect(candidates.names).toContain("jan schulz");
    expect(candidates.names).toContain("kita sonnenschein");
    expect(candidates.handles).toEqual(["max_m"]);
    expect(findPersonalData(text, ["erika mustermann", "jan schulz", "max_m"])).toEqual([
      { kind: "name", text: "Erika Mustermann" },
      { kind: "name", text: "Jan Schulz" },
      { kind: "name", text: "@max_m" },
    ]);
    expect(findPersonalData(text, ["otto normal"])).toEqual([]);
  });

  it("finds a name after a title line and inside a longer run of capitalised words", () => {
    // Failed before: "Fragen\nWie Erika" was taken as the run, and "Mustermann" was left alone.
    const text = "Umtausch: häufige Fragen\nWie Erika Mustermann fragte: Ja. Laut Herrn Bürgermeister Jan Schulz Ja.";
    expect(nameCandidates(text).names).toEqual(expect.arrayContaining(["erika mustermann", "jan schulz"]));
    expect(findPersonalData(text, ["erika mustermann", "jan schulz"]).map((f) => f.text)).toEqual([
      "Erika Mustermann",
      "Jan Schulz",
    ]);
  });

  it("does not take the local part of an e-mail address for a handle", () => {
    expect(nameCandidates("info@musterstadt.de").handles).toEqual([]);
  });
});

describe("collections and the Netiquette as text", () => {
  it("needs receivers when the audience is chosen", () => {
    expect(ZCollectionInput.safeParse({ title: "Bürgeramt", audience: "chosen", receiverOrgIds: [] }).success).toBe(
      false,
    );
    expect(ZCollectionInput.safeParse({ title: "Bürgeramt", audience: "all" }).success).toBe(true);
  });

  it("writes the clauses out in their order", () => {
    expect(
      netiquetteAsMarkdown({
        intro: "Regeln für alle.",
        clauses: [
          { number: 2, title: "Keine Werbung", text: "Bitte keine Werbung." },
          { number: 1, title: "Respekt", text: "Bleiben Sie höflich." },
        ],
      }),
    ).toBe("Regeln für alle.\n\n## §1 Respekt\n\nBleiben Sie höflich.\n\n## §2 Keine Werbung\n\nBitte keine Werbung.");
  });
});
