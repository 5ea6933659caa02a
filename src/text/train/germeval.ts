// Reading GermEval 2018 files (text TAB coarse TAB fine, UTF-8) and where they are by default.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface LabelledText {
  text: string;
  coarse: string;
  fine: string;
}

/** Beside the project: ../shared/data/germeval2018 (this file is src/text/train/ inside the project). */
export const GERMEVAL_DIR =
  process.env.GERMEVAL_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "..", "shared", "data", "germeval2018");
export const GERMEVAL_ATTRIBUTION =
  'Trained on GermEval 2018 (CC BY 4.0): Michael Wiegand, Melanie Siegel, Josef Ruppenhofer, "Overview of the GermEval 2018 Shared Task on the Identification of Offensive Language", Proceedings of GermEval 2018, Vienna; data: uds-lsv/GermEval-2018-Data.';

/** GermEval writes a line break inside a tweet as |LBR|. */
export function germEvalText(text: string): string {
  return text.replaceAll("|LBR|", "\n");
}

export function readGermEval(file: string): LabelledText[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const [text, coarse, fine] = line.split("\t");
      if (!text || !coarse || !fine)
        throw new Error(`${file}, line ${i + 1}: expected text, coarse and fine label separated by tabs`);
      return { text, coarse: coarse.trim(), fine: fine.trim() };
    });
}

export function progressBar(label: string, done: number, total: number, extra = ""): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${extra}`);
  if (done === total) process.stderr.write("\n");
}
