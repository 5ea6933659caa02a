// What every part of the connector port speaks of (connector.ts re-exports it): the account a call is for, and a
// citizen's item as it changed on the network.
import type { TInboundMessageInput } from "./inbound.js";

export interface ConnectorAccount {
  id: string;
  orgId: string;
  settings: Record<string, unknown>;
  /** The account's credentials, opened from the vault for this call (each connector parses its own shape). */
  credentials?: unknown;
  /**
   * Keeps credentials the network renewed during the call (AT Protocol OAuth rotates its refresh token on
   * every refresh: the old one is spent, so the new one must be stored before it is needed again).
   */
  renewCredentials?(credentials: unknown): Promise<void>;
  /** The account's credentials as stored now (another process may have renewed them since this call began). */
  storedCredentials?(): Promise<unknown>;
}

export interface InboundChange {
  change: "new" | "edited" | "deleted";
  message: Omit<TInboundMessageInput, "channelAccountId">;
}
