import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../../domain/connector.js";
import { parseWhatsAppDelivery } from "./whatsappWebhooks.js";

const value = (extra: Record<string, unknown>) =>
  Buffer.from(
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "49301234567", phone_number_id: "106540352242922" },
                ...extra,
              },
            },
          ],
        },
      ],
    }),
  );

const message = (fields: Record<string, unknown>) => ({
  from: "4915112345678",
  id: `wamid.${Math.random().toString(36).slice(2)}`,
  timestamp: "1796634000",
  ...fields,
});

describe("WhatsApp webhook deliveries", () => {
  it("names what is not text in German, with the caption or file name the citizen gave", () => {
    const events = parseWhatsAppDelivery(
      value({
        contacts: [{ profile: { name: "Erika Mustermann" }, wa_id: "4915112345678" }],
        messages: [
          message({ type: "image", image: { id: "m1", mime_type: "image/jpeg", caption: "Das Schlagloch" } }),
          message({ type: "document", document: { id: "m2", mime_type: "application/pdf", filename: "Antrag.pdf" } }),
          message({ type: "location", location: { latitude: 52.5, longitude: 13.4 } }),
          message({ type: "reaction", reaction: { message_id: "wamid.x", emoji: "👍" } }),
        ],
      }),
    );
    const changes = events.flatMap((e) => e.changes).map((c) => c.message);
    expect(changes.map((m) => m.text)).toEqual(["(Bild) Das Schlagloch", "(Dokument: Antrag.pdf)", "(Standort)"]);
    expect(changes[0]).toMatchObject({ authorName: "Erika Mustermann", media: [{ kind: "image", url: null }] });
    expect(changes[1]?.media).toEqual([{ kind: "file", url: null, altText: null }]);
    // The reaction is an event (seen once), but nothing for the inbox.
    expect(events).toHaveLength(4);
  });

  it("reads statuses as delivery reports on draht's replies, leaving out 'sent' (known from Meta's answer)", () => {
    const status = (s: string) => ({ id: "wamid.answer", status: s, timestamp: "1796634060", recipient_id: "49151" });
    const events = parseWhatsAppDelivery(value({ statuses: [status("sent"), status("delivered"), status("read")] }));
    expect(events.map((e) => e.id)).toEqual([
      "status:wamid.answer:sent",
      "status:wamid.answer:delivered",
      "status:wamid.answer:read",
    ]);
    expect(events.flatMap((e) => e.deliveryReports ?? [])).toEqual([
      { externalId: "wamid.answer", status: "delivered", at: new Date(1796634060_000) },
      { externalId: "wamid.answer", status: "read", at: new Date(1796634060_000) },
    ]);
  });

  it("refuses what is not a WhatsApp Business delivery, or a message without its fields", () => {
    expect(() => parseWhatsAppDelivery(Buffer.from('{"object":"page","entry":[]}'))).toThrow(WebhookPayloadError);
    expect(() => parseWhatsAppDelivery(Buffer.from("kein JSON"))).toThrow(WebhookPayloadError);
    expect(() => parseWhatsAppDelivery(value({ messages: [{ type: "text" }] }))).toThrow(WebhookPayloadError);
  });
});
