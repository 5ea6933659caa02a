// A fake of Meta's WhatsApp Cloud API (Graph API v26.0), written from its reference
// (developers.facebook.com/docs/whatsapp/cloud-api): there is no real server draht could run, so this peer speaks
// what draht uses — GET /{phone-number-id}, POST /{phone-number-id}/messages and /media (fakeSending.ts),
// GET /{waba-id}/message_templates (filtered by status, paged by limit/after with paging.next) — with
// Graph's error envelope `{ error: { message, type, code, error_subcode?, fbtrace_id } }`: 190 for an expired or
// unknown token (HTTP 401), 100 for a bad parameter or unknown object, 130429 for the throughput limit, 131047
// for a free message more than 24 hours after the customer's last one. As Meta, it also makes the signed webhook
// deliveries (X-Hub-Signature-256 with the app secret) of customers' messages and of the sent messages' statuses.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { metaSignature } from "../../../src/channels/meta/metaWebhooks.js";
import {
  type FakeTemplate,
  type SendingState,
  type SentMessage,
  graphError,
  json,
  receiveMessage,
  receiveUpload,
} from "./fakeSending.js";

export type { FakeTemplate, SentMessage };

export interface FakeGraphApi {
  /** The Graph API's base URL (what the account's serverUrl setting holds). */
  url: string;
  phoneNumberId: string;
  /** The WhatsApp Business Account's id, under which its templates are listed. */
  businessAccountId: string;
  templates: FakeTemplate[];
  displayPhoneNumber: string;
  token: string;
  appSecret: string;
  sent: SentMessage[];
  /** How many requests reached the fake (a refusal made before calling Meta adds none). */
  readonly requests: number;
  /** How many files were uploaded (POST /{phone-number-id}/media). */
  readonly uploads: number;
  /** A customer writes to the number: the signed delivery Meta would post to the webhook. */
  customerWrites(args: { from: string; name?: string; text: string; at: Date; contextId?: string }): Delivery;
  /** A customer sends a file (image, document …): Meta keeps it under a media id, the delivery names only that. */
  customerSendsFile(args: {
    from: string;
    type: "image" | "document" | "audio" | "video";
    content: Buffer;
    mimeType: string;
    fileName?: string;
    caption?: string;
    at: Date;
  }): Delivery;
  /** A status of a sent message, as Meta delivers it. */
  statusOf(args: { messageId: string; status: "sent" | "delivered" | "read" | "failed"; at: Date }): Delivery;
  /** The token expires (every call answers 190). */
  expireToken(): void;
  /** The number's throughput limit is reached until lifted. */
  throttle(): () => void;
  close(): Promise<void>;
}

export interface Delivery {
  messageId: string;
  body: string;
  signature: string;
}

