// Input schemas for department use cases (shared with the HTTP routes).
import { z } from "zod";

export const ZDepartmentInput = z.object({
  name: z.string().trim().min(2).max(120),
  shortName: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type TDepartmentInput = z.input<typeof ZDepartmentInput>;
