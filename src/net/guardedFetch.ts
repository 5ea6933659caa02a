// Every request to a network server goes through this fetch: it refuses a URL the address rule forbids
// (domain/serverAddress.ts), and its connections are made by a dispatcher that checks again where they
// really go — each resolved address of a name before connecting to exactly those (no second lookup a
// rebinding DNS server could answer differently), and the target of every redirect hop, since each hop
// opens its connection through the same dispatcher. Mastodon's REST calls, @atproto/api's agents and the
// AT Protocol OAuth client all receive it as their fetch.
import { promises as dns } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import {
  type HostLookup,
  type NetworkServerAccess,
  type NetworkServerPolicy,
  refusalOfAddress,
  refusalOfTarget,
  refusalOfUrl,
} from "../domain/serverAddress.js";

export type FetchFunction = typeof globalThis.fetch;

/** The system resolver: every address, IPv4 and IPv6, in the resolver's order. */
export const systemLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** How long to wait for a connection to open; the caller's own timeout covers the whole request. */
const CONNECT_TIMEOUT_MS = 10_000;

/** net's lookup hook: resolves once, refuses the name if any of its addresses is forbidden, connects to what it checked. */
function checkedLookup(policy: NetworkServerPolicy, lookup: HostLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then(
      (addresses) => {
        for (const { address } of addresses) {
          const refusal = refusalOfAddress(address, policy, hostname);
          if (refusal) return callback(refusal, "", 0);
        }
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const fitting = addresses.filter((a) => family === 0 || a.family === family);
        const first = fitting[0];
        if (!first)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
        if (options.all)
          return callback(
            null,
            fitting.map((a) => ({ address: a.address, family: a.family })),
          );
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/** An undici dispatcher whose every connection obeys the address rule. */
export function guardedDispatcher(policy: NetworkServerPolicy, lookup: HostLookup = systemLookup): Agent {
  const connect = buildConnector({ lookup: checkedLookup(policy, lookup), timeout: CONNECT_TIMEOUT_MS });
  return new Agent({
    connect(options, callback) {
      // A literal address never reaches the lookup hook: check it (and the protocol) here.
      const refusal = refusalOfTarget(options, policy);
      if (refusal) return callback(refusal, null);
      connect(options, callback);
    },
  });
}

/** fetch under the address rule; `base` is the fetch it wraps (the global one by default). */
export function guardedFetch(access: NetworkServerAccess, base: FetchFunction = globalThis.fetch): FetchFunction {
  const policy: NetworkServerPolicy = { trustedHosts: access.trustedHosts };
  const dispatcher = guardedDispatcher(policy, access.lookup);
  return async (input, init) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const refusal = refusalOfUrl(url, policy);
    // Shaped like fetch's own failure, so callers treat it as the failed request it is.
    if (refusal) throw new TypeError("fetch failed", { cause: refusal });
    return base(input, { ...init, dispatcher } as RequestInit);
  };
}
