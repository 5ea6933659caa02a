// The connectors draht knows, by network. Real networks register here through the same interface.
import type { Db } from "../db/client.js";
import type { ConnectorRegistry } from "../domain/connector.js";
import { createSandboxConnector } from "./sandbox/sandboxConnector.js";
import { createWebsiteConnector } from "./website/websiteConnector.js";

export type { ConnectorRegistry };

export function createConnectorRegistry(deps: { db: Db; clock: () => Date; publicUrl: string }): ConnectorRegistry {
  const connectors = [createWebsiteConnector(deps), createSandboxConnector(deps)];
  return new Map(connectors.map((c) => [c.network, c]));
}
