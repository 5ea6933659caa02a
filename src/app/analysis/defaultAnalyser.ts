// The text analyser every process uses: the trained model files committed under src/text/models/ (found
// from the package root, so the built server reads the same files), read and decoded once per process
// (the first call), then shared.
import path from "node:path";
import { PACKAGE_ROOT } from "../../paths.js";
import { createTextAnalyser, type FullTextAnalyser } from "../../text/textAnalyser.js";
import { readTextModels } from "../../text/train/modelFiles.js";

export const MODELS_DIR = path.join(PACKAGE_ROOT, "src", "text", "models");

let analyser: FullTextAnalyser | undefined;

export function defaultTextAnalyser(): FullTextAnalyser {
  analyser ??= createTextAnalyser(readTextModels(MODELS_DIR));
  return analyser;
}
