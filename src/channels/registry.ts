// The connectors draht knows, by network. Real networks register here through the same interface.
import type { Db } from "../db/client.js";
import { leaseLock } from "../db/queries/leaseLock.js";
import { sendJournal } from "../db/queries/networkSends.js";
import type { ConnectorRegistry } from "../domain/connector.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../domain/serverAddress.js";
import { createBlueskyConnector } from "./bluesky/blueskyConnector.js";
import { createEmailConnector } from "./email/emailConnector.js";
import { createFacebookConnector } from "./facebook/facebookConnector.js";
import { createInstagramConnector } from "./instagram/instagramConnector.js";
import { createMastodonConnector } from "./mastodon/mastodonConnector.js";
import type { MetaApp } from "./meta/facebookLogin.js";
import { createSandboxConnector } from "./sandbox/sandboxConnector.js";
import { createTelegramConnector } from "./telegram/telegramConnector.js";
import { createWebsiteConnector } from "./website/websiteConnector.js";
import { createWhatsAppConnector } from "./whatsapp/whatsappConnector.js";
import { createXConnector } from "./x/xConnector.js";

export type { ConnectorRegistry };

export interface RegistryDeps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
  /** AT Protocol identity: the PLC directory (default https://plc.directory). */
  atproto?: { plcDirectoryUrl?: string };
  /** Which network servers the connectors may reach (default: https to public addresses only). */
  networkServers?: NetworkServerAccess;
  /** draht's app at Meta (Facebook pages, Instagram); null or absent: those accounts cannot be connected. */
  meta?: MetaApp | null;
  /** draht's app at X (X_CLIENT_ID / X_CLIENT_SECRET): X registers no OAuth clients on the fly. */
  x?: { clientId: string; clientSecret: string };
}

export function createConnectorRegistry(deps: RegistryDeps): ConnectorRegistry {
  // Mastodon and Bluesky call their networks only for accounts an organisation has connected.
  // Every request they make passes the address rule (net/guardedFetch.ts).
  const networkServers = deps.networkServers ?? STRICT_POLICY;
  const bluesky = createBlueskyConnector({ networkServers, oauth: { ...deps.atproto, lock: leaseLock(deps.db) } });
  const mastodon = createMastodonConnector({ networkServers });
  const email = createEmailConnector({ networkServers, clock: deps.clock });
  const telegram = createTelegramConnector({ networkServers, journal: sendJournal(deps.db, deps.clock) });
  const connectors = [createWebsiteConnector(deps), createSandboxConnector(deps), mastodon, bluesky, email, telegram];
  // WhatsApp Business (Cloud API): webhook in, Graph API out.
  connectors.push(createWhatsAppConnector({ networkServers, clock: deps.clock }));
  // Facebook pages: Graph API out, Meta's page webhook and polling in.
  connectors.push(
    createFacebookConnector({
      networkServers,
      clock: deps.clock,
      journal: sendJournal(deps.db, deps.clock),
      meta: deps.meta ?? null,
    }),
  );
  // Instagram (professional account through its Facebook page): Graph API, webhook and polling in; no idempotency
  // key at Meta, so its sends go into draht's journal.
  connectors.push(
    createInstagramConnector({
      networkServers,
      clock: deps.clock,
      journal: sendJournal(deps.db, deps.clock),
      meta: deps.meta ?? null,
    }),
  );
  // X (API v2): OAuth 2.0 with rotating refresh tokens (renewed under a lock), a send journal like Telegram's.
  connectors.push(
    createXConnector({
      networkServers,
      clock: deps.clock,
      app: deps.x,
      journal: sendJournal(deps.db, deps.clock),
      lock: leaseLock(deps.db),
    }),
  );
  return new Map(connectors.map((c) => [c.network, c]));
}
