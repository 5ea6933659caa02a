// The pattern helpers of the counter-speech expressions: written in one spelling ("ae", "ss"), they match the
// lower-cased text however the writer spelled its umlauts and ß.

/** ä/ö/ü/ß and their spellings ae/oe/ue/ss (and a/o/u without the e) all match. */
const umlautAware = (pattern: string) =>
  pattern
    .replace(/ae/g, "(?:ä|ae?)")
    .replace(/oe/g, "(?:ö|oe?)")
    .replace(/ue/g, "(?:ü|ue?)")
    .replace(/ss/g, "(?:ß|ss)");

/** On the lower-cased text: German letters spelled out in the patterns' classes (no \p{L}: several times slower). */
export const re = (pattern: string, flags = "") => new RegExp(umlautAware(pattern), flags);

/** The letters of a lower-cased German word, for character classes. */
export const LETTERS = "a-z0-9äöüßàâçéèêëîïôûùÿñ";
