// The active guideline of an organisation, and whether a person has acknowledged it.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { guidelineAcknowledgements, guidelines } from "../schema/index.js";

export async function activeGuideline(db: Db, orgId: string) {
  const [row] = await db
    .select()
    .from(guidelines)
    .where(and(eq(guidelines.orgId, orgId), eq(guidelines.status, "active")));
  return row ?? null;
}

export async function hasAcknowledged(db: Db, args: { guidelineId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ at: guidelineAcknowledgements.acknowledgedAt })
    .from(guidelineAcknowledgements)
    .where(
      and(
        eq(guidelineAcknowledgements.guidelineId, args.guidelineId),
        eq(guidelineAcknowledgements.userId, args.userId),
      ),
    );
  return row !== undefined;
}
