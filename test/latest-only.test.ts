// The rule behind the admin app's data loading (web/src/api/useLoad.ts): the latest load wins; an
// earlier one is aborted and its answer, however late, is never applied.
import { describe, expect, it } from "vitest";
import { latestOnly } from "../web/src/api/useLoad.js";

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("loading the latest only", () => {
  it("drops the answer of an older load that arrives after a newer one, and aborts it", async () => {
    const latest = latestOnly();
    const applied: string[] = [];
    const older = deferred<string>();
    const newer = deferred<string>();
    let olderSignal: AbortSignal | undefined;
    const first = latest.run(
      (signal) => ((olderSignal = signal), older.promise),
      (v) => applied.push(v),
      () => applied.push("error"),
    );
    const second = latest.run(
      () => newer.promise,
      (v) => applied.push(v),
      () => applied.push("error"),
    );
    expect(olderSignal?.aborted).toBe(true);
    newer.resolve("closed filter: 0 rows");
    await second;
    older.resolve("all: 12 rows");
    await first;
    expect(applied).toEqual(["closed filter: 0 rows"]);
  });

  it("drops the error of a superseded load (an aborted request fails)", async () => {
    const latest = latestOnly();
    const failures: unknown[] = [];
    const older = deferred<string>();
    const first = latest.run(
      () => older.promise,
      () => undefined,
      (e) => failures.push(e),
    );
    await latest.run(
      async () => "newer",
      () => undefined,
      (e) => failures.push(e),
    );
    older.reject(new DOMException("aborted", "AbortError"));
    await first;
    expect(failures).toEqual([]);
  });

  it("applies nothing after it is cancelled (the page has gone)", async () => {
    const latest = latestOnly();
    const applied: string[] = [];
    const pending = deferred<string>();
    const run = latest.run(
      () => pending.promise,
      (v) => applied.push(v),
      () => undefined,
    );
    latest.cancel();
    pending.resolve("late");
    await run;
    expect(applied).toEqual([]);
  });

  it("hands the latest load's error to the page", async () => {
    const latest = latestOnly();
    const failures: unknown[] = [];
    await latest.run(
      async () => {
        throw new Error("offline");
      },
      () => undefined,
      (e) => failures.push(e),
    );
    expect(failures).toHaveLength(1);
  });
});
