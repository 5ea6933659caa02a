// Reply templates (Textbausteine) with placeholders: {{name}} of the citizen, {{organisation}},
// {{bearbeiter}} (who answers), {{abteilung}} and {{datum}}. Unknown placeholders are refused when a
// template is saved, so a reply never goes out with "{{…}}" in it. Pure.
import { z } from "zod";

export const PLACEHOLDERS = ["name", "organisation", "bearbeiter", "abteilung", "datum"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function placeholdersIn(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? "");
}

export const ZReplyTemplate = z.object({
  title: z.string().trim().min(1).max(120),
  body: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .refine((body) => placeholdersIn(body).every((p) => (PLACEHOLDERS as readonly string[]).includes(p)), {
      message: `unknown placeholder; allowed: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
    }),
  departmentId: z.uuid().nullable().default(null),
  /** Short words to find the template by (e.g. "kita", "sperrmüll"). */
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** The knowledge article the template cites (its use is counted when an answer built on it is sent). */
  articleId: z.uuid().nullable().default(null),
});
export type TReplyTemplate = z.infer<typeof ZReplyTemplate>;

export function fillTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}
