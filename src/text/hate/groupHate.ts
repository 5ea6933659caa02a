// The hate-against-groups decision: the n-gram model's hate score (packed with the offensive-language
// models, so it costs no second pass over the text) and the cues of groupHateCues.ts, weighed by a small
// trained second level (stacker.ts). Counter-speech that quotes hate to reject it, and neutral or positive
// statements about groups, weigh against holding. Pure: the model file's content is a parameter.
import { z } from "zod";
import { applyStacker, ZStacker } from "../classifier/stacker.js";
import { ZModelFile } from "../classifier/modelFile.js";
import type { LexiconHit } from "../lexicon.js";
import type { NormalisedText } from "../normalise.js";
import { GROUP_HATE_CUES, groupHateCues } from "./groupHateCues.js";

export const ZHateModelFile = z.object({
  ngram: ZModelFile,
  stacker: ZStacker,
  cues: z.array(z.string()),
  figures: z.record(z.string(), z.number()).optional(),
});
export type THateModelFile = z.output<typeof ZHateModelFile>;

const logit = (p: number) => Math.max(-6, Math.min(6, Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p))));

/** The second level's inputs: the n-gram score's log-odds, then the cues. */
export function hateStackFeatures(ngramHate: number, cues: readonly number[]): number[] {
  return [logit(ngramHate), ...cues];
}

export interface GroupHate {
  score: number;
  /** The cues present ("group", "dehumanising", "counter", …), for the moderator's "why". */
  cues: string[];
}

export function createGroupHate(file: THateModelFile) {
  if (file.cues.join() !== GROUP_HATE_CUES.join())
    throw new Error("the hate model was trained with other cues: train it again (npm run train:hate)");
  return (
    normalised: Pick<NormalisedText, "folded" | "words" | "wordFacts">,
    hits: readonly LexiconHit[],
    ngramHate: number,
  ): GroupHate => {
    const cues = groupHateCues(normalised, hits);
    return {
      score: applyStacker(file.stacker, hateStackFeatures(ngramHate, cues)),
      cues: GROUP_HATE_CUES.filter((_, i) => cues[i] === 1),
    };
  };
}