export async function startFakeGraphApi(options: { clock?: () => Date } = {}): Promise<FakeGraphApi> {
  const clock = options.clock ?? (() => new Date());
  const phoneNumberId = "106540352242922";
  const displayPhoneNumber = "+49 30 1234567";
  const wabaId = "102290129340398";
  let token = `EAAG${randomBytes(24).toString("hex")}`;
  const appSecret = randomBytes(16).toString("hex");
  let throttled = false;
  const lastCustomerMessage = new Map<string, Date>();
  const sent: SentMessage[] = [];
  const media = new Map<string, { content: Buffer; mimeType: string }>();
  const templates: FakeTemplate[] = [
    {
      id: "1100000000000001",
      name: "antwort_anliegen",
      language: "de",
      status: "APPROVED",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Guten Tag {{1}}, zu Ihrem Anliegen: {{2}}" }],
    },
    {
      id: "1100000000000002",
      name: "rueckruf",
      language: "de",
      status: "APPROVED",
      category: "UTILITY",
      components: [
        { type: "HEADER", text: "Stadt Musterstadt" },
        { type: "BODY", text: "Wir melden uns in Kürze bei Ihnen." },
      ],
    },
    {
      id: "1100000000000003",
      name: "werbung_sommerfest",
      language: "de",
      status: "REJECTED",
      category: "MARKETING",
      components: [{ type: "BODY", text: "Kommen Sie zum Sommerfest!" }],
    },
  ];
  const wamid = () => `wamid.${randomBytes(24).toString("base64url")}`;

  let requests = 0;
  let uploads = 0;
  const sending: SendingState = {
    clock,
    throttled: () => throttled,
    templates,
    lastCustomerMessage,
    media,
    sent,
    wamid,
    uploaded: () => void uploads++,
  };
  const server = createServer((req, res) => {
    requests++;
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const parts = url.pathname.split("/").filter(Boolean);
      // The media download address Meta hands out (lookaside.fbsbx.com): the same token is required.
      if (url.pathname === "/whatsapp_business/attachments/") {
        const file = media.get(url.searchParams.get("mid") ?? "");
        if (req.headers.authorization !== `Bearer ${token}` || !file) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { "content-type": file.mimeType, "content-length": String(file.content.byteLength) });
        res.end(file.content);
        return;
      }
      if (parts[0] !== "v26.0") return graphError(res, 400, 2500, "Unknown path components");
      if (req.headers.authorization !== `Bearer ${token}`)
        return graphError(res, 401, 190, "Error validating access token: Session has expired.", 463);
      const file = req.method === "GET" && parts.length === 2 ? media.get(parts[1] ?? "") : undefined;
      if (file)
        return json(res, {
          messaging_product: "whatsapp",
          url: `http://127.0.0.1:${port}/whatsapp_business/attachments/?mid=${parts[1]}&ext=${Date.now()}`,
          mime_type: file.mimeType,
          sha256: createHash("sha256").update(file.content).digest("hex"),
          file_size: file.content.byteLength,
          id: parts[1],
        });
      if (parts[1] === wabaId && parts[2] === "message_templates" && req.method === "GET") {
        const status = url.searchParams.get("status");
        const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? "25") || 25, 1), 100);
        const after = Number(url.searchParams.get("after") ?? "0") || 0;
        const matching = templates.filter((t) => !status || t.status === status);
        const page = matching.slice(after, after + limit);
        const next = new URL(url.pathname, `http://127.0.0.1:${port}`);
        url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
        next.searchParams.set("after", String(after + limit));
        return json(res, {
          data: page,
          paging: {
            cursors: { before: String(after), after: String(after + limit) },
            ...(after + limit < matching.length ? { next: next.toString() } : {}),
          },
        });
      }
      if (parts[1] !== phoneNumberId)
        return graphError(res, 400, 100, `Unsupported request - method type: ${req.method}`, 33);
      if (req.method === "GET" && parts.length === 2)
        return json(res, {
          verified_name: "Stadt Musterstadt",
          display_phone_number: displayPhoneNumber,
          id: phoneNumberId,
        });
      if (req.method === "POST" && parts[2] === "media" && parts.length === 3) return receiveUpload(req, res, sending);
      if (req.method === "POST" && parts[2] === "messages" && parts.length === 3)
        return receiveMessage(req, res, sending);
      return graphError(res, 400, 100, `Unsupported request - method type: ${req.method}`, 33);
    })().catch(() => graphError(res, 500, 1, "An unknown error occurred"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const deliver = (value: Record<string, unknown>): string =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: wabaId,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: {
                  display_phone_number: displayPhoneNumber.replace(/\D/g, ""),
                  phone_number_id: phoneNumberId,
                },
                ...value,
              },
            },
          ],
        },
      ],
    });
  const signed = (messageId: string, body: string): Delivery => ({
    messageId,
    body,
    signature: metaSignature(body, appSecret),
  });

  return {
    url: `http://127.0.0.1:${port}/v26.0`,
    phoneNumberId,
    businessAccountId: wabaId,
    templates,
    displayPhoneNumber,
    get token() {
      return token;
    },
    appSecret,
    sent,
    get requests() {
      return requests;
    },
    get uploads() {
      return uploads;
    },
    customerWrites({ from, name, text, at, contextId }) {
      lastCustomerMessage.set(from, at);
      const id = wamid();
      const body = deliver({
        contacts: [{ profile: { name: name ?? "" }, wa_id: from }],
        messages: [
          {
            from,
            id,
            timestamp: String(Math.floor(at.getTime() / 1000)),
            type: "text",
            text: { body: text },
            ...(contextId ? { context: { from: phoneNumberId, id: contextId } } : {}),
          },
        ],
      });
      return signed(id, body);
    },
    customerSendsFile({ from, type, content, mimeType, fileName, caption, at }) {
      lastCustomerMessage.set(from, at);
      const mediaId = String(1_000_000_000_000 + media.size);
      media.set(mediaId, { content, mimeType });
      const id = wamid();
      const body = deliver({
        contacts: [{ profile: { name: "" }, wa_id: from }],
        messages: [
          {
            from,
            id,
            timestamp: String(Math.floor(at.getTime() / 1000)),
            type,
            [type]: {
              id: mediaId,
              mime_type: mimeType,
              sha256: createHash("sha256").update(content).digest("base64"),
              ...(caption ? { caption } : {}),
              ...(fileName ? { filename: fileName } : {}),
            },
          },
        ],
      });
      return signed(id, body);
    },
    statusOf({ messageId, status, at }) {
      const to = sent.find((m) => m.id === messageId)?.to ?? "";
      const body = deliver({
        statuses: [{ id: messageId, status, timestamp: String(Math.floor(at.getTime() / 1000)), recipient_id: to }],
      });
      return signed(messageId, body);
    },
    expireToken() {
      token = `EAAG${randomBytes(24).toString("hex")}`;
    },
    throttle() {
      throttled = true;
      return () => {
        throttled = false;
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
