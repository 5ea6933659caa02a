// The parts of @nlpjs/lang-de (MIT) that draht uses: the German Snowball stemmer. The package ships no types.
declare module "@nlpjs/lang-de/src/stemmer-de.js" {
  export default class StemmerDe {
    stem(word: string): string;
  }
}
