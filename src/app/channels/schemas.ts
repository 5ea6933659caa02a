// Input schemas for channel accounts, shared with the HTTP routes.
import { z } from "zod";
import { EMULATED_NETWORKS, NETWORKS } from "../../domain/networks.js";
import { APPROVAL_MODES } from "../../domain/postWorkflow.js";
import { ZWeeklyWindow } from "../../domain/schedule.js";

const ZMode = z.enum(APPROVAL_MODES);

export const ZChannelAccountInput = z.object({
  name: z.string().trim().min(2).max(120),
  network: z.enum(NETWORKS),
  emulates: z.enum(EMULATED_NETWORKS).nullable().default(null),
  departmentId: z.uuid().nullable().default(null),
  accountableUserId: z.uuid().nullable().default(null),
  postingWindows: z.array(ZWeeklyWindow).max(20).default([]),
  limits: z
    .object({
      maxLength: z.number().int().min(1).max(100_000).optional(),
      maxMedia: z.number().int().min(0).max(20).optional(),
      maxHashtags: z.number().int().min(0).max(100).optional(),
    })
    .default({}),
  approval: z
    .object({
      post: ZMode.default("single"),
      campaign_template: ZMode.default("none"),
      campaign_free: ZMode.default("single"),
    })
    .default({ post: "single", campaign_template: "none", campaign_free: "single" }),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type TChannelAccountInput = z.input<typeof ZChannelAccountInput>;

// Without defaults: a field left out stays as it is.
const shape = ZChannelAccountInput.shape;
export const ZChannelAccountUpdate = z.object({
  name: shape.name.optional(),
  emulates: z.enum(EMULATED_NETWORKS).nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  accountableUserId: z.uuid().nullable().optional(),
  postingWindows: z.array(ZWeeklyWindow).max(20).optional(),
  limits: shape.limits.unwrap().optional(),
  approval: shape.approval.unwrap().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
});
export type TChannelAccountUpdate = z.input<typeof ZChannelAccountUpdate>;
