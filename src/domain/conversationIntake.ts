// What new citizen messages do to a conversation (Vorgang): its status, the intent that sets its
// response-time target, "asked again", when the answer is due, its place in the inbox, and for a new
// conversation where routing sends it. Pure: the calendar, rules, targets and now are parameters.
import type { Intent } from "../text/analysis.js";
import { type ConversationStatus, nextConversationStatus } from "./conversationLifecycle.js";
import { isAskedAgain } from "./repeatedQuestion.js";
import { type TResponseTarget, conversationPriority, moreUrgentIntent, targetFor } from "./responseTargets.js";
import { type RoutingDecision, type TRoutingRule, routeConversation } from "./routing.js";
import { type TBusinessCalendar, addBusinessTime } from "./slaClock.js";

export interface ConversationState {
  status: ConversationStatus;
  intent: Intent;
  askedAgain: boolean;
  flagged: boolean;
  firstMessageAt: Date;
  waitingSince: Date | null;
  lastMessageAt: Date;
  lastResponseAt: Date | null;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

export interface IncomingMessage {
  text: string;
  receivedAt: Date;
  intent: Intent;
  sentiment: number;
  flagged: boolean;
}

export interface IntakeRules {
  calendar: TBusinessCalendar;
  targets: readonly TResponseTarget[];
  routing: readonly TRoutingRule[];
  repeatWindowMs: number;
}

export interface IntakeResult extends ConversationState {
  sentiment: number;
  priority: number;
  /** Only for a conversation that did not exist before. */
  route: RoutingDecision | null;
  /** This intake made it "asked again" (it was not before). */
  newlyAskedAgain: boolean;
}

export function takeIn(args: {
  /** null: the conversation is new. */
  state: ConversationState | null;
  channelAccountId: string;
  accountDepartmentId: string | null;
  /** The citizen's earlier messages in it since the last answer. */
  unanswered: readonly { text: string; receivedAt: Date }[];
  /** The new messages, oldest first (at least one). */
  messages: readonly IncomingMessage[];
  rules: IntakeRules;
  now: Date;
}): IntakeResult {
  const [first] = args.messages;
  const last = args.messages[args.messages.length - 1];
  if (!first || !last) throw new Error("takeIn needs at least one message");
  const prior = args.state;
  const wasWaiting = prior?.waitingSince != null;
  let intent: Intent = wasWaiting && prior ? prior.intent : first.intent;
  let askedAgain = prior?.askedAgain ?? false;
  const earlier = args.unanswered.map((m) => ({ ...m, answered: false }));
  for (const message of args.messages) {
    intent = moreUrgentIntent(intent, message.intent);
    if (isAskedAgain({ earlier, text: message.text, at: message.receivedAt, windowMs: args.rules.repeatWindowMs }))
      askedAgain = true;
    earlier.push({ text: message.text, receivedAt: message.receivedAt, answered: false });
  }
  const waitingSince = prior?.waitingSince ?? first.receivedAt;
  const reopened = prior?.status === "closed";
  const status: ConversationStatus = prior
    ? (nextConversationStatus(prior.status, "citizen_wrote") ?? prior.status)
    : "new";
  const target = targetFor(args.rules.targets, { channelAccountId: args.channelAccountId, intent });
  const responseDueAt = addBusinessTime(args.rules.calendar, waitingSince, target.firstResponseMinutes * 60_000);
  const resolutionStart = !prior || reopened ? first.receivedAt : null;
  const resolutionDueAt =
    resolutionStart && target.resolutionMinutes !== null
      ? addBusinessTime(args.rules.calendar, resolutionStart, target.resolutionMinutes * 60_000)
      : (prior?.resolutionDueAt ?? null);
  const route = prior
    ? null
    : routeConversation(
        args.rules.routing,
        { channelAccountId: args.channelAccountId, text: first.text, intent: first.intent },
        args.accountDepartmentId,
      );
  return {
    status,
    intent,
    askedAgain,
    newlyAskedAgain: askedAgain && !(prior?.askedAgain ?? false),
    flagged: (prior?.flagged ?? false) || args.messages.some((m) => m.flagged),
    sentiment: last.sentiment,
    firstMessageAt: prior?.firstMessageAt ?? first.receivedAt,
    waitingSince,
    lastMessageAt: prior && prior.lastMessageAt > last.receivedAt ? prior.lastMessageAt : last.receivedAt,
    lastResponseAt: prior?.lastResponseAt ?? null,
    responseDueAt,
    resolutionDueAt,
    priority: conversationPriority({ intent, overdue: responseDueAt <= args.now, askedAgain, waiting: true }),
    route,
  };
}
