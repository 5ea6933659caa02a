// The sending side of the fake WhatsApp Cloud API (fakeGraphApi.ts): POST /{phone-number-id}/media (a multipart
// upload: messaging_product, type, file; → { id }) and POST /{phone-number-id}/messages (text with context, approved
// templates with their body parameters, image, video and document messages naming an uploaded media id with a
// caption of at most 1,024 characters), refused as Meta refuses them, and Graph's error and answer envelopes.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

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

/** What the sending endpoints read and change of the fake's state. */
export interface SendingState {
  clock(): Date;
  throttled(): boolean;
  templates: FakeTemplate[];
  lastCustomerMessage: Map<string, Date>;
  media: Map<string, { content: Buffer; mimeType: string }>;
  sent: SentMessage[];
  wamid(): string;
  uploaded(): void;
}

export const graphError = (res: ServerResponse, status: number, code: number, message: string, subcode?: number) => {
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

export const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

export async function bodyOf(req: IncomingMessage): Promise<unknown> {
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

/** POST /{phone-number-id}/media: a file kept under a new media id. */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, state: SendingState) {
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
  state.media.set(id, { content: Buffer.from(await file.arrayBuffer()), mimeType });
  state.uploaded();
  return json(res, { id });
}

/** POST /{phone-number-id}/messages: a message recorded as sent, or Graph's refusal. */
export async function receiveMessage(req: IncomingMessage, res: ServerResponse, state: SendingState) {
  if (state.throttled()) return graphError(res, 400, 130429, "(#130429) Rate limit hit");
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
  const uploaded = typeof fileRef?.id === "string" ? state.media.get(fileRef.id) : undefined;
  if (fileRef && !uploaded) return graphError(res, 400, 131053, "(#131053) Media upload error");
  if (typeof fileRef?.caption === "string" && fileRef.caption.length > 1024)
    return graphError(res, 400, 100, "(#100) Param caption must be at most 1024 characters long.");
  const templateLanguage = templateBody?.language?.code;
  const templateParameters = parametersOf(templateBody?.components);
  if (type === "template") {
    // Meta sends only approved templates, in a language they exist in, with every placeholder given.
    const known = state.templates.find(
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
  const last = state.lastCustomerMessage.get(to);
  if (type !== "template" && (!last || state.clock().getTime() - last.getTime() >= 24 * 3_600_000))
    return graphError(
      res,
      400,
      131047,
      "Re-engagement message: more than 24 hours have passed since the recipient last replied.",
    );
  const id = state.wamid();
  const contextId = (body.context as { message_id?: unknown } | undefined)?.message_id;
  state.sent.push({
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
