// Input schemas for guideline versions, shared with the HTTP routes.
import { z } from "zod";
import { ZGuidelineRules } from "../../domain/guidelineRules.js";

export const ZGuidelineInput = z.object({
  title: z.string().trim().min(2).max(200),
  document: z.string().max(200_000).default(""),
  rules: ZGuidelineRules,
  ownerUserId: z.uuid().nullable().default(null),
  reviewBy: z.iso.date(),
});
export type TGuidelineInput = z.input<typeof ZGuidelineInput>;
