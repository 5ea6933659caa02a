// Recognises database errors by SQLSTATE, whichever driver raised them, and describes a failed
// statement without the values in it: Drizzle's error message lists every bound parameter, PGlite's
// error carries them again, PostgreSQL's detail names the failing row's values ("Failing row contains
// (…)", "Key (email)=(…)") and its message quotes the offending value — a citizen's name, text or
// e-mail address must never reach a log line, a stored failure reason or the command line that way.

function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  // Drizzle wraps driver errors; walk the cause chain.
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/** PostgreSQL's structured fields that name things, never values. */
const NAMING_FIELDS = ["severity", "constraint", "schema", "table", "column", "dataType", "routine"] as const;
type NamingField = (typeof NAMING_FIELDS)[number];

/**
 * A failed statement as draht passes it on: SQLSTATE, the names PostgreSQL gives (constraint, table,
 * column, routine), the statement's text with its $n placeholders — and no value.
 */
export class DatabaseQueryError extends Error {
  /** SQLSTATE, e.g. 23505 (unique violation). */
  readonly code: string | undefined;
  readonly query: string | undefined;
  readonly severity: string | undefined;
  readonly constraint: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly dataType: string | undefined;
  readonly routine: string | undefined;

  constructor(fields: { message: string; code?: string; query?: string } & Partial<Record<NamingField, string>>) {
    super(fields.message);
    this.name = "DatabaseQueryError";
    this.code = fields.code;
    this.query = fields.query;
    this.severity = fields.severity;
    this.constraint = fields.constraint;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.dataType = fields.dataType;
    this.routine = fields.routine;
  }
}

const QUERY_TEXT_LIMIT = 2000;

/** Anything a driver or Drizzle raised for a statement, as a DatabaseQueryError (values left out). */
export function toDatabaseQueryError(error: unknown): DatabaseQueryError {
  if (error instanceof DatabaseQueryError) return error;
  const driverError = driverErrorIn(error);
  // Without a driver error (the client failed before the server answered), the cause's words: never
  // Drizzle's own message, which lists the parameters.
  const source = driverError ?? (isFromDrizzle(error) ? (error as { cause?: unknown }).cause : error);
  const field = (name: string): string | undefined => {
    const value = (driverError as Record<string, unknown> | null)?.[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const query = stringField(error, "query") ?? field("query");
  const naming: Partial<Record<NamingField, string>> = {};
  for (const name of NAMING_FIELDS) naming[name] = field(name);
  const code = sqlState(error);
  const rawMessage = source instanceof Error ? source.message : "unknown failure";
  // PostgreSQL quotes names and values alike ("…"); the names are kept in their own fields above.
  const message = rawMessage.replace(/"[^"]*"/g, '"…"');
  const named = NAMING_FIELDS.filter((n) => n !== "severity" && naming[n] !== undefined)
    .map((n) => `${n} ${naming[n]}`)
    .join(", ");
  return new DatabaseQueryError({
    message: `Database statement failed${code ? ` (SQLSTATE ${code})` : ""}: ${message}${named ? ` [${named}]` : ""}`,
    code,
    query: query?.slice(0, QUERY_TEXT_LIMIT),
    ...naming,
  });
}

/**
 * The error with every database error in its cause chain replaced by its DatabaseQueryError; the
 * same object when there is none. For the log and the command line, which also read the causes.
 */
export function withoutDatabaseValues(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  if (isRawDatabaseError(error)) return toDatabaseQueryError(error);
  const cause: unknown = error.cause;
  const safeCause = withoutDatabaseValues(cause, depth + 1);
  if (safeCause === cause) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.assign(copy, error);
  Object.defineProperties(copy, {
    message: { value: error.message, enumerable: false },
    stack: { value: error.stack, enumerable: false },
    cause: { value: safeCause, enumerable: false },
  });
  return copy;
}

/** Drizzle's DrizzleQueryError (query + params), PGlite's and node-postgres' errors (SQLSTATE + severity). */
function isRawDatabaseError(error: Error): boolean {
  if (error instanceof DatabaseQueryError) return false;
  const candidate = error as unknown as Record<string, unknown>;
  const fromDriver = typeof candidate.severity === "string" && typeof candidate.code === "string";
  return isFromDrizzle(error) || fromDriver;
}

function isFromDrizzle(error: unknown): boolean {
  const candidate = error as Record<string, unknown> | null;
  return typeof candidate?.query === "string" && Array.isArray(candidate.params);
}

function driverErrorIn(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof (current as { severity?: unknown }).severity === "string") return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function stringField(value: unknown, name: string): string | undefined {
  const field = (value as Record<string, unknown> | null)?.[name];
  return typeof field === "string" ? field : undefined;
}
