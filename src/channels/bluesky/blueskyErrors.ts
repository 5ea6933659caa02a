// AT Protocol errors (XRPCError: HTTP status and the error's name) as the connector port's classes.
import { XRPCError } from "@atproto/api";
import { ConnectorError } from "../../domain/connector.js";
import { retryAfterMs } from "../http/networkHttp.js";

export function classifyAtprotoError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof XRPCError) {
    const message = `${error.status} ${error.error}${error.message && error.message !== error.error ? `: ${error.message}` : ""}`;
    if (
      error.status === 401 ||
      /^(ExpiredToken|InvalidToken|AuthenticationRequired|AuthFactorTokenRequired)$/.test(error.error)
    )
      return new ConnectorError("auth_expired", message, { cause: error });
    if (error.status === 429)
      return new ConnectorError("rate_limited", message, {
        retryAfterMs:
          retryAfterMs(
            new Headers(Object.entries(error.headers ?? {}).map(([k, v]) => [k, String(v)] as [string, string])),
          ) ?? 60_000,
        cause: error,
      });
    if (error.status === 1 || error.status >= 500) return new ConnectorError("transient", message, { cause: error });
    if (error.status === 400 && error.error === "AccountTakedown")
      return new ConnectorError("auth_expired", message, { cause: error });
    return new ConnectorError("permanent", message, { cause: error });
  }
  return new ConnectorError("transient", error instanceof Error ? error.message : String(error), { cause: error });
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
