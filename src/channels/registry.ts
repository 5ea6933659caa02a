// The connectors draht knows, by network. Real networks register here through the same interface.
import type { Db } from "../db/client.js";
import { leaseLock } from "../db/queries/leaseLock.js";
import type { ConnectorRegistry } from "../domain/connector.js";
import { createBlueskyConnector } from "./bluesky/blueskyConnector.js";
import { createMastodonConnector } from "./mastodon/mastodonConnector.js";
import { createSandboxConnector } from "./sandbox/sandboxConnector.js";
import { createWebsiteConnector } from "./website/websiteConnector.js";

export type { ConnectorRegistry };

export interface RegistryDeps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
  /** AT Protocol identity: the PLC directory (default https://plc.directory) and whether plain-HTTP servers are allowed (local networks only). */
  atproto?: { plcDirectoryUrl?: string; allowHttp?: boolean };
}

export function createConnectorRegistry(deps: RegistryDeps): ConnectorRegistry {
  // Mastodon and Bluesky call their networks only for accounts an organisation has connected.
  const bluesky = createBlueskyConnector({ oauth: { ...deps.atproto, lock: leaseLock(deps.db) } });
  const connectors = [createWebsiteConnector(deps), createSandboxConnector(deps), createMastodonConnector(), bluesky];
  return new Map(connectors.map((c) => [c.network, c]));
}
