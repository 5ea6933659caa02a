// `draht audit verify | export-head | anchor | reseal`: check the audit chains (optionally against a head
// exported earlier), export the signed current heads, anchor chains begun before the audit key, and let
// draht extend again a chain whose head was set by hand, once the operator has looked into it.
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { anchorAuditChains } from "../../app/audit/anchor-audit-chains.js";
import { exportAuditHeads } from "../../app/audit/export-audit-heads.js";
import { ZExportedHeads } from "../../app/audit/exportedHeads.js";
import { type ChainReport, verifyAuditTrail } from "../../app/audit/verify-audit-trail.js";
import { resealAuditChain } from "../../app/audit/reseal-audit-chain.js";
import { CLI_ACTOR, withRuntime } from "../runtime.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit trail");
  audit
    .command("verify")
    .description("verify the hash chains; exits 1 if any event was altered, inserted or deleted")
    .option("--chain <id>", "only this chain (an organisation id, or 'installation')")
    .option("--head <file>", "also check against heads exported earlier with `draht audit export-head`")
    .action((options: { chain?: string; head?: string }) =>
      withRuntime(async ({ ctx }) => {
        const exportedHeads = options.head
          ? ZExportedHeads.parse(JSON.parse(readFileSync(options.head, "utf8")))
          : undefined;
        const reports = await verifyAuditTrail(ctx, { chainId: options.chain, exportedHeads });
        const broken = printReports(reports);
        if (reports.length === 0) console.log("No audit events yet.");
        console.log(broken === 0 ? "Audit trail intact." : `Audit trail damaged in ${broken} chain(s).`);
        return broken === 0 ? 0 : 1;
      }),
    );
  audit
    .command("export-head")
    .description("print (or write) the current head of every chain, signed with the audit key; keep it elsewhere")
    .option("--chain <id>", "only this chain")
    .option("--out <file>", "write to this file instead of printing")
    .action((options: { chain?: string; out?: string }) =>
      withRuntime(async ({ ctx }) => {
        const { exported, damaged } = await exportAuditHeads(ctx, { chainId: options.chain });
        if (!exported) {
          printReports(damaged);
          console.error("draht: not exported: the chains above are damaged.");
          return 1;
        }
        const text = `${JSON.stringify(exported, null, 2)}\n`;
        if (options.out) writeFileSync(options.out, text, { mode: 0o600 });
        else process.stdout.write(text);
        return 0;
      }),
    );
  audit
    .command("anchor")
    .description("once after upgrading: vouch for events written before the audit key existed")
    .option("--chain <id>", "only this chain")
    .action((options: { chain?: string }) =>
      withRuntime(async ({ ctx }) => {
        let refused = 0;
        for (const result of await anchorAuditChains(ctx, { chainId: options.chain })) {
          if (result.outcome === "anchored")
            console.log(`${result.chainId}: anchored, keyed from event ${result.keyedFromSeq}`);
          else if (result.outcome === "refused") {
            refused++;
            console.log(`${result.chainId}: NOT anchored, the chain is damaged`);
            for (const problem of result.problems) console.log(`  ${JSON.stringify(problem)}`);
          }
        }
        console.log(refused === 0 ? "Every chain is keyed or anchored." : `${refused} chain(s) not anchored.`);
        return refused === 0 ? 0 : 1;
      }),
    );
  audit
    .command("reseal")
    .description(
      "after `verify` reported a chain whose head was set by hand (appends to it are refused): sign its actual " +
        "last event as the head and record that in the chain",
    )
    .requiredOption("--chain <id>", "the chain (an organisation id, or 'installation')")
    .action((options: { chain: string }) =>
      withRuntime(async ({ ctx }) => {
        const result = await resealAuditChain(ctx, { chainId: options.chain, actor: CLI_ACTOR });
        for (const problem of result.problems) console.log(`  ${JSON.stringify(problem)}`);
        if (result.outcome === "not_needed") {
          console.log(`${result.chainId}: head intact, nothing resealed (appends to this chain are not refused).`);
          return 0;
        }
        console.log(
          `${result.chainId}: resealed; event ${result.resealedAtSeq} records the head as found and the problems above.`,
        );
        return 0;
      }),
    );
}

/** Prints one line per chain (and its problems); returns how many chains are damaged. */
function printReports(reports: readonly ChainReport[]): number {
  let broken = 0;
  for (const report of reports) {
    const state = report.problems.length === 0 ? "OK" : `BROKEN (${report.problems.length} problems)`;
    const keyed = report.keyedFromSeq ? `, keyed from event ${report.keyedFromSeq}` : "";
    console.log(`${report.chainId}: ${report.events} events${keyed}, head ${report.lastHash ?? "-"} — ${state}`);
    for (const problem of report.problems) console.log(`  ${JSON.stringify(problem)}`);
    if (report.problems.some((p) => p.kind === "not_keyed") && report.keyedFromSeq === null)
      console.log(
        "  Events without the audit key's hash: written before upgrading (run `draht audit anchor`), or forged.",
      );
    if (report.problems.length > 0) broken++;
  }
  return broken;
}
