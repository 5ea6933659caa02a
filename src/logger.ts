// pino with redaction: never log passwords, tokens, cookies or citizen texts — nor the values of a
// failed database statement (db/queries/errors.ts), however the error reached the log.
import { type DestinationStream, pino, type Logger } from "pino";
import { withoutDatabaseValues } from "./db/queries/errors.js";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.passwordHash",
  "*.token",
  "*.accessToken",
  "*.appPassword",
  "*.clientSecret",
  "*.credentials",
  "req.headers.cookie",
  "req.headers.authorization",
  "req.headers['x-csrf-token']",
  'res.headers["set-cookie"]',
  "*.text",
  "req.headers['x-draht-session']",
];

interface RequestLike {
  method?: string;
  url?: string;
}

/**
 * What a request log line carries: method and path, with tokens in the query string blanked. Neither
 * the client's IP address nor its port is logged: citizens' addresses exist only as salted hashes.
 */
export function serializeRequest(req: RequestLike) {
  return { method: req.method, url: req.url?.replace(/([?&](?:token|t)=)[^&#]*/gi, "$1[redacted]") };
}

/** An error for the log: pino's standard form, after database errors in its cause chain lost their values. */
export function serializeError(error: unknown) {
  const safe = withoutDatabaseValues(error);
  return safe instanceof Error ? pino.stdSerializers.err(safe) : safe;
}

/** destination: where the lines go (default standard output; tests capture them). */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "draht" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { req: serializeRequest, err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

export type { Logger };
