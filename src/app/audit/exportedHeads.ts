// The file `draht audit export-head` writes and `draht audit verify --head` reads: the position of
// each chain at export time, with an HMAC under the audit key. Kept outside the database, it shows
// whether the newest events were deleted later (which the chain alone cannot show).
import { z } from "zod";

const ZHash = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256/HMAC-SHA256 hex digest");

export const ZExportedHeads = z.object({
  format: z.literal("draht-audit-heads/1"),
  exportedAt: z.iso.datetime(),
  heads: z.array(z.object({ chainId: z.string().min(1), seq: z.number().int().min(1), hash: ZHash })),
  mac: ZHash,
});
export type TExportedHeads = z.infer<typeof ZExportedHeads>;
