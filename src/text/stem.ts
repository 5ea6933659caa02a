// German word stems (the Snowball algorithm as @nlpjs/lang-de implements it, MIT): "Kindergärten" →
// "kindergart", "Idioten" → "idiot". Used as classifier features and to look words up in the sentiment
// lexicon, whose entries are stems of the same stemmer. Umlauts come out folded to their base vowel.
import StemmerDe from "@nlpjs/lang-de/src/stemmer-de.js";

const stemmer = new StemmerDe();
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function stemGerman(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const stem = stemmer.stem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
