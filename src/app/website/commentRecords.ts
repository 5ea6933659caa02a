// Loading a website comment for staff, with the channel account and department it belongs to, so the
// policy can decide per account.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, websiteComments, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";

export async function loadCommentForStaff(tx: Db | Tx, args: { orgId: string; commentId: string }) {
  const [row] = await tx
    .select({ comment: websiteComments, entry: websiteEntries, account: { id: channelAccounts.id, departmentId: channelAccounts.departmentId } })
    .from(websiteComments)
    .innerJoin(websiteEntries, eq(websiteEntries.id, websiteComments.entryId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, websiteEntries.channelAccountId))
    .where(and(eq(websiteComments.id, args.commentId), eq(websiteComments.orgId, args.orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
