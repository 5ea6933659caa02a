// Two batches with the same message at once: a sync on a timer, a stream event and a second worker process may
// deliver it together. Each batch leaves out the messages already stored before it threads the rest; one that
// another transaction stores meanwhile makes the batch undo its threading (to a savepoint) and do it again with
// that message found stored (app/inbox/ingest-messages.ts). On the real database, both kinds.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTextAnalyser } from "../src/app/analysis/defaultAnalyser.js";
import type { AppContext } from "../src/app/context.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import type { Database } from "../src/db/client.js";
import { rowsOf } from "../src/db/queries/rows.js";
import { conversations, inboundMessages } from "../src/db/schema/index.js";
import { buildChannelAccount, buildOrg, buildTestContext } from "./support/factories.js";
import { openTestDatabase, testDatabaseKind } from "./support/testDb.js";
import { untilValue } from "./support/until.js";

// Wednesday 25 November 2026, 10:00 in Berlin: inside the default office hours.
const now = new Date("2026-11-25T09:00:00Z");
let database: Database;
let ctx: AppContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database?.close());

describe("ingestion of the same message by two batches at once", () => {
  it("stores a message delivered by two batches at the same time once, and counts it once in its conversation", async () => {
    // Two syncs of one account overlap: the first batch's transaction is still open when the second looks for
    // stored messages, so the second does not see the message yet and waits for the first at the conversation's
    // lock (on the PostgreSQL server; PGlite runs one transaction at a time anyway). Then it must find the
    // message stored and report it as a duplicate instead of threading it a second time.
    const org = await buildOrg(ctx);
    const account = await buildChannelAccount(ctx, org.id, { network: "sandbox" });
    const message = (id: string, minutes: number) => ({
      channelAccountId: account.id,
      externalId: id,
      kind: "reply" as const,
      authorHandle: "@clara",
      authorName: "Clara",
      text: "Wann wird die Baustelle in der Lindenstraße fertig?",
      language: "de",
      threadExternalId: "post-7",
      inReplyToExternalId: null,
      visibility: "visible" as const,
      receivedAt: new Date(now.getTime() + minutes * 60_000),
      raw: {},
    });
    const ingest = (tx: Parameters<Parameters<typeof ctx.db.transaction>[0]>[0], messages: unknown[]) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser: defaultTextAnalyser(),
        now,
        messages,
        publicUrl: ctx.publicUrl,
      });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstStored: () => void = () => {};
    const stored = new Promise<void>((resolve) => (firstStored = resolve));
    const first = ctx.db.transaction(async (tx) => {
      const outcomes = await ingest(tx, [message("c-1", 0)]);
      firstStored();
      await held;
      return outcomes;
    });
    await stored;
    const second = ctx.db.transaction((tx) => ingest(tx, [message("c-1", 0), message("c-2", 5)]));
    if (testDatabaseKind() === "postgres")
      await untilValue(async () => {
        const [waiting] = rowsOf<{ n: number }>(
          await ctx.db.execute(sql`select count(*)::int as n from pg_locks where not granted`),
        );
        return (waiting?.n ?? 0) > 0 ? true : undefined;
      }, "the second batch waiting for the first");
    release();
    expect((await first).map((o) => o.status)).toEqual(["stored"]);
    expect((await second).map((o) => o.status)).toEqual(["duplicate", "stored"]);
    const stored2 = await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, account.id));
    expect(stored2.map((m) => m.externalId).sort()).toEqual(["c-1", "c-2"]);
    const [conversation] = await ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.channelAccountId, account.id));
    expect(stored2.every((m) => m.conversationId === conversation?.id)).toBe(true);
    expect(conversation).toMatchObject({ lastMessageAt: new Date(now.getTime() + 5 * 60_000) });
  });
});
