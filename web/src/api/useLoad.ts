// Loading a page's data so that only the latest answer counts: each load aborts the one before it (a
// changed filter, a live update, a reload after an action), so a slow old answer can never overwrite a
// newer one, and nothing is applied after the page has gone. Every page loads its data through this.
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";

type Load<T> = (signal: AbortSignal) => Promise<T>;

export interface LatestOnly {
  /** Runs `load`; `apply` gets its answer, `fail` its error — unless a newer run or cancel() came first. */
  run<T>(load: Load<T>, apply: (value: T) => void, fail: (error: unknown) => void): Promise<void>;
  /** Aborts the running load; its answer is dropped. */
  cancel(): void;
}

/** The rule behind useLoad, without React: the latest run wins, earlier ones are aborted and ignored. */
export function latestOnly(): LatestOnly {
  let current: AbortController | null = null;
  return {
    async run(load, apply, fail) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      try {
        const value = await load(controller.signal);
        if (current === controller) apply(value);
      } catch (error) {
        if (current === controller) fail(error);
      }
    },
    cancel() {
      current?.abort();
      current = null;
    },
  };
}

/**
 * Loads with `load` whenever `deps` change (unless `enabled` is false) and hands the answer to `apply`.
 * Returns reload(), which loads again with the latest `load` and resolves once the answer is applied (or
 * superseded). Errors go to `onError`.
 */
export function useLoad<T>(
  load: Load<T>,
  apply: (value: T) => void,
  deps: DependencyList,
  options: { onError?: (error: unknown) => void; enabled?: boolean } = {},
): () => Promise<void> {
  const [latest] = useState(latestOnly);
  const current = useRef({ load, apply, onError: options.onError });
  current.current = { load, apply, onError: options.onError };
  const reload = useCallback(
    () =>
      latest.run(
        (signal) => current.current.load(signal),
        (value) => current.current.apply(value),
        (error) => current.current.onError?.(error),
      ),
    [latest],
  );
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (enabled) void reload();
    return () => latest.cancel();
    // The caller names what the load depends on, as with useEffect.
  }, [enabled, reload, latest, ...deps]);
  return reload;
}
