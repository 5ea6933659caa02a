// Periodic jobs of the worker process: each runs at start and then every interval; a failing run is
// logged and tried again at the next interval. Runs are idempotent, so several workers may run them.
import type { AppContext } from "../app/context.js";
import { checkGuidelineReviews } from "../app/guidelines/check-guideline-reviews.js";
import { checkArticleReviews } from "../app/knowledge/check-article-reviews.js";
import { refreshPlannerStatistics } from "../app/maintenance/refresh-planner-statistics.js";
import { applyWebsiteRetention } from "../app/website/apply-website-retention.js";
import { sendQueuedReplies } from "../app/inbox/deliverReply.js";
import { escalateConversations } from "../app/inbox/escalate-conversations.js";
import { remindDueSoon } from "../app/inbox/remind-due-soon.js";
import { warnIdleChannels } from "../app/inbox/warn-idle-channels.js";
import type { ConnectorRegistry } from "../domain/connector.js";
import { detectShitstorms } from "../app/moderation/detect-shitstorms.js";
import { createChannelStreams } from "../app/channels/channelStreams.js";
import { syncChannelInbound } from "../app/channels/sync-channel-inbound.js";
import { forgetOldWebhookEvents } from "../app/channels/receive-webhook.js";
import { forgetOldLoginFailures } from "../app/auth/passwordThrottle.js";
import { sendWeeklyReports } from "../app/reports/send-weekly-reports.js";
import { refreshPublicationCounters } from "../app/publishing/refresh-publication-counters.js";
import { indexMessages } from "../app/search/index-messages.js";
import { refreshDueFeeds } from "../app/feeds/refresh-feed.js";
import { deliverNotifications } from "../app/notifications/deliver-notifications.js";

export interface JobDeps {
  connectors: ConnectorRegistry;
}

export interface ScheduledJob {
  id: string;
  everyMs: number;
  run(ctx: AppContext, deps: JobDeps): Promise<unknown>;
}

export const SCHEDULED_JOBS: ScheduledJob[] = [
  { id: "guideline-review", everyMs: 3_600_000, run: checkGuidelineReviews },
  { id: "knowledge-review", everyMs: 3_600_000, run: checkArticleReviews },
  { id: "website-retention", everyMs: 3_600_000, run: applyWebsiteRetention },
  { id: "planner-statistics", everyMs: 6 * 3_600_000, run: refreshPlannerStatistics },
  { id: "inbox-escalation", everyMs: 60_000, run: (ctx) => escalateConversations(ctx) },
  { id: "inbox-due-soon", everyMs: 60_000, run: (ctx) => remindDueSoon(ctx) },
  { id: "inbox-replies", everyMs: 15_000, run: sendQueuedReplies },
  { id: "idle-channels", everyMs: 3_600_000, run: (ctx) => warnIdleChannels(ctx) },
  { id: "shitstorm-detection", everyMs: 60_000, run: (ctx) => detectShitstorms(ctx) },
  { id: "channel-inbound-sync", everyMs: 60_000, run: syncChannelInbound },
  { id: "login-throttle-cleanup", everyMs: 3_600_000, run: forgetOldLoginFailures },
  { id: "webhook-event-cleanup", everyMs: 3_600_000, run: (ctx) => forgetOldWebhookEvents(ctx) },
  // Due from Monday 07:00 in each organisation's zone; every 15 minutes, so it goes out soon after.
  { id: "weekly-report", everyMs: 15 * 60_000, run: (ctx) => sendWeeklyReports(ctx) },
  // Likes, reposts and replies of published items for the Veröffentlichung report (each item at its own pace).
  { id: "publication-counters", everyMs: 5 * 60_000, run: refreshPublicationCounters },
  // The one search's message index, off the ingestion path (the newest messages are searched directly).
  { id: "message-search-index", everyMs: 15_000, run: (ctx) => indexMessages(ctx) },
  // Subscribed feeds of other installations, each hourly (sooner after a refusal), verified before taken.
  { id: "knowledge-feeds", everyMs: 60_000, run: (ctx) => refreshDueFeeds(ctx) },
  // E-mail and Web Push of new notifications, by each person's choice and the coverage plan (held off duty).
  { id: "notification-delivery", everyMs: 15_000, run: (ctx) => deliverNotifications(ctx) },
];

/** The periodic jobs, and the live streams of network accounts (reconciled every 30 s). */
export function startScheduler(
  ctx: AppContext,
  deps: JobDeps,
  jobs: ScheduledJob[] = SCHEDULED_JOBS,
): { stop(): void } {
  const streams = createChannelStreams(ctx, deps);
  const all: ScheduledJob[] = [...jobs, { id: "channel-streams", everyMs: 30_000, run: () => streams.reconcile() }];
  const timers = all.map((job) => {
    // A run still going when the next is due is not joined by a second one (a slow mail server, a long batch).
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      await job
        .run(ctx, deps)
        .catch((error: unknown) => {
          ctx.log.error({ err: error, job: job.id }, "scheduled job failed");
        })
        .finally(() => {
          running = false;
        });
    };
    void run();
    const timer = setInterval(run, job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    stop: () => {
      timers.forEach(clearInterval);
      streams.stop();
    },
  };
}
