// API calls for connecting channel accounts to their networks and for their health.
import { call } from "./client";

export interface SyncHealth {
  status: "never_synced" | "ok" | "warning" | "needs_reconnect" | "disconnected";
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorKind: string | null;
  lastErrorMessage: string | null;
  consecutiveFailures: number;
  rateLimitRemaining: number | null;
  rateLimitResetAt: string | null;
  nextSyncAt: string | null;
  itemsReceived: number;
}

export interface ChannelConnection {
  channelAccountId: string;
  network: string;
  /** How the account can be connected, preferred first; empty = nothing to connect. */
  connectMethods: ("oauth" | "app_password")[];
  serverUrl: string | null;
  /** The server's own limits, learnt when connecting (Mastodon instances). */
  serverLimits: { maxLength?: number; maxMedia?: number; linkLength?: number; maxPollOptions?: number };
  connected: boolean;
  remoteHandle: string | null;
  remoteUrl: string | null;
  connectedAt: string | null;
  sync: SyncHealth | null;
}

const org = (orgId: string) => `/api/orgs/${orgId}`;

export const connectionsApi = {
  list: (orgId: string) => call<{ connections: ChannelConnection[] }>("GET", `${org(orgId)}/channel-connections`),
  beginOAuth: (orgId: string, accountId: string) =>
    call<{ authoriseUrl: string }>("POST", `${org(orgId)}/channels/${accountId}/connection/oauth`),
  appPassword: (orgId: string, accountId: string, input: { identifier: string; password: string }) =>
    call<{ handle: string }>("POST", `${org(orgId)}/channels/${accountId}/connection/app-password`, input),
  disconnect: (orgId: string, accountId: string) =>
    call<{ revoked: boolean }>("DELETE", `${org(orgId)}/channels/${accountId}/connection`),
  syncNow: (orgId: string, accountId: string) =>
    call<{ outcome: { status: string; received: number; error?: string } | null }>(
      "POST",
      `${org(orgId)}/channels/${accountId}/connection/sync`,
    ),
};
