// The connectors draht knows, by network. Real networks register here through the same interface.
import type { Db } from "../db/client.js";
import type { ConnectorRegistry } from "../domain/connector.js";
import { createBlueskyConnector } from "./bluesky/blueskyConnector.js";
import { createMastodonConnector } from "./mastodon/mastodonConnector.js";
import { createSandboxConnector } from "./sandbox/sandboxConnector.js";
import { createWebsiteConnector } from "./website/websiteConnector.js";

export type { ConnectorRegistry };

export function createConnectorRegistry(deps: { db: Db; clock: () => Date; publicUrl: string }): ConnectorRegistry {
  // Mastodon and Bluesky call their networks only for accounts an organisation has connected.
  const connectors = [createWebsiteConnector(deps), createSandboxConnector(deps), createMastodonConnector(), createBlueskyConnector()];
  return new Map(connectors.map((c) => [c.network, c]));
}
