// The network's approved message templates for a conversation (WhatsApp: the only messages allowed more than 24
// hours after the citizen last wrote): listed from the conversation's account through its connector, for the
// composer to offer, and looked up again when one is sent so that the stored text is the body Meta will show.
import { eq } from "drizzle-orm";
import { channelAccounts } from "../../db/schema/index.js";
import { type ConnectorRegistry, ConnectorError, type MessageTemplate } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import type { OrgActor } from "../authorization.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";

export async function listMessageTemplates(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; conversationId: string },
): Promise<{ templates: MessageTemplate[] }> {
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.reply" });
  const connector = deps.connectors.get(conversation.network);
  if (!connector?.messageTemplates) return { templates: [] };
  const [account] = await ctx.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.id, conversation.channelAccountId));
  if (!account) throw new AppError("NOT_FOUND");
  try {
    return { templates: await connector.messageTemplates(await connectorAccountOf(ctx.db, ctx, account)) };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw new AppError(error.kind === "auth_expired" ? "CHANNEL_AUTH_FAILED" : "CHANNEL_FAILED", {
      details: { network: conversation.network },
      cause: error,
    });
  }
}

/** The template's body with {{1}} … {{n}} replaced by the given texts, in order. */
export function fillMessageTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => parameters[Number(n) - 1] ?? whole);
}

/**
 * The approved template a reply names, filled in: refused (VALIDATION_FAILED) when the network does not offer it or
 * the number of texts does not match its placeholders.
 */
export async function chosenMessageTemplate(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: {
    actor: OrgActor;
    orgId: string;
    conversationId: string;
    template: { name: string; language: string; parameters: string[] };
  },
): Promise<{ template: { name: string; language: string; parameters: string[] }; text: string }> {
  const { templates } = await listMessageTemplates(ctx, deps, options);
  const wanted = options.template;
  const found = templates.find((t) => t.name === wanted.name && t.language === wanted.language);
  if (!found) throw new AppError("VALIDATION_FAILED", { details: { reason: "unknown_message_template" } });
  if (found.parameters !== wanted.parameters.length)
    throw new AppError("VALIDATION_FAILED", {
      details: { reason: "message_template_parameters", expected: found.parameters },
    });
  return { template: wanted, text: fillMessageTemplate(found.body, wanted.parameters) };
}
