// Which network servers draht may talk to. A Mastodon instance or Bluesky PDS is an address a person types
// in; without a rule, draht would send requests (and app passwords) to its own machine, the local network
// or a cloud metadata service, and its answers would map which ports are open there. The rule: https only,
// and every address a name resolves to must be public unicast — checked when an account is saved and again
// at every connection (src/net/guardedFetch.ts). Hosts the operator trusts (a local test
// network: ALLOW_PRIVATE_NETWORK_SERVERS) are exempt. Range classification is ipaddr.js's, not hand-written.
import ipaddr from "ipaddr.js";

export interface NetworkServerPolicy {
  /**
   * Hosts that may be private and speak plain http — a local test network, a server in the town hall's own
   * network; "*" trusts every host. Empty in a normal installation.
   */
  trustedHosts: readonly string[];
}

export const STRICT_POLICY: NetworkServerPolicy = { trustedHosts: [] };

/** Every address a host name resolves to (IPv4 and IPv6), as node:dns's lookup(…, { all: true }) gives them. */
export type HostLookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

/** The rule and, where not the system's, the resolver connections use (tests answer as a rebinding DNS would). */
export type NetworkServerAccess = NetworkServerPolicy & { lookup?: HostLookup };

export type ServerRefusalReason = "invalid_url" | "not_https" | "private_address";

/** draht refused to talk to this server; `reason` is safe to show, the address only to the log. */
export class ServerAddressRefused extends Error {
  constructor(
    readonly reason: ServerRefusalReason,
    readonly host: string,
  ) {
    super(`network server refused (${reason}): ${host}`);
    this.name = "ServerAddressRefused";
  }
}

/** A host as the URL parser gives it: an IPv6 literal keeps its brackets there. */
function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(bareHost(hostname));
}

function trusts(policy: NetworkServerPolicy, host: string): boolean {
  const name = bareHost(host).toLowerCase();
  return policy.trustedHosts.some((trusted) => trusted === "*" || trusted === name);
}

/**
 * Refuses an address that is not public unicast: loopback, private (RFC 1918), carrier-grade NAT, link-local
 * (169.254.169.254: cloud metadata), unspecified (0.0.0.0/8, ::), multicast, broadcast, reserved and
 * documentation ranges, unique-local (fc00::/7) and IPv6 forms that embed IPv4 (mapped, compatible, NAT64, 6to4,
 * Teredo).
 */
export function refusalOfAddress(
  address: string,
  policy: NetworkServerPolicy,
  /** The name that resolved to it, if any: a trusted name may resolve anywhere. */
  hostname?: string,
): ServerAddressRefused | null {
  if (trusts(policy, hostname ?? address)) return null;
  const bare = bareHost(address);
  if (!ipaddr.isValid(bare)) return new ServerAddressRefused("private_address", address);
  let parsed = ipaddr.parse(bare);
  // The deprecated IPv4-compatible form (::a.b.c.d, ::/96) reaches IPv4 on some stacks and tunnels: never a server.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).match(ipaddr.IPv6.parse("::"), 96))
    return new ServerAddressRefused("private_address", address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast" ? null : new ServerAddressRefused("private_address", address);
}

/** A connection's part of the rule: https (http only where allowed) and, for a literal address, a public one. */
export function refusalOfTarget(
  target: { protocol: string; hostname: string },
  policy: NetworkServerPolicy,
): ServerAddressRefused | null {
  const trusted = trusts(policy, target.hostname);
  if (target.protocol !== "https:" && !(target.protocol === "http:" && trusted))
    return new ServerAddressRefused(target.protocol === "http:" ? "not_https" : "invalid_url", target.hostname);
  return !trusted && isIpLiteral(target.hostname) ? refusalOfAddress(target.hostname, policy) : null;
}

/** A URL's part of the rule: the connection's, and no credentials in it. */
export function refusalOfUrl(url: string, policy: NetworkServerPolicy): ServerAddressRefused | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new ServerAddressRefused("invalid_url", url.slice(0, 200));
  }
  if (parsed.username || parsed.password || !parsed.hostname)
    return new ServerAddressRefused("invalid_url", parsed.host);
  return refusalOfTarget(parsed, policy);
}

/** The refusal behind an error, however deeply the libraries in between wrapped it (fetch, XRPC, OAuth). */
export function addressRefusalIn(error: unknown): ServerAddressRefused | null {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current; depth++) {
    if (current instanceof ServerAddressRefused) return current;
    if (current instanceof AggregateError)
      for (const inner of current.errors) {
        const found = addressRefusalIn(inner);
        if (found) return found;
      }
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}
