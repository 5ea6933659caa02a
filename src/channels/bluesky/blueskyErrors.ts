// AT Protocol errors (XRPCError: HTTP status and the error's name) as the connector port's classes.
import { XRPCError } from "@atproto/api";
import { ConnectorError, networkErrorCode, refusedServerError } from "../../domain/connector.js";
import { retryAfterMs } from "../http/networkHttp.js";

export function classifyAtprotoError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const refused = refusedServerError(error);
  if (refused) return refused;
  if (error instanceof XRPCError) {
    // draht's words: the status and the protocol's error name; the server's own message only as detail.
    const code = networkErrorCode(error.error);
    const message = `${error.status}${code ? ` ${code}` : ""}`;
    const options = { cause: error, detail: error.message, ...(error.status > 1 ? { status: error.status } : {}) };
    if (
      error.status === 401 ||
      /^(ExpiredToken|InvalidToken|AuthenticationRequired|AuthFactorTokenRequired)$/.test(error.error)
    )
      return new ConnectorError("auth_expired", message, options);
    if (error.status === 429)
      return new ConnectorError("rate_limited", message, {
        ...options,
        retryAfterMs:
          retryAfterMs(
            new Headers(Object.entries(error.headers ?? {}).map(([k, v]) => [k, String(v)] as [string, string])),
          ) ?? 60_000,
      });
    if (error.status === 1 || error.status >= 500) return new ConnectorError("transient", message, options);
    if (error.status === 400 && error.error === "AccountTakedown")
      return new ConnectorError("auth_expired", message, options);
    return new ConnectorError("permanent", message, options);
  }
  return new ConnectorError("transient", "network unreachable", {
    cause: error,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** The PDS has no such record (getRecord answers 400 RecordNotFound): nothing else means "not there". */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof XRPCError && error.error === "RecordNotFound";
}

/** Runs a call and turns whatever it throws into a classified ConnectorError. */
export async function classified<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classifyAtprotoError(error);
  }
}
