// WhatsApp's approved message templates: the only messages the Cloud API lets a business send more than 24 hours
// after the customer last wrote. Listed under the WhatsApp Business Account (GET /{waba-id}/message_templates,
// APPROVED only, paged by `paging.next`), and sent as type "template" with the body's placeholders {{1}} … filled in.
import { z } from "zod";
import type { MessageTemplate } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";

/** How many pages of templates are read (100 each): an account's approved templates fit in far fewer. */
const MAX_PAGES = 5;

const ZTemplatePage = z.object({
  data: z.array(
    z.object({
      name: z.string().min(1),
      language: z.string().min(1),
      category: z.string().default(""),
      status: z.string().optional(),
      components: z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()).default([]),
    }),
  ),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/** How many distinct placeholders {{n}} a template body has (Meta numbers them 1 … n without gaps). */
export function placeholderCount(body: string): number {
  const numbers = new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1]));
  return numbers.size;
}

export async function listApprovedTemplates(args: {
  fetchImpl: FetchFunction;
  baseUrl: string;
  businessAccountId: string;
  token: string;
}): Promise<MessageTemplate[]> {
  const templates: MessageTemplate[] = [];
  let url: string | undefined =
    `${args.baseUrl}/${args.businessAccountId}/message_templates?status=APPROVED&fields=name,language,category,components,status&limit=100`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const answer: z.infer<typeof ZTemplatePage> = await graphRequest(
      args.fetchImpl,
      { url, token: args.token },
      ZTemplatePage,
    );
    for (const t of answer.data) {
      // The filter is asked for; a template whose status is given and not APPROVED is still never offered.
      if (t.status !== undefined && t.status !== "APPROVED") continue;
      const body = t.components.find((c) => c.type.toUpperCase() === "BODY")?.text ?? "";
      templates.push({
        name: t.name,
        language: t.language,
        category: t.category,
        body,
        parameters: placeholderCount(body),
      });
    }
    url = answer.paging?.next;
  }
  return templates;
}

/** The `template` object of a template message (POST /{phone-number-id}/messages, type "template"). */
export function templateMessage(template: { name: string; language: string; parameters: readonly string[] }) {
  return {
    name: template.name,
    language: { code: template.language },
    ...(template.parameters.length > 0
      ? {
          components: [{ type: "body", parameters: template.parameters.map((text) => ({ type: "text", text })) }],
        }
      : {}),
  };
}
