// The mentions timeline as pages of changes: oldest first, answers to our posts told from mentions, the leading
// "@us" left out, and the cursor — since_id, or a window walked down while more than a page waits; X's refusals
// in draht's words.
import { describe, expect, it } from "vitest";
import { classifyXResponse } from "./xApi.js";
import { mentionsQuery, pageOfMentions, parseXCursor } from "./xInbound.js";

const own = { id: "10", username: "musterstadt" };
const tweet = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  text: `@musterstadt Frage ${id}`,
  author_id: "20",
  conversation_id: id,
  created_at: "2026-12-07T08:00:00.000Z",
  ...extra,
});
const body = (ids: string[], nextToken?: string) => ({
  data: ids.map((id) => tweet(id)),
  includes: { users: [{ id: "20", username: "erika_m", name: "Erika" }] },
  meta: { result_count: ids.length, ...(nextToken ? { next_token: nextToken } : {}) },
});

describe("the X mentions timeline as inbound pages", () => {
  it("gives the page oldest first, without the leading mention, and moves the cursor to the newest id", () => {
    const page = pageOfMentions({ body: body(["105", "103"]), cursor: "100", own, rateLimit: null });
    expect(page.changes.map((c) => [c.message.externalId, c.message.text, c.message.kind])).toEqual([
      ["103", "Frage 103", "mention"],
      ["105", "Frage 105", "mention"],
    ]);
    expect(page).toMatchObject({ cursor: "105", more: false });
  });

  it("walks a window down when more than a page waits, then takes its top as the cursor", () => {
    const first = pageOfMentions({ body: body(["109", "108"], "t"), cursor: "100", own, rateLimit: null });
    expect(first).toMatchObject({ cursor: "100:108:109", more: true });
    expect(mentionsQuery(first.cursor, 2).get("until_id")).toBe("108");
    expect(mentionsQuery(first.cursor, 2).get("since_id")).toBe("100");
    expect(mentionsQuery(first.cursor, 2).get("max_results")).toBe("5");
    const second = pageOfMentions({ body: body(["104"]), cursor: first.cursor, own, rateLimit: null });
    expect(second).toMatchObject({ cursor: "109", more: false });
    // An empty window ends at its top too; the first fetch may walk without a lower end.
    expect(pageOfMentions({ body: {}, cursor: "100:108:109", own, rateLimit: null }).cursor).toBe("109");
    expect(parseXCursor(":50:60")).toEqual({ since: null, until: "50", top: "60" });
    expect(parseXCursor("nonsense")).toEqual({ since: null, until: null, top: null });
  });

  it("tells an answer to our post from a mention and threads it by conversation; leaves our own posts out", () => {
    const page = pageOfMentions({
      body: {
        data: [
          tweet("7", {
            conversation_id: "5",
            in_reply_to_user_id: "10",
            referenced_tweets: [{ type: "replied_to", id: "5" }],
          }),
          tweet("6", { author_id: "10" }),
        ],
      },
      cursor: null,
      own,
      rateLimit: null,
    });
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]?.message).toMatchObject({
      kind: "reply",
      threadExternalId: "5",
      inReplyToExternalId: "5",
      authorHandle: "x:user:20",
    });
  });
});

describe("X's refusals in draht's words", () => {
  const headers = (values: Record<string, string> = {}) => new Headers(values);
  it("keeps X's free text out of the message and names the tier where it decides", () => {
    const error = classifyXResponse({
      status: 403,
      headers: headers(),
      body: {
        title: "Client Forbidden",
        detail: "secret words",
        reason: "client-not-enrolled",
        type: "https://api.twitter.com/2/problems/client-forbidden",
      },
      label: "X GET /2/users/:id/mentions",
      tier: "free",
    });
    expect(error.kind).toBe("permanent");
    expect(error.message).toContain("Zugangsstufe Free");
    expect(error.message).not.toContain("secret words");
    expect(error.detail).toContain("secret words");
  });

  it("waits for the rate window's reset and retries server errors", () => {
    const now = Date.parse("2026-12-07T08:00:00Z");
    const limited = classifyXResponse({
      status: 429,
      headers: headers({ "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(now / 1000 + 300) }),
      body: { title: "Too Many Requests", type: "about:blank", status: 429 },
      label: "X POST /2/tweets",
      now,
    });
    expect(limited).toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 300_000,
      message: "X POST /2/tweets: HTTP 429",
    });
    expect(classifyXResponse({ status: 503, headers: headers(), body: null, label: "X" }).kind).toBe("transient");
    expect(classifyXResponse({ status: 401, headers: headers(), body: null, label: "X" }).kind).toBe("auth_expired");
  });
});
