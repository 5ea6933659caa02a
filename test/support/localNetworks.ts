// The tests' network peers (the fake Mastodon server, the local AT Protocol network) run on this machine
// over plain http; draht reaches such servers only where the operator allows it. Tests that use them say
// so explicitly, with exactly these hosts.
import type { NetworkServerPolicy } from "../../src/domain/serverAddress.js";

export const LOCAL_PEER_HOSTS = ["127.0.0.1", "localhost"];

/** For a test app or context: the setting an operator of a local test network uses. */
export const LOCAL_NETWORK_ENV = { ALLOW_PRIVATE_NETWORK_SERVERS: LOCAL_PEER_HOSTS.join(",") };

/** For connectors made directly. */
export const LOCAL_NETWORK_SERVERS: NetworkServerPolicy = { trustedHosts: LOCAL_PEER_HOSTS };
