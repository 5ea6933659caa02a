// A response report's sums, one row per period and grouping, whether read from the rollups
// (responseRollupSums.ts) or summed from the chosen conversations of a campaign or post (responseByPost.ts).
import type { ResolutionTally, ResponseTally } from "../../domain/reports/responseHistogram.js";

export type SumGrouping = "all" | "step" | "channel" | "department" | "person";

export interface SummedResponseRow {
  /** In the period asked for (else in the one before). */
  current: boolean;
  by: SumGrouping;
  /** The step's first day, the channel account, department or person; null for "all" (and no department/person). */
  key: string | null;
  answers: ResponseTally;
  resolution: ResolutionTally;
}
