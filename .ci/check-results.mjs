// Reads Vitest JSON reports; fails when a run executed no test, skipped one, or had a failure.
// Usage: check-results.mjs FILE LABEL   |   check-results.mjs --total FILE...
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const total = args[0] === "--total";
const files = total ? args.slice(1) : [args[0]];
const label = total ? "total" : args[1];
let passed = 0,
  failed = 0,
  skipped = 0,
  all = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  all += report.numTotalTests;
  if (!report.success && report.numFailedTests === 0) failed += 1; // e.g. a file that failed to load
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (all === 0) {
  console.error(`${label}: no test ran`);
  process.exit(1);
}
if (failed > 0 || skipped > 0) {
  console.error(`${label}: ${failed} failed and ${skipped} skipped — CI requires every test to run and pass`);
  process.exit(1);
}
if (total) console.log(`${passed} passed, 0 failed`);
