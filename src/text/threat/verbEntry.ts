// One entry of the violence verb table (violenceVerbs.ts): the verb's German forms, with the object slot {O}
// (accusative) or {D} (dative) where the target goes.
export interface VerbEntry {
  id: string;
  concept: string;
  /** Infinitive phrase: "{O} umbringen". */
  inf: string;
  /** First person present, verb first: "bring {O} um". */
  p1: string;
  /** Participle phrase (passive / "gehört …"): "umgebracht". */
  part: string;
  /** zu-infinitive phrase: "{O} umzubringen". */
  zu: string;
  /** Imperative plural: "bringt {O} um". */
  imp: string;
  /** People, buildings/vehicles, or both. */
  on: "person" | "thing" | "both";
}

/** An entry; verbs act on people unless said otherwise. */
export const verb = (
  id: string,
  concept: string,
  inf: string,
  p1: string,
  part: string,
  zu: string,
  imp: string,
  on: VerbEntry["on"] = "person",
): VerbEntry => ({ id, concept, inf, p1, part, zu, imp, on });
