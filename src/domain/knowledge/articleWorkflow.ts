// A knowledge article's life: draft → in review → published → archived, what may follow what, and what an
// article must hold. Pure: dates are parameters.
import { z } from "zod";

export const ARTICLE_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * The steps a person takes. "submit" asks colleagues to review; "publish" makes it available to everyone who
 * answers (suggestions, search) — from a draft too, since a department may keep its own articles without a
 * second look; "return" sends a reviewed article back to its authors; "archive" takes it out of use (its
 * versions and uses are kept); "restore" makes an archived article a draft again.
 */
export const ARTICLE_STEPS = ["submit", "publish", "return", "archive", "restore"] as const;
export type ArticleStep = (typeof ARTICLE_STEPS)[number];

const NEXT: Record<ArticleStep, { from: readonly ArticleStatus[]; to: ArticleStatus }> = {
  submit: { from: ["draft"], to: "in_review" },
  publish: { from: ["draft", "in_review"], to: "published" },
  return: { from: ["in_review"], to: "draft" },
  archive: { from: ["draft", "in_review", "published"], to: "archived" },
  restore: { from: ["archived"], to: "draft" },
};

/** The status after a step, or null when the step does not follow from the status. */
export function statusAfter(status: ArticleStatus, step: ArticleStep): ArticleStatus | null {
  const rule = NEXT[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** Steps open from a status (the buttons shown). */
export function stepsFrom(status: ArticleStatus): ArticleStep[] {
  return ARTICLE_STEPS.filter((step) => statusAfter(status, step) !== null);
}

const ZDay = z.iso.date();
const ZTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((tag) => tag.toLocaleLowerCase("de-DE"));

/** An article as written (new or a new version of an existing one). */
export const ZArticleInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(100_000),
  departmentId: z.uuid().nullable().default(null),
  /** Accountable person; null: the author. */
  ownerUserId: z.uuid().nullable().default(null),
  tags: z
    .array(ZTag)
    .max(20)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  validUntil: ZDay.nullable().default(null),
  reviewBy: ZDay,
  /** What was changed, for the version history (optional). */
  note: z.string().trim().max(500).nullable().default(null),
});
export type TArticleInput = z.infer<typeof ZArticleInput>;

/** The media library files an article shows: `![…](media:<uuid>)`. */
export function mediaIdsIn(body: string): string[] {
  const ids = [...body.matchAll(/!\[[^\]]*\]\(media:([0-9a-f-]{36})\)/gi)].map((m) => (m[1] ?? "").toLowerCase());
  return [...new Set(ids)];
}
