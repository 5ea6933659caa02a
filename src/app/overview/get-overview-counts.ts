// The counts next to the navigation's areas, asked again whenever the inbox's live stream reports a change:
// overdue conversations within reach, open moderation cases (and threats among them), posts this person may
// approve. The same rules as the start page's sections (they share the helpers), so badge and page agree.
import { inOrganisation, permittedActions } from "../../domain/policy.js";
import type { TOverviewCounts } from "../../contract/overview.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { countOverdue } from "./dueConversations.js";
import { countOpenCases } from "./moderationWork.js";
import { postsAwaitingApproval } from "./postsAwaitingApproval.js";

export async function getOverviewCounts(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string },
): Promise<TOverviewCounts> {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "org.view", inOrganisation(orgId));
  const now = ctx.clock();
  const actions = new Set(permittedActions(actor, now));
  const [overdue, cases, posts] = await Promise.all([
    actions.has("inbox.view") ? countOverdue(ctx, { actor, orgId, now }) : null,
    actions.has("moderation.view") ? countOpenCases(ctx, { actor, orgId }) : null,
    actions.has("post.approve") ? postsAwaitingApproval(ctx, { actor, orgId }) : null,
  ]);
  return {
    inboxOverdue: overdue,
    moderationOpen: cases?.open ?? null,
    moderationThreats: cases?.threats ?? null,
    postApprovals: posts?.length ?? null,
  };
}
