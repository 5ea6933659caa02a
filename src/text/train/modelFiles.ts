// Where the trained models' files are (src/text/models/) and reading them all at once: for training,
// evaluation, benchmarks and tests. The running server reads them through app/analysis/defaultAnalyser.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OffenseModelFile } from "../classifier/offenseClassifier.js";
import type { TextModels } from "../textAnalyser.js";

export const MODELS_DIR = path.join(import.meta.dirname, "..", "models");

export function readTextModels(dir = MODELS_DIR): TextModels {
  const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as unknown;
  return { offense: read("offense.json") as OffenseModelFile, threat: read("threat.json"), hate: read("hate.json") };
}
