// The challenge sets are frozen: written by people who had not read the rules, committed before any rule or
// model was tuned, and measured by `npm run eval`. Their hashes keep them from being edited to fit.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MECHANICAL_VARIANTS, parseChallengeSet } from "../src/text/challengeSet.js";

const DIR = path.join(import.meta.dirname, "fixtures", "challenge");
const FROZEN: Record<string, string> = {
  "threats.tsv": "28c40bfcbc2c09c4f74b54115b06f5c2d862a8604260881e99f4231e468a6e53",
  "groups.tsv": "5afa07585c55f0a1ddc8232e049a6777b02b261be6afd6241049db423877a49b",
  "threats-2.tsv": "df2207e2305866af69f7cae68e8f9e7ad849de5e9b39bc84fcb31ff1fd652a38",
  "threats-3.tsv": "30212df6bc6c0ec8841609ab07ada8d3088f20e9259f9d5a8e680647cc11bcd0",
  "robustness.tsv": "e3d91986fdd0b56ae339c1414e3d34b67750ccee2cd52457fc67a4a9a83dc82f",
};
const read = (name: string) => readFileSync(path.join(DIR, name), "utf8");

describe("the frozen challenge sets", () => {
  it.each(Object.keys(FROZEN))("%s is unchanged since it was frozen", (name) => {
    expect(createHash("sha256").update(read(name)).digest("hex")).toBe(FROZEN[name]);
  });

  it("holds threats of five constructions and hard negatives of eleven kinds, each tagged with its category", () => {
    const rows = parseChallengeSet(read("threats.tsv"), "threats.tsv");
    expect(rows.filter((r) => r.label === "THREAT").length).toBe(369);
    expect(rows.filter((r) => r.label === "NONE").length).toBe(682);
    const categories = new Set(rows.map((r) => `${r.label}:${r.category}`));
    expect(categories.size).toBe(16);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
  });

  it("holds with its second part at least 600 threats and 600 hard negatives, no text twice", () => {
    const rows = ["threats.tsv", "threats-2.tsv"].flatMap((name) => parseChallengeSet(read(name), name));
    expect(rows.filter((r) => r.label === "THREAT").length).toBe(682);
    expect(rows.filter((r) => r.label === "NONE").length).toBe(787);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
    const second = parseChallengeSet(read("threats-2.tsv"), "threats-2.tsv");
    expect(new Set(second.filter((r) => r.label === "THREAT").map((r) => r.category))).toEqual(
      new Set(["legalise_violence", "family_property", "intimidation", "veiled", "disguised", "dialect_youth"]),
    );
  });

  it("keeps the development sets (tuned on) apart from every frozen set", () => {
    const frozen = new Set(
      Object.keys(FROZEN).flatMap((name) => parseChallengeSet(read(name), name).map((r) => r.text.toLowerCase())),
    );
    for (const name of [
      "threats-dev.tsv",
      "groups-dev.tsv",
      "threats-dev-3.tsv",
      "groups-dev-2.tsv",
      "threats-dev-4.tsv",
    ]) {
      const dev = parseChallengeSet(read(name), name);
      expect(dev.length).toBeGreaterThan(0);
      expect(dev.filter((r) => frozen.has(r.text.toLowerCase()))).toEqual([]);
    }
    expect(parseChallengeSet(read("threats-3.tsv"), "threats-3.tsv").filter((r) => r.label === "THREAT").length).toBe(
      174,
    );
  });

  it("holds hate against groups of five kinds, counter-speech and neutral and positive statements about groups", () => {
    const rows = parseChallengeSet(read("groups.tsv"), "groups.tsv");
    expect(rows.filter((r) => r.label === "HATE").length).toBe(150);
    expect(rows.filter((r) => r.category === "counter_speech").length).toBe(100);
    expect(rows.filter((r) => r.label === "NONE").length).toBe(250);
    expect(new Set(rows.map((r) => `${r.label}:${r.category}`)).size).toBe(8);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
  });

  it("holds 120 sentences written by people, each in five variants: original, disguised, negated, quoted, rejected", () => {
    const rows = parseChallengeSet(read("robustness.tsv"), "robustness.tsv");
    expect(rows.length).toBe(600);
    const variants = new Map<string, Set<string>>();
    for (const row of rows) variants.set(row.concept, (variants.get(row.concept) ?? new Set()).add(row.category));
    expect(variants.size).toBe(120);
    for (const found of variants.values())
      expect(found).toEqual(new Set(["original", "disguised", "negated", "quoted", "counter"]));
    expect(rows.filter((r) => r.category === "original" && r.label === "THREAT").length).toBe(80);
    expect(rows.filter((r) => r.category === "original" && r.label === "HATE").length).toBe(40);
    expect(rows.filter((r) => ["negated", "quoted", "counter"].includes(r.category) && r.label !== "NONE")).toEqual([]);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
  });

  it("refuses a malformed line with the file and line number", () => {
    expect(() => parseChallengeSet("ein Text\tTHREAT\tintent\n", "x.tsv")).toThrow(
      "x.tsv, line 1: expected text, label, category and concept",
    );
    expect(() => parseChallengeSet("ein Text\tMAYBE\tintent\tkill\n", "x.tsv")).toThrow('unknown label "MAYBE"');
  });

  it("makes the robustness variants mechanically: digits, spaced letters, a police quotation, a rejection", () => {
    const text = "ich stech dich ab";
    expect(MECHANICAL_VARIANTS.original?.(text)).toBe(text);
    expect(MECHANICAL_VARIANTS.disguised_digits?.(text)).toBe("ich st3ch d1ch ab");
    expect(MECHANICAL_VARIANTS.disguised_spaced?.("Ich bringe den Bürgermeister um")).toBe(
      "Ich bringe den B ü r g e r m e i s t e r um",
    );
    expect(MECHANICAL_VARIANTS.quoted?.(text)).toContain(`"${text}"`);
    expect(MECHANICAL_VARIANTS.counter?.(text)).toContain(`"${text}"`);
  });
});
