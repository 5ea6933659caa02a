// The operator exports an organisation's labelled examples (`draht export-decisions`): per line the text
// (mentions and e-mail addresses masked), the moderators' label, when it was given, and the analyser with its
// threat score at the time — nothing about who wrote or decided it. Oldest first, optionally from a time
// on; read in pages from one snapshot, so a long export neither holds everything in memory nor sees a label
// twice when a moderator replaces it meanwhile. The export is recorded in the organisation's audit trail.
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { organisations, threatLabels } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type TLabelledExample, ZLabelledExample, withoutAddresses } from "../../domain/moderation/threatLabels.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";

const PAGE = 500;

export const ZExportThreatLabels = z.object({
  orgSlug: z.string().trim().min(1),
  /** From this time on: a date (its start in the organisation's time zone) or a date and time with offset. */
  since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "expected a date (2026-11-01) or a time with offset (2026-11-01T08:00:00+01:00)",
    })
    .optional(),
});

type LabelRow = Pick<
  typeof threatLabels.$inferSelect,
  "id" | "text" | "label" | "decidedAt" | "analyser" | "threatScore"
>;

function exampleOf(row: LabelRow): TLabelledExample {
  // Parsed, so a field added to the row later can never slip into the file.
  return ZLabelledExample.parse({
    text: withoutAddresses(row.text),
    label: row.label,
    decidedAt: row.decidedAt.toISOString(),
    analyser: row.analyser,
    threatScore: row.threatScore,
  });
}

export async function exportThreatLabels(
  ctx: AppContext,
  options: {
    actor: Principal;
    input: unknown;
    write(example: TLabelledExample): Promise<void> | void;
    /** Rows read per query (tests page through a few). */
    pageSize?: number;
  },
): Promise<{ orgId: string; since: Date | null; count: number }> {
  const input = ZExportThreatLabels.parse(options.input);
  const [org] = await ctx.db
    .select({ id: organisations.id, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.slug, input.orgSlug));
  if (!org)
    throw new AppError("NOT_FOUND", {
      userMessage: `No organisation with slug "${input.orgSlug}" (draht org list shows them).`,
    });
  const since = !input.since
    ? null
    : input.since.length === 10
      ? new Date(epochOfWallClock(input.since, "00:00", org.timeZone))
      : new Date(input.since);
  const pageSize = options.pageSize ?? PAGE;
  let count = 0;
  await ctx.db.transaction(
    async (tx) => {
      let after: LabelRow | undefined;
      for (;;) {
        const page = await tx
          .select({
            id: threatLabels.id,
            text: threatLabels.text,
            label: threatLabels.label,
            decidedAt: threatLabels.decidedAt,
            analyser: threatLabels.analyser,
            threatScore: threatLabels.threatScore,
          })
          .from(threatLabels)
          .where(
            and(
              eq(threatLabels.orgId, org.id),
              since ? gte(threatLabels.decidedAt, since) : undefined,
              after
                ? sql`(${threatLabels.decidedAt}, ${threatLabels.id}) > (${after.decidedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
                : undefined,
            ),
          )
          .orderBy(asc(threatLabels.decidedAt), asc(threatLabels.id))
          .limit(pageSize);
        for (const row of page) {
          await options.write(exampleOf(row));
          count++;
        }
        after = page.at(-1);
        if (page.length < pageSize) break;
      }
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  await ctx.db.transaction((tx) =>
    appendAuditEvent(tx, {
      orgId: org.id,
      actor: options.actor,
      action: "moderation.labels_exported",
      target: { type: "organisation", id: org.id },
      data: { count, since: since?.toISOString() ?? null },
      occurredAt: ctx.clock(),
    }),
  );
  return { orgId: org.id, since, count };
}
