// Who hears about a channel account's problems: the person accountable for it, else the people
// responsible for it in the coverage plan.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { coverageAssignments } from "../../db/schema/index.js";

export async function accountablePeople(
  tx: Db | Tx,
  account: { channelAccountId: string; accountableUserId: string | null },
): Promise<string[]> {
  if (account.accountableUserId) return [account.accountableUserId];
  const rows = await tx
    .select({ userId: coverageAssignments.userId })
    .from(coverageAssignments)
    .where(
      and(
        eq(coverageAssignments.channelAccountId, account.channelAccountId),
        eq(coverageAssignments.role, "responsible"),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}
