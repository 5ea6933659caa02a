// What draht accepts as text from outside — HTTP bodies and query strings, messages from the networks:
// no control characters but tab and line breaks, and well-formed UTF-16. PostgreSQL cannot store NUL
// in text or JSON at all, and a lone surrogate breaks the JSON that carries rows to the database; the
// other control characters are invisible, mean nothing in a comment and come from copy and paste or
// from bots. They are removed rather than refused: a citizen could not see, let alone fix, what was
// wrong with their text. Vertical tab and form feed become line breaks, which is what they meant in
// the programs people paste from (PowerPoint's line break is a vertical tab).

// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL_ALL = /[\u0000-\u0008\u000E-\u001F]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed
const LINE_LIKE = /[\u000B\u000C]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, "g");

/** Whether the text holds a control character other than tab and line breaks. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

export function cleanText(text: string): string {
  let clean = text;
  if (LONE_SURROGATE.test(clean)) clean = clean.replace(LONE_SURROGATE_ALL, "\uFFFD");
  if (CONTROL.test(clean)) clean = clean.replace(LINE_LIKE, "\n").replace(CONTROL_ALL, "");
  return clean;
}

/**
 * A parsed JSON or form value with cleanText applied to every string in it, keys included. Other
 * values (numbers, dates, buffers) stay as they are. Nesting deeper than MAX_DEPTH is never passed on
 * uncleaned: it is refused (InputTooDeep, for requests) or, with `tooDeep: "drop"`, replaced by null (for a
 * network's payloads, where one odd message must not stop the rest).
 */
export function cleanValue<T>(value: T, options: { tooDeep?: "refuse" | "drop" } = {}): T {
  return cleanAny(value, 0, options.tooDeep ?? "refuse") as T;
}

/** Deeper than any input draht reads; guards the recursion against a body of a million brackets. */
export const MAX_DEPTH = 100;

/** Input nested deeper than MAX_DEPTH: refused rather than passed on uncleaned. */
export class InputTooDeep extends Error {
  constructor() {
    super(`input nested deeper than ${MAX_DEPTH} levels`);
    this.name = "InputTooDeep";
  }
}

function cleanAny(value: unknown, depth: number, tooDeep: "refuse" | "drop"): unknown {
  if (typeof value === "string") return cleanText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) {
    if (tooDeep === "drop") return null;
    throw new InputTooDeep();
  }
  if (Array.isArray(value)) return value.map((item) => cleanAny(item, depth + 1, tooDeep));
  if (!isRecord(value)) return value;
  const clean: Record<string, unknown> = {};
  // defineProperty: a key "__proto__" stays a plain key instead of replacing the prototype.
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(clean, cleanText(key), {
      value: cleanAny(item, depth + 1, tooDeep),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return clean;
}

/**
 * A dictionary of parsed input: a plain object, or one whose prototype has none (the query-string
 * parser's dictionaries). Dates, buffers and other class instances are values, not records.
 */
function isRecord(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}
