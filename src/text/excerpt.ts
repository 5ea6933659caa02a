// A short preview of a longer text for lists (post lists, the calendar, comment cards): cut at a word where
// possible, and marked with "…" where it was cut, so nobody reads "Die Marktzeiten bleiben gle" as the text.

/** At most `max` characters (never splitting a surrogate pair) of `text` on one line, "…" where it was cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(flat);
  if (characters.length <= max) return flat;
  const cut = characters.slice(0, Math.max(1, max - 1)).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space >= cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
