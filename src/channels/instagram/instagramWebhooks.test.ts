import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../../domain/connector.js";
import { parseInstagramDelivery } from "./instagramWebhooks.js";

const IG = "17841400000000001";
const body = (entry: Record<string, unknown>, object = "instagram") =>
  Buffer.from(JSON.stringify({ object, entry: [{ id: IG, time: 1_765_000_000, ...entry }] }));
const comment = (value: Record<string, unknown>) => body({ changes: [{ field: "comments", value }] });

describe("Instagram's webhook deliveries", () => {
  it("take a comment under its own id, threaded under the medium and the comment it answers", () => {
    const [event] = parseInstagramDelivery(
      comment({
        id: "c2",
        text: "Danke!",
        from: { id: "99", username: "erika_m" },
        media: { id: "m1" },
        parent_id: "c1",
      }),
    );
    expect(event?.id).toBe("comment:c2");
    expect(event?.changes[0]?.message).toMatchObject({
      externalId: "c2",
      kind: "reply",
      authorHandle: "erika_m",
      threadExternalId: "m1",
      inReplyToExternalId: "c1",
      receivedAt: new Date(1_765_000_000_000),
    });
  });

  it("leave out the account's own comments and echoes of its messages, but see their events", () => {
    const own = parseInstagramDelivery(comment({ id: "c3", text: "Antwort", from: { id: IG }, media: { id: "m1" } }));
    expect(own.map((e) => [e.id, e.changes.length])).toEqual([["comment:c3", 0]]);
    const echo = parseInstagramDelivery(
      body({
        messaging: [
          {
            sender: { id: IG },
            recipient: { id: "77" },
            timestamp: 1_765_000_000_123,
            message: { mid: "m-1", text: "x", is_echo: true },
          },
        ],
      }),
    );
    expect(echo.map((e) => [e.id, e.changes.length])).toEqual([["message:m-1", 0]]);
  });

  it("take a direct message in its own thread with the sender, and name what is not text", () => {
    const [event] = parseInstagramDelivery(
      body({
        messaging: [
          {
            sender: { id: "77" },
            recipient: { id: IG },
            timestamp: 1_765_000_000_123,
            message: { mid: "m-2", text: "Schauen Sie", attachments: [{ type: "image" }] },
          },
        ],
      }),
    );
    expect(event?.changes[0]?.message).toMatchObject({
      externalId: "m-2",
      kind: "direct",
      text: "Schauen Sie (Bild)",
      threadExternalId: "direct:77",
      receivedAt: new Date(1_765_000_000_123),
    });
  });

  it("refuse what is not Instagram's envelope, or a comment without its fields", () => {
    expect(() => parseInstagramDelivery(body({}, "page"))).toThrow(WebhookPayloadError);
    expect(() => parseInstagramDelivery(Buffer.from("nicht json"))).toThrow(WebhookPayloadError);
    expect(() => parseInstagramDelivery(comment({ id: "c4", text: "ohne Medium", from: { id: "99" } }))).toThrow(
      WebhookPayloadError,
    );
  });
});
