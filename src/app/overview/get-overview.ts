// The start page (Übersicht): what needs the signed-in person now. Each section only where their role allows
// its area (the policy's actions in the organisation) and only what their scope reaches (each helper uses the
// same SQL rule as the area's own list); a section that is not theirs is null, not empty.
import { inOrganisation, permittedActions } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import type { TOverview } from "../../contract/overview.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import { unreadNotifications } from "../inbox/notifications.js";
import type { AppContext } from "../context.js";
import { channelProblems } from "./channelProblems.js";
import { dueConversations } from "./dueConversations.js";
import { guidelineDue } from "./guidelineDue.js";
import { moderationWork, openAlerts } from "./moderationWork.js";
import { postsAwaitingApproval } from "./postsAwaitingApproval.js";
import { repliesAwaitingApproval } from "./repliesAwaitingApproval.js";

/** How many items each section lists; the counts are complete. */
export const OVERVIEW_ITEMS = 5;

export async function getOverview(ctx: AppContext, options: { actor: OrgActor; orgId: string }): Promise<TOverview> {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "org.view", inOrganisation(orgId));
  const now = ctx.clock();
  const actions = new Set(permittedActions(actor, now));
  const may = (action: Action) => actions.has(action);
  const when = <T>(allowed: boolean, load: () => Promise<T>): Promise<T | null> =>
    allowed ? load() : Promise.resolve(null);
  const base = { actor, orgId, now, limit: OVERVIEW_ITEMS };
  const userId = actor.userId;
  const [mine, team, posts, replies, moderation, alerts, channels, guideline, notifications] = await Promise.all([
    when(may("inbox.view") && userId !== null, () => dueConversations(ctx, { ...base, assigneeUserId: userId ?? "" })),
    when(may("inbox.view"), () => dueConversations(ctx, base)),
    when(may("post.approve"), () => postsAwaitingApproval(ctx, base)),
    when(may("post.approve") && may("inbox.view"), () => repliesAwaitingApproval(ctx, base)),
    when(may("moderation.view"), () => moderationWork(ctx, base)),
    when(may("moderation.view"), () => openAlerts(ctx, base)),
    when(may("channel.view"), () => channelProblems(ctx, base)),
    when(may("guideline.view"), () => guidelineDue(ctx, { ...base, managesGuidelines: may("guideline.manage") })),
    // Without the inbox a person's only notifications are weekly reports (a mention or an assignment would show
    // a citizen's name to someone who may not read it): the section shows when one is there.
    when((may("inbox.view") || may("reports.view")) && userId !== null, () =>
      unreadNotifications(ctx, { ...base, onlyKind: may("inbox.view") ? undefined : "weekly_report" }),
    ),
  ]);
  return {
    now,
    mine,
    team: team && { ...team, scope: actor.grant?.departmentIds === null ? "organisation" : "departments" },
    postApprovals: posts && { count: posts.length, items: posts.slice(0, OVERVIEW_ITEMS) },
    replyApprovals: replies,
    moderation,
    alerts,
    channels: channels && { ...channels, items: channels.items.slice(0, OVERVIEW_ITEMS) },
    guideline,
    notifications: notifications && (may("inbox.view") || notifications.count > 0) ? notifications : null,
  };
}
