// Input schemas for campaigns, shared with the HTTP routes.
import { z } from "zod";

export const ZCampaignTemplate = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(5000),
});

export const ZCampaignInput = z
  .object({
    name: z.string().trim().min(2).max(120),
    hashtag: z.string().regex(/^#[\p{L}\p{N}_]+$/u, "a hashtag starts with # and has letters or digits"),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    departmentId: z.uuid().nullable().default(null),
    participantIds: z.array(z.uuid()).max(500).default([]),
    templates: z.array(ZCampaignTemplate).max(200).default([]),
  })
  .refine((c) => Date.parse(c.startsAt) < Date.parse(c.endsAt), {
    message: "the campaign must end after it starts",
    path: ["endsAt"],
  })
  .refine((c) => new Set(c.templates.map((t) => t.id)).size === c.templates.length, {
    message: "template ids must be unique",
    path: ["templates"],
  });
export type TCampaignInput = z.input<typeof ZCampaignInput>;
