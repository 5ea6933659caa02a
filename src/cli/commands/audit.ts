// `draht audit verify`: check every audit chain for altered, inserted or deleted events.
import type { Command } from "commander";
import { verifyAuditTrail } from "../../app/audit/verify-audit-trail.js";
import { withRuntime } from "../runtime.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit trail");
  audit
    .command("verify")
    .description("verify the hash chains; exits 1 if any event was altered, inserted or deleted")
    .option("--chain <id>", "only this chain (an organisation id, or 'installation')")
    .action((options: { chain?: string }) =>
      withRuntime(async ({ ctx }) => {
        const reports = await verifyAuditTrail(ctx, { chainId: options.chain });
        let broken = 0;
        for (const report of reports) {
          const state = report.problems.length === 0 ? "OK" : `BROKEN (${report.problems.length} problems)`;
          console.log(`${report.chainId}: ${report.events} events, head ${report.lastHash ?? "-"} — ${state}`);
          for (const problem of report.problems) console.log(`  ${JSON.stringify(problem)}`);
          if (report.problems.length > 0) broken++;
        }
        if (reports.length === 0) console.log("No audit events yet.");
        console.log(broken === 0 ? "Audit trail intact." : `Audit trail damaged in ${broken} chain(s).`);
        return broken === 0 ? 0 : 1;
      }),
    );
}
