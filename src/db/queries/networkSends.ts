// The journal of sends to networks that keep no idempotency key (schema: network_sends): a connector records
// each item the moment the network answers and looks it up by key when recovering an interrupted attempt.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { networkSends } from "../schema/index.js";

export interface SendJournal {
  record(args: { accountId: string; idempotencyKey: string; externalId: string; url: string | null }): Promise<void>;
  find(args: { accountId: string; idempotencyKey: string }): Promise<{ externalId: string; url: string | null } | null>;
}

export function sendJournal(db: Db, clock: () => Date = () => new Date()): SendJournal {
  return {
    async record(args) {
      // The first record of a key stands: a key is sent once, a second record could only come from a bug.
      await db
        .insert(networkSends)
        .values({
          channelAccountId: args.accountId,
          idempotencyKey: args.idempotencyKey,
          externalId: args.externalId,
          url: args.url,
          sentAt: clock(),
        })
        .onConflictDoNothing();
    },
    async find(args) {
      const [row] = await db
        .select({ externalId: networkSends.externalId, url: networkSends.url })
        .from(networkSends)
        .where(
          and(eq(networkSends.channelAccountId, args.accountId), eq(networkSends.idempotencyKey, args.idempotencyKey)),
        );
      return row ?? null;
    },
  };
}
