// Shapes every area of the API shares: identifiers, timestamps, path parameters and the error body.
import { z } from "zod";
import { ERROR_CODES } from "../domain/errors.js";

/** An identifier in an answer (a UUID; fixed ones of the demo data included). */
export const ZId = z.guid();

const ZIsoInstant = z.iso.datetime({ offset: true });

/**
 * A point in time: ISO 8601 with offset on the wire. Inside the server a Date, or text already in that
 * format (some use cases convert early); anything else (a database's own text format) is refused.
 */
export const ZTimestamp = z.codec(ZIsoInstant, z.union([z.date(), ZIsoInstant]), {
  decode: (text) => new Date(text),
  encode: (value) => (typeof value === "string" ? value : value.toISOString()),
});

/** A calendar day, "YYYY-MM-DD". */
export const ZDay = z.iso.date();

export const ZOrgParams = z.object({ orgId: z.uuid() });

export const ZOk = z.object({ ok: z.literal(true) });
/** The answer of ZOk, for handlers. */
export const OK = { ok: true } as const;
export const ZIdOnly = z.object({ id: ZId });

/** The one shape of every error answer (docs/ERRORS.md). */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.templateLiteral(["DRAHT_ERR_", z.enum(ERROR_CODES)]),
      /** The translation key the web UI shows. */
      key: z.string(),
      message: z.string(),
      /** Safe, structured details (field names, limits); `issues` for validation failures. */
      details: z.record(z.string(), z.unknown()).optional(),
      /** Matches the server's log. */
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error", description: "Every error: a stable code, its translation key, a safe message and details." });
