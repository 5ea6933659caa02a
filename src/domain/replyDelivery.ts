// What a network reports about a sent reply only moves forward: WhatsApp sends "delivered" and "read" (and may
// send them out of order, or twice); a report never takes back a later one. "failed" (not deliverable) outranks
// both, since a failed message is not delivered afterwards.
export const REPLY_DELIVERY_STATUSES = ["delivered", "read", "failed"] as const;
export type TReplyDeliveryStatus = (typeof REPLY_DELIVERY_STATUSES)[number];

const RANK: Record<TReplyDeliveryStatus, number> = { delivered: 1, read: 2, failed: 3 };

/** Whether a report changes what is recorded (null: nothing recorded yet). */
export function advancesDelivery(current: TReplyDeliveryStatus | null, next: TReplyDeliveryStatus): boolean {
  return current === null || RANK[next] > RANK[current];
}

/** The ranks as SQL can compare them (the order above). */
export const DELIVERY_RANK = RANK;
