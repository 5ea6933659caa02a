// Meta's webhook protocol as draht reads it: signature, handshake, and a page's deliveries (comments and
// Messenger messages) turned into inbound changes. Payloads as in Meta's Webhooks reference.
import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../../domain/connector.js";
import { metaHandshake, metaSignature, parseMetaPageDelivery, verifyMetaSignature } from "./metaWebhooks.js";

const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("Meta's webhook signature", () => {
  const payload = Buffer.from('{"object":"page","entry":[]}');
  it("accepts the HMAC-SHA256 of the raw body with the app secret, in either case of hex, and nothing else", () => {
    const signature = metaSignature(payload, "app-secret");
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyMetaSignature({ headers: { "x-hub-signature-256": signature }, body: payload }, "app-secret")).toBe(
      true,
    );
    const upper = `sha256=${signature.slice(7).toUpperCase()}`;
    expect(verifyMetaSignature({ headers: { "x-hub-signature-256": upper }, body: payload }, "app-secret")).toBe(true);
    for (const header of [undefined, "", "sha1=abc", signature.slice(0, -1), metaSignature(payload, "other")])
      expect(verifyMetaSignature({ headers: { "x-hub-signature-256": header }, body: payload }, "app-secret")).toBe(
        false,
      );
    const changed = Buffer.from('{"object":"page","entry":[ ]}');
    expect(verifyMetaSignature({ headers: { "x-hub-signature-256": signature }, body: changed }, "app-secret")).toBe(
      false,
    );
  });

  it("answers the subscription handshake with the challenge for the right token only", () => {
    const query = { "hub.mode": "subscribe", "hub.verify_token": "token-1", "hub.challenge": "1158201444" };
    expect(metaHandshake(query, "token-1")).toBe("1158201444");
    expect(metaHandshake(query, "token-2")).toBeNull();
    expect(metaHandshake({ ...query, "hub.mode": "unsubscribe" }, "token-1")).toBeNull();
    expect(metaHandshake({ ...query, "hub.challenge": "<script>" }, "token-1")).toBeNull();
  });
});

describe("a page's deliveries", () => {
  const comment = (value: Record<string, unknown>) =>
    body({ object: "page", entry: [{ id: "1001", time: 1_764_061_200, changes: [{ field: "feed", value }] }] });
  const base = {
    from: { id: "5550001", name: "Erika Mustermann" },
    item: "comment",
    comment_id: "777_9001",
    post_id: "1001_777",
    parent_id: "1001_777",
    verb: "add",
    created_time: 1_764_061_200,
    message: "Wann öffnet das Bürgeramt?",
  };

  it("turns comments into new, edited and deleted items; answers to comments are replies", () => {
    const [added] = parseMetaPageDelivery(comment(base));
    expect(added?.occurredAt).toEqual(new Date(1_764_061_200_000));
    expect(added?.changes).toEqual([
      {
        change: "new",
        message: expect.objectContaining({
          externalId: "777_9001",
          kind: "comment",
          authorHandle: "5550001",
          authorName: "Erika Mustermann",
          threadExternalId: "1001_777",
          inReplyToExternalId: "1001_777",
          text: "Wann öffnet das Bürgeramt?",
        }),
      },
    ]);
    const [reply] = parseMetaPageDelivery(comment({ ...base, comment_id: "777_9002", parent_id: "777_9001" }));
    expect(reply?.changes[0]?.message).toMatchObject({ kind: "reply", inReplyToExternalId: "777_9001" });
    expect(parseMetaPageDelivery(comment({ ...base, verb: "edited" }))[0]?.changes[0]?.change).toBe("edited");
    expect(parseMetaPageDelivery(comment({ ...base, verb: "remove" }))[0]?.changes[0]?.change).toBe("deleted");
    // The same change has the same event id (a retry); another change another one.
    expect(parseMetaPageDelivery(comment(base))[0]?.id).toBe(added?.id);
    expect(parseMetaPageDelivery(comment({ ...base, verb: "edited" }))[0]?.id).not.toBe(added?.id);
  });

  it("brings nothing for the page's own comments, hiding, reactions and echoes, but sees the events", () => {
    expect(parseMetaPageDelivery(comment({ ...base, from: { id: "1001", name: "Stadt" } }))[0]?.changes).toEqual([]);
    expect(parseMetaPageDelivery(comment({ ...base, verb: "hide" }))[0]?.changes).toEqual([]);
    const reaction = parseMetaPageDelivery(comment({ item: "reaction", verb: "add", reaction_type: "like" }));
    expect(reaction).toHaveLength(1);
    expect(reaction[0]?.changes).toEqual([]);
    const echo = body({
      object: "page",
      entry: [
        {
          id: "1001",
          time: 1_764_061_200_000,
          messaging: [
            {
              sender: { id: "1001" },
              recipient: { id: "99" },
              timestamp: 1_764_061_200_000,
              message: { mid: "m_1", text: "Antwort", is_echo: true },
            },
          ],
        },
      ],
    });
    expect(parseMetaPageDelivery(echo)[0]?.changes).toEqual([]);
  });

  it("turns Messenger messages into direct messages, with their attachments", () => {
    const events = parseMetaPageDelivery(
      body({
        object: "page",
        entry: [
          {
            id: "1001",
            time: 1_764_061_200_000,
            messaging: [
              {
                sender: { id: "PSID-42" },
                recipient: { id: "1001" },
                timestamp: 1_764_061_200_123,
                message: {
                  mid: "m_abc",
                  text: "Mein Antrag ist weg",
                  attachments: [{ type: "image", payload: { url: "https://cdn.example/1.jpg" } }],
                },
              },
            ],
          },
        ],
      }),
    );
    expect(events).toEqual([
      {
        id: "message:m_abc",
        occurredAt: new Date(1_764_061_200_123),
        changes: [
          {
            change: "new",
            message: expect.objectContaining({
              externalId: "m_abc",
              kind: "direct",
              authorHandle: "PSID-42",
              threadExternalId: null,
              text: "Mein Antrag ist weg",
              media: [{ kind: "image", url: "https://cdn.example/1.jpg", altText: null }],
            }),
          },
        ],
      },
    ]);
  });

  it("refuses what is not a page's delivery", () => {
    for (const bad of [
      Buffer.from("kein json"),
      body({ object: "instagram", entry: [] }),
      body({ object: "page", entry: [] }),
      comment({ ...base, comment_id: undefined }),
      body({ object: "page", entry: [{ id: "1", time: 1, messaging: [{ sender: {} }] }] }),
    ])
      expect(() => parseMetaPageDelivery(bad)).toThrow(WebhookPayloadError);
  });
});
