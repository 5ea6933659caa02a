// Waits for a condition another process or connection brings about (a peer's stream opened, a sync started),
// checking it again and again, and fails with what was awaited after 5 s. For conditions, not for time.

/** Resolves once `check()` holds. */
export async function until(check: () => boolean, what = "the awaited condition"): Promise<void> {
  await untilValue(async () => (check() ? true : undefined), what);
}

/** Resolves with the first value `read()` gives that is not undefined. */
export async function untilValue<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
