// pino with redaction: never log passwords, tokens, cookies or citizen texts.
import { pino, type Logger } from "pino";

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

export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: "draht" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { req: serializeRequest },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
