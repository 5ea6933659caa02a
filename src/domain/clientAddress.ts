// What a client's address counts as for throttles and rate limits. An IPv6 connection usually gets a whole
// /64 network and can pick a new address in it for every request, so counting full IPv6 addresses would
// never hold anyone back: IPv6 counts by its /64 prefix, IPv4 by the address, and an IPv4-mapped IPv6
// address (::ffff:a.b.c.d, as a dual-stack socket reports IPv4 clients) as the IPv4 address it carries.
// Parsing is ipaddr.js's, not hand-written.
import ipaddr from "ipaddr.js";

/** The key a client address is counted under; a string that is no IP address stays as it is. */
export function throttleAddressOf(clientAddress: string): string {
  if (!ipaddr.isValid(clientAddress)) return clientAddress;
  const address = ipaddr.process(clientAddress);
  if (address.kind() === "ipv4") return address.toString();
  const network = new ipaddr.IPv6([...(address as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
