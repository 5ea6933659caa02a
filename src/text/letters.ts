// The letters of the hot text patterns: Latin with its extensions (German, Turkish, Polish, … spellings).
// Regular expressions with \p{L} and the u flag are several times slower in V8; Greek and Cyrillic words
// are rare in German municipal dialogue and pass through as non-words.
export const LETTER = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";
export const LETTER_OR_DIGIT = `${LETTER}0-9`;
