// The rows of a raw `execute(sql…)`: node-postgres returns a result with `rows`, PGlite's driver too,
// some drivers the array itself.
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
