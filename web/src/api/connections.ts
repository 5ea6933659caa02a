// API calls for connecting channel accounts to their networks and for their health. Shapes come from the
// server's contract.
import type { ZChannelConnection } from "@contract/channels";
import type { ZNetworkEnablement } from "@contract/channelNetworks";
import type { Wire } from "@contract/route";
import { call } from "./client";

export type ChannelConnection = Wire<typeof ZChannelConnection>;
export type NetworkEnablement = Wire<typeof ZNetworkEnablement>;
export type SyncHealth = NonNullable<ChannelConnection["sync"]>;

type ChannelParams = { orgId: string; channelAccountId: string };
const channel = (orgId: string, channelAccountId: string): { params: ChannelParams } => ({
  params: { orgId, channelAccountId },
});

export const connectionsApi = {
  list: (orgId: string, options?: { signal?: AbortSignal }) =>
    call("GET /api/orgs/:orgId/channel-connections", { params: { orgId } }, options),
  beginOAuth: (orgId: string, accountId: string) =>
    call("POST /api/orgs/:orgId/channels/:channelAccountId/connection/oauth", channel(orgId, accountId)),
  appPassword: (orgId: string, accountId: string, input: { identifier: string; password: string }) =>
    call("POST /api/orgs/:orgId/channels/:channelAccountId/connection/app-password", {
      ...channel(orgId, accountId),
      body: input,
    }),
  disconnect: (orgId: string, accountId: string) =>
    call("DELETE /api/orgs/:orgId/channels/:channelAccountId/connection", channel(orgId, accountId)),
  setUpWebhook: (orgId: string, accountId: string, input: { secret?: string }) =>
    call("PUT /api/orgs/:orgId/channels/:channelAccountId/webhook", { ...channel(orgId, accountId), body: input }),
  removeWebhook: (orgId: string, accountId: string) =>
    call("DELETE /api/orgs/:orgId/channels/:channelAccountId/webhook", channel(orgId, accountId)),
  /** The networks of joint controllership (Facebook, Instagram) and whether the organisation turned each on. */
  networks: (orgId: string, options?: { signal?: AbortSignal }) =>
    call("GET /api/orgs/:orgId/channel-networks", { params: { orgId } }, options),
  switchNetwork: (orgId: string, network: NetworkEnablement["network"], enabled: boolean) =>
    call("PUT /api/orgs/:orgId/channel-networks/:network", { params: { orgId, network }, body: { enabled } }),
  syncNow: (orgId: string, accountId: string) =>
    call("POST /api/orgs/:orgId/channels/:channelAccountId/connection/sync", channel(orgId, accountId)),
};
