// Edits of citizens' messages within one sync round (applyMessageEdits), on the real database: each
// version is moderated in turn, so an insult edited away again within the minute still leaves the
// message held back with its case, and every version is kept.
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTextAnalyser } from "../src/app/analysis/defaultAnalyser.js";
import { applyMessageEdits } from "../src/app/inbox/apply-message-edits.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import type { Database } from "../src/db/client.js";
import { inboundMessageEdits, inboundMessages, moderationCases, moderationDecisions } from "../src/db/schema/index.js";
import { buildChannelAccount, buildOrg, buildTestContext } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe("edits within one round", () => {
  it("moderates each version in turn: visibility and case only grow stricter, every version is kept", async () => {
    const ctx = buildTestContext(database.db);
    const org = await buildOrg(ctx);
    const account = await buildChannelAccount(ctx, org.id, { network: "sandbox" });
    const externalId = `m-${randomUUID()}`;
    const now = new Date();
    const analyser = defaultTextAnalyser();
    await database.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser,
        now,
        publicUrl: ctx.publicUrl,
        messages: [
          {
            channelAccountId: account.id,
            externalId,
            kind: "reply",
            authorHandle: "@paul@social.example",
            authorName: "Paul",
            text: "Wann öffnet das Freibad?",
            language: "de",
            threadExternalId: "post-1",
            inReplyToExternalId: "post-1",
            visibility: "visible",
            receivedAt: now,
            raw: {},
          },
        ],
      }),
    );
    const outcomes = await database.db.transaction((tx) =>
      applyMessageEdits(tx, {
        orgId: org.id,
        channelAccountId: account.id,
        analyser,
        now,
        publicUrl: ctx.publicUrl,
        edits: [
          { externalId, text: "Ihr seid alle unfähige Idioten und Versager!", raw: { v: 2 } },
          { externalId, text: "Wann öffnet das Freibad endlich?", raw: { v: 3 } },
          { externalId: "never-received", text: "Hallo", raw: {} },
        ],
      }),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["updated", "updated", "unknown"]);
    const [message] = await database.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.externalId, externalId));
    expect(message?.text).toBe("Wann öffnet das Freibad endlich?");
    expect(message?.visibility).not.toBe("visible");
    const versions = await database.db
      .select()
      .from(inboundMessageEdits)
      .where(eq(inboundMessageEdits.inboundMessageId, message?.id ?? ""))
      .orderBy(asc(inboundMessageEdits.replacedAt), asc(inboundMessageEdits.previousText));
    expect(versions.map((v) => v.previousText).sort()).toEqual([
      "Ihr seid alle unfähige Idioten und Versager!",
      "Wann öffnet das Freibad?",
    ]);
    const [moderationCase] = await database.db
      .select()
      .from(moderationCases)
      .where(eq(moderationCases.inboundMessageId, message?.id ?? ""));
    expect(moderationCase?.status).toBe("open");
    expect(outcomes[0]?.caseId).toBe(moderationCase?.id);
    const history = await database.db
      .select()
      .from(moderationDecisions)
      .where(eq(moderationDecisions.caseId, moderationCase?.id ?? ""));
    expect(history.map((d) => [d.kind, d.reason])).toEqual([["edit", "Ihr seid alle unfähige Idioten und Versager!"]]);
  });
});
