// `draht classify`: JSON lines {"id", "text"} on standard input → one JSON line per input with labels and
// scores, streaming. A malformed line gets an error line in its place (and a message on standard error);
// the others go on, and the exit code is 1 at the end if any line was malformed.
// `draht eval FILE`: precision, recall and F1 per class and macro-F1 on a labelled file (GermEval 2018
// format: text TAB coarse TAB fine; draht's examples add threat and intent columns).
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { z } from "zod";
import { defaultTextAnalyser } from "../../app/analysis/defaultAnalyser.js";
import { evaluateAnalyser, parseLabelledTsv } from "../../text/evaluation.js";
import { formatAnalyserEvaluation } from "../../text/train/report.js";

const ZInputLine = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string().max(100_000) });

async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, "drain");
}

export async function classifyStream(input: NodeJS.ReadableStream): Promise<{ lines: number; errors: number }> {
  const analyser = defaultTextAnalyser();
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let count = 0;
  let errors = 0;
  for await (const raw of lines) {
    count++;
    if (raw.trim() === "") continue;
    let parsed: z.infer<typeof ZInputLine>;
    try {
      parsed = ZInputLine.parse(JSON.parse(raw));
    } catch (error) {
      errors++;
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ")
          : "not valid JSON";
      const id = (() => {
        try {
          const value = (JSON.parse(raw) as { id?: unknown }).id;
          return typeof value === "string" || typeof value === "number" ? String(value) : null;
        } catch {
          return null;
        }
      })();
      process.stderr.write(`draht classify: line ${count}: ${reason} (expected {"id": "...", "text": "..."})\n`);
      await write(JSON.stringify({ id, line: count, error: reason }));
      continue;
    }
    const result = analyser.analyse(parsed.text);
    await write(
      JSON.stringify({
        id: parsed.id,
        labels: result.labels,
        scores: { ...result.scores, sentiment: result.sentiment },
        reasons: result.reasons,
      }),
    );
  }
  return { lines: count, errors };
}

export function registerClassify(program: Command): void {
  program
    .command("classify")
    .description(
      'analyse German texts: JSON lines {"id","text"} on standard input → labels and scores per line on standard output',
    )
    .action(async () => {
      const { errors } = await classifyStream(process.stdin);
      if (errors > 0) process.stderr.write(`draht classify: ${errors} malformed line(s)\n`);
      process.exitCode = errors > 0 ? 1 : 0;
    });
  program
    .command("eval")
    .description(
      "precision, recall and F1 per class and macro-F1 on a labelled file (GermEval 2018: text TAB coarse TAB fine)",
    )
    .argument("<file>", "the labelled file")
    .action((file: string) => {
      let rows;
      try {
        rows = parseLabelledTsv(readFileSync(file, "utf8"), file);
      } catch (error) {
        process.stderr.write(`draht eval: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
      }
      const result = evaluateAnalyser(defaultTextAnalyser().analyse, rows, () => performance.now());
      process.stdout.write(`${file}: ${rows.length} texts\n${formatAnalyserEvaluation(result).join("\n")}\n`);
    });
}
