// A notification's sentence, for the inbox's list and the start page alike: who or what it is about (the
// conversation's citizen, who caused it, the feed and why it was refused) filled into the kind's words.
import type { TFunction } from "i18next";
import type { Describer } from "../../../../src/domain/words/describe";
import type { FeedProblem } from "../../api/feeds";

export interface NoticeFacts {
  kind: string;
  citizenName: string | null;
  actorLabel: string;
  feed: { title: string; problem: FeedProblem | null } | null;
}

export function notificationText(t: TFunction, words: Describer, n: NoticeFacts): string {
  return t(`inbox.notifications.${n.kind}`, {
    name: n.citizenName ?? "",
    actor: words.actor(n.actorLabel),
    feed: n.feed?.title ?? "",
    problem: n.feed?.problem ? t(`feeds.problemShort.${n.feed.problem}`) : "",
  });
}
