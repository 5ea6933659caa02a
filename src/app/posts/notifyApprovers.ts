// "Freigabe wartet": when a post goes into review, or one approval step of several is given, the members who
// may give the next step hear of it — in-app, and by e-mail or push where they chose so. Who may is asked as
// decide-post asks it: the policy for the post's department and accounts, and checkApprover for the step
// (never the author, never twice).
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { memberships, userNotifications } from "../../db/schema/index.js";
import { authorize, scoped } from "../../domain/policy.js";
import { type ApprovalMode, checkApprover } from "../../domain/postWorkflow.js";
import { grantOfMembership } from "../../db/queries/grants.js";

export async function notifyApprovers(
  tx: Db,
  args: {
    post: { id: string; orgId: string; departmentId: string | null; authorUserId: string; approvalMode: ApprovalMode };
    channelAccountIds: readonly string[];
    approvals: readonly { userId: string; step: number }[];
    actorLabel: string;
    now: Date;
  },
): Promise<string[]> {
  const { post, now } = args;
  const members = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, post.orgId), isNull(memberships.disabledAt)));
  const resource = scoped({
    orgId: post.orgId,
    departmentId: post.departmentId,
    channelAccountIds: args.channelAccountIds,
  });
  const recipients: string[] = [];
  for (const membership of members) {
    if (!membership.roles.length) continue;
    const grant = await grantOfMembership(tx, membership);
    const actor = { userId: membership.userId, label: "", grant };
    if (!authorize({ actor, action: "post.approve", resource, now }).allowed) continue;
    const verdict = checkApprover({
      mode: post.approvalMode,
      approvals: args.approvals,
      authorUserId: post.authorUserId,
      approverUserId: membership.userId,
      approverRoles: grant.roles,
    });
    if (verdict.ok) recipients.push(membership.userId);
  }
  if (recipients.length)
    await tx.insert(userNotifications).values(
      recipients.map((userId) => ({
        orgId: post.orgId,
        userId,
        kind: "approval_waiting" as const,
        postId: post.id,
        actorLabel: args.actorLabel,
        createdAt: now,
      })),
    );
  return recipients;
}
