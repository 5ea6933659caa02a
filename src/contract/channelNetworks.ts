// Contract of the networks an organisation turns on itself: those that make it a joint controller with the network
// (Facebook pages and Instagram with Meta, Art. 26 DSGVO), off until an administrator turns them on.
import { z } from "zod";
import { JOINT_CONTROL_NETWORKS } from "../domain/jointControl.js";
import { ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

export const ZNetworkEnablement = z
  .object({
    network: z.enum(JOINT_CONTROL_NETWORKS),
    enabled: z.boolean(),
    enabledAt: ZTimestamp.nullable(),
    /** Who turned it on (null when off, or when that person's account is gone). */
    enabledByName: z.string().nullable(),
  })
  .meta({ id: "NetworkEnablement" });

const tag = "Channels";

export const channelNetworksContract = {
  "GET /api/orgs/:orgId/channel-networks": {
    tag,
    summary: "The networks of joint controllership (Art. 26 DSGVO) and whether the organisation turned each on",
    params: ZOrgParams,
    responses: { 200: z.object({ networks: z.array(ZNetworkEnablement) }) },
  },
  "PUT /api/orgs/:orgId/channel-networks/:network": {
    tag,
    summary: "Turn such a network on or off (administrators; off only when none of its accounts is connected)",
    params: ZOrgParams.extend({ network: z.enum(JOINT_CONTROL_NETWORKS) }),
    body: z.object({ enabled: z.boolean() }),
    responses: { 200: ZNetworkEnablement },
  },
} as const satisfies ContractGroup;
