// The text analyser every process uses: the trained model file committed under src/text/models/, read
// and decoded once per process (the first call), then shared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../paths.js";
import type { OffenseModelFile } from "../../text/classifier/offenseClassifier.js";
import { createTextAnalyser, type FullTextAnalyser } from "../../text/textAnalyser.js";

export const OFFENSE_MODEL_PATH = path.join(PACKAGE_ROOT, "src", "text", "models", "offense.json");

let analyser: FullTextAnalyser | undefined;

export function defaultTextAnalyser(): FullTextAnalyser {
  if (!analyser) {
    const file = JSON.parse(readFileSync(OFFENSE_MODEL_PATH, "utf8")) as OffenseModelFile;
    analyser = createTextAnalyser(file);
  }
  return analyser;
}
