// Input schemas for the media library, shared with the HTTP routes.
import { z } from "zod";

export const ZMediaDetails = z.object({
  altText: z.string().trim().max(1500).nullable().optional(),
  hasCaptions: z.boolean().optional(),
  hasTranscript: z.boolean().optional(),
  rightsHolder: z.string().trim().max(200).optional(),
  licence: z.string().trim().max(200).optional(),
  consent: z.enum(["not_needed", "obtained", "missing"]).optional(),
  consentNote: z.string().trim().max(1000).optional(),
});
export type TMediaDetails = z.input<typeof ZMediaDetails>;

export const ZUploadMeta = ZMediaDetails.extend({
  fileName: z.string().trim().min(1).max(200),
  /** The department whose file it is; none: the whole organisation's. */
  departmentId: z.uuid().nullable().default(null),
});
