// `draht export-decisions --org <slug> [--out FILE] [--since DATE]`: the organisation's labelled examples
// (moderators' word on whether a message is a threat) as JSON lines, to a file or standard output; how many
// goes to standard error. A file is written under a temporary name and renamed when complete, readable by
// its owner only, so a failed export never leaves a file that looks whole.
import { once } from "node:events";
import { createWriteStream, openSync, renameSync, rmSync } from "node:fs";
import { finished } from "node:stream/promises";
import type { Command } from "commander";
import type { AppContext } from "../../app/context.js";
import { exportThreatLabels } from "../../app/moderation/export-threat-labels.js";
import { CLI_ACTOR, withRuntime } from "../runtime.js";

async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, "drain");
}

/** The command's work, on an open context (tests call it in-process). Returns how many lines were written. */
export async function exportDecisions(
  ctx: AppContext,
  options: { org: string; out?: string; since?: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const partial = options.out ? `${options.out}.partial` : null;
  // Opened here, not by the stream in the background: a stream that opened its file only after a failed
  // export had removed it left a stray file behind (or, with its directory gone, an uncaught error).
  const file = partial ? createWriteStream(partial, { fd: openSync(partial, "w", 0o600) }) : null;
  const target = file ?? options.stdout;
  try {
    const { count, since } = await exportThreatLabels(ctx, {
      actor: CLI_ACTOR,
      input: { orgSlug: options.org, since: options.since },
      write: (example) => writeLine(target, JSON.stringify(example)),
    });
    if (file && partial && options.out) {
      file.end();
      await finished(file);
      renameSync(partial, options.out);
    }
    const from = since ? ` since ${since.toISOString()}` : "";
    const where = options.out ? ` to ${options.out}` : "";
    options.stderr.write(
      `draht export-decisions: ${count} labelled example(s) of ${options.org}${from} written${where}\n`,
    );
    return count;
  } catch (error) {
    if (file && partial) {
      file.destroy();
      rmSync(partial, { force: true });
    }
    throw error;
  }
}

export function registerExportDecisions(program: Command): void {
  program
    .command("export-decisions")
    .description(
      "write an organisation's labelled examples (moderators' threat / not_threat) as JSON lines: text, label, " +
        "decidedAt, analyser, threatScore — no names or ids of people",
    )
    .requiredOption("--org <slug>", "organisation slug")
    .option("--out <file>", "write to this file (readable by its owner only) instead of standard output")
    .option(
      "--since <date>",
      "only labels given from then on: 2026-11-01 (in the organisation's time zone) or ISO time",
    )
    .action((options: { org: string; out?: string; since?: string }) =>
      withRuntime(async ({ ctx }) => {
        await exportDecisions(ctx, { ...options, stdout: process.stdout, stderr: process.stderr });
      }),
    );
}
