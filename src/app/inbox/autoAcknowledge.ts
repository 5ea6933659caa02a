// The automatic acknowledgement outside office hours: a question that arrives while nobody is on duty
// is answered at once with "Wir haben Ihre Nachricht erhalten … bis <due time>", once per waiting
// period. It is not an answer: the response-time clock keeps running. Held, hidden or flagged messages
// get none (an acknowledgement must never publish a held comment or greet an insult). On the website only
// the asking person sees it; on networks it is a reply others may see, so it goes there only where the
// organisation switched that on (acknowledgeOnNetworks).
import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { conversationReplies, conversations } from "../../db/schema/index.js";
import type { TInboundMessage } from "../../domain/inbound.js";
import { type TBusinessCalendar, acknowledgementText, isBusinessTime } from "../../domain/slaClock.js";
import type { Intent } from "../../text/analysis.js";
import { deliverWebsiteReply } from "./deliverReply.js";

export interface AcknowledgementCandidate {
  conversationId: string;
  acknowledgedAt: Date | null;
  waitingSince: Date | null;
  intent: Intent;
  dueAt: Date;
  network: string;
  last: TInboundMessage;
  lastFlagged: boolean;
}

export function needsAcknowledgement(
  c: AcknowledgementCandidate,
  rules: { calendar: TBusinessCalendar; onNetworks: boolean },
): boolean {
  const alreadyThisPeriod = c.acknowledgedAt !== null && c.waitingSince !== null && c.acknowledgedAt >= c.waitingSince;
  return (
    (c.network === "website" || rules.onNetworks) &&
    c.intent === "question" &&
    !alreadyThisPeriod &&
    !c.lastFlagged &&
    c.last.visibility === "visible" &&
    !isBusinessTime(rules.calendar, c.last.receivedAt)
  );
}

export async function acknowledgeOutsideOfficeHours(
  tx: Db | Tx,
  args: {
    orgId: string;
    candidates: readonly AcknowledgementCandidate[];
    calendar: TBusinessCalendar;
    /** Also on networks, where the acknowledgement is a reply others may see. */
    onNetworks: boolean;
    timeZone: string;
    now: Date;
    publicUrl: string;
  },
): Promise<number> {
  const due = args.candidates.filter((c) => needsAcknowledgement(c, args));
  if (due.length === 0) return 0;
  const replies = await tx
    .insert(conversationReplies)
    .values(
      due.map((c) => ({
        orgId: args.orgId,
        conversationId: c.conversationId,
        inReplyToExternalId: c.last.externalId,
        text: acknowledgementText(c.dueAt, args.timeZone),
        authorUserId: null,
        status: "queued" as const,
        automatic: true,
        createdAt: args.now,
      })),
    )
    .returning();
  await tx
    .update(conversations)
    .set({ acknowledgedAt: args.now })
    .where(
      inArray(
        conversations.id,
        due.map((c) => c.conversationId),
      ),
    );
  // The website answers here; other networks' acknowledgements are sent by the worker's reply round.
  for (const reply of replies) {
    if (due.find((c) => c.conversationId === reply.conversationId)?.network === "website")
      await deliverWebsiteReply(tx, { reply, now: args.now, publicUrl: args.publicUrl });
  }
  return due.length;
}
