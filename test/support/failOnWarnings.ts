// Every test file fails on a deprecation warning raised in its process, e.g. pg's "Calling client.query() when
// the client is already executing a query", which pg 9 will refuse: such a warning is a bug to fix, not noise.
// (The local Bluesky network runs in its own process; see test/peers/bluesky/networkProcess.ts.)
// Node reports a util.deprecate() warning once per process: the first test that raises it fails, later ones in
// the same file would not — enough for the file (and CI) to fail, not to name every place.
import { afterAll, afterEach, expect } from "vitest";

const seen: string[] = [];
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning") seen.push(warning.stack ?? warning.message);
});

// process.emitWarning reports on the next tick: let it arrive before looking.
const reported = () => new Promise((resolve) => setImmediate(resolve));

afterEach(async () => {
  await reported();
  expect(seen.splice(0), "deprecation warnings raised during this test").toEqual([]);
});
afterAll(async () => {
  await reported();
  expect(seen.splice(0), "deprecation warnings raised in this file's hooks").toEqual([]);
});
