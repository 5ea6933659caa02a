// A fake of Meta's WhatsApp Cloud API (Graph API v26.0), written from its reference
// (developers.facebook.com/docs/whatsapp/cloud-api): there is no real server draht could run, so this peer speaks
// what draht uses — GET /{phone-number-id}, POST /{phone-number-id}/messages (text with context, templates, image,
// video and document messages naming an uploaded media id, with a caption of at most 1,024 characters),
// POST /{phone-number-id}/media (a multipart upload: messaging_product, type, file; → { id }),
// GET /{waba-id}/message_templates (filtered by status, paged by limit/after with paging.next) — with
// Graph's error envelope `{ error: { message, type, code, error_subcode?, fbtrace_id } }`: 190 for an expired or
// unknown token (HTTP 401), 100 for a bad parameter or unknown object, 130429 for the throughput limit, 131047
// for a free message more than 24 hours after the customer's last one. As Meta, it also makes the signed webhook
// deliveries (X-Hub-Signature-256 with the app secret) of customers' messages and of the sent messages' statuses.
import { createHash, randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { metaSignature } from "../../../src/channels/meta/metaWebhooks.js";

export interface SentMessage {
  id: string;
  to: string;
  type: string;
  text: string | null;
  contextId: string | null;
  template: string | null;
  templateLanguage: string | null;
  /** The texts given for the template body's placeholders, in order. */
  templateParameters: string[];
  /** An image, video or document message: the uploaded file it names, and its caption. */
  media: { type: string; mimeType: string; content: Buffer; caption: string | null; fileName: string | null } | null;
}

/** A message template of the business account as Meta lists it. */
export interface FakeTemplate {
  id: string;
  name: string;
  language: string;
  status: "APPROVED" | "REJECTED" | "PENDING" | "PAUSED";
  category: string;
  components: { type: string; text?: string }[];
}

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

const graphError = (res: ServerResponse, status: number, code: number, message: string, subcode?: number) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: {
        message,
        type: code === 190 ? "OAuthException" : "OAuthException",
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    }),
  );
};

const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}

/** The body parameters of a template message's components (texts only, in order). */
function parametersOf(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  const bodyPart = components.find((c: { type?: unknown }) => c?.type === "body") as
    { parameters?: unknown } | undefined;
  if (!Array.isArray(bodyPart?.parameters)) return [];
  return bodyPart.parameters.map((p: { text?: unknown }) => (typeof p?.text === "string" ? p.text : ""));
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
      if (req.method === "POST" && parts[2] === "media" && parts.length === 3) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        let form: FormData;
        try {
          form = await new Response(Buffer.concat(chunks), {
            headers: { "content-type": String(req.headers["content-type"] ?? "") },
          }).formData();
        } catch {
          return graphError(res, 400, 100, "(#100) The request must be multipart/form-data.");
        }
        const file = form.get("file");
        const mimeType = form.get("type");
        if (form.get("messaging_product") !== "whatsapp")
          return graphError(res, 400, 100, "(#100) The parameter messaging_product is required.");
        if (typeof file === "string" || !file || typeof mimeType !== "string")
          return graphError(res, 400, 100, "(#100) The parameters file and type are required.");
        const id = String(Date.now()) + randomBytes(4).readUInt32BE(0);
        media.set(id, { content: Buffer.from(await file.arrayBuffer()), mimeType });
        uploads++;
        return json(res, { id });
      }
      if (req.method === "POST" && parts[2] === "messages" && parts.length === 3) {
        if (throttled) return graphError(res, 400, 130429, "(#130429) Rate limit hit");
        const body = (await bodyOf(req)) as Record<string, unknown> | null;
        if (body?.messaging_product !== "whatsapp")
          return graphError(res, 400, 100, "(#100) The parameter messaging_product is required.");
        const to = typeof body.to === "string" ? body.to : "";
        if (!/^[0-9]{6,20}$/.test(to)) return graphError(res, 400, 100, "(#100) Invalid parameter", 2494010);
        const type = body.type;
        const text = (body.text as { body?: unknown } | undefined)?.body;
        const templateBody = body.template as
          { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
        const template = templateBody?.name;
        if (type === "text" && (typeof text !== "string" || text.length === 0 || text.length > 4096))
          return graphError(res, 400, 100, "(#100) Param text['body'] is required or too long.");
        if (type === "template" && typeof template !== "string")
          return graphError(res, 400, 100, "(#100) Param template['name'] is required.");
        const fileTypes = ["image", "video", "document"];
        if (type !== "text" && type !== "template" && !fileTypes.includes(String(type)))
          return graphError(res, 400, 100, "(#100) Invalid parameter");
        const fileRef = fileTypes.includes(String(type))
          ? (body[String(type)] as { id?: unknown; caption?: unknown; filename?: unknown } | undefined)
          : undefined;
        const uploaded = typeof fileRef?.id === "string" ? media.get(fileRef.id) : undefined;
        if (fileRef && !uploaded) return graphError(res, 400, 131053, "(#131053) Media upload error");
        if (typeof fileRef?.caption === "string" && fileRef.caption.length > 1024)
          return graphError(res, 400, 100, "(#100) Param caption must be at most 1024 characters long.");
        const templateLanguage = templateBody?.language?.code;
        const templateParameters = parametersOf(templateBody?.components);
        if (type === "template") {
          // Meta sends only approved templates, in a language they exist in, with every placeholder given.
          const known = templates.find(
            (t) => t.name === template && t.language === templateLanguage && t.status === "APPROVED",
          );
          if (!known) return graphError(res, 404, 132001, "(#132001) Template name does not exist in the translation");
          const body = known.components.find((c) => c.type === "BODY")?.text ?? "";
          const wanted = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;
          if (templateParameters.length !== wanted)
            return graphError(
              res,
              400,
              132000,
              "(#132000) Number of parameters does not match the expected number of params",
            );
        }
        const last = lastCustomerMessage.get(to);
        if (type !== "template" && (!last || clock().getTime() - last.getTime() >= 24 * 3_600_000))
          return graphError(
            res,
            400,
            131047,
            "Re-engagement message: more than 24 hours have passed since the recipient last replied.",
          );
        const id = wamid();
        const contextId = (body.context as { message_id?: unknown } | undefined)?.message_id;
        sent.push({
          id,
          to,
          type: String(type),
          text: typeof text === "string" ? text : null,
          contextId: typeof contextId === "string" ? contextId : null,
          template: typeof template === "string" ? template : null,
          templateLanguage: typeof templateLanguage === "string" ? templateLanguage : null,
          templateParameters,
          media:
            fileRef && uploaded
              ? {
                  type: String(type),
                  mimeType: uploaded.mimeType,
                  content: uploaded.content,
                  caption: typeof fileRef.caption === "string" ? fileRef.caption : null,
                  fileName: typeof fileRef.filename === "string" ? fileRef.filename : null,
                }
              : null,
        });
        return json(res, { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id }] });
      }
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
