// WhatsApp Business (Cloud API) as a channel: an inbox only. Citizens' messages arrive by Meta's webhook (the
// Cloud API has no endpoint that lists received messages, so there is nothing to poll); answers go out by
// POST /{phone-number-id}/messages as a reply to the citizen's message (context.message_id). WhatsApp allows a
// free answer only within 24 hours of the citizen's last message (the customer service window): outside it the
// connector refuses before calling Meta, in draht's words; Meta would refuse too (Graph error 131047). Outside it
// only an approved message template may be sent (whatsappTemplates.ts lists them under the business account).
import { z } from "zod";
import { type TWhatsAppSettings, ZWhatsAppSettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  PUBLISHES_NOTHING,
} from "../../domain/connector.js";
import { WHATSAPP_PROFILE, limitsOf } from "../../domain/networks.js";
import { ANSWER_WINDOW_MS, answerWindowOf } from "../../domain/answerWindow.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { SERVICE_WINDOW_REFUSAL, graphRequest } from "../meta/graphApi.js";
import { withDescriptions } from "../mediaDescriptions.js";
import { collectWhatsAppMedia, whatsappMediaContent } from "./whatsappMedia.js";
import { listApprovedTemplates, templateMessage } from "./whatsappTemplates.js";
import { whatsappWebhooks } from "./whatsappWebhooks.js";

/** The customer service window: free answers within this time after the citizen's last message. */
export const SERVICE_WINDOW_MS = ANSWER_WINDOW_MS;

/** Whether a free answer may still be sent (else only an approved template). */
export function withinServiceWindow(citizenLastWroteAt: Date, now: Date): boolean {
  return answerWindowOf({ network: "whatsapp", direct: true, citizenLastWroteAt, now })?.open ?? true;
}

export interface WhatsAppDeps {
  /** Which servers may be reached (default: https to public addresses only; tests allow their fake Graph API). */
  networkServers?: NetworkServerAccess;
  fetch?: FetchFunction;
  clock?: () => Date;
}

/** The token, and the phone number id it was given for (checked against the account's when connecting). */
const ZCredentials = z.object({ accessToken: z.string().min(1), phoneNumberId: z.string().optional() });
const ZPhoneNumber = z.object({
  id: z.string(),
  display_phone_number: z.string(),
  verified_name: z.string().optional(),
});
const ZSent = z.object({
  messaging_product: z.literal("whatsapp"),
  messages: z.array(z.object({ id: z.string().min(1) })).min(1),
});

function accountOf(account: ConnectorAccount): { settings: TWhatsAppSettings; token: string } {
  const settings = ZWhatsAppSettings.safeParse(account.settings);
  if (!settings.success) throw new ConnectorError("permanent", "the WhatsApp account's settings are incomplete");
  const credentials = ZCredentials.safeParse(account.credentials);
  if (!credentials.success) throw new ConnectorError("auth_expired", "the WhatsApp account is not connected");
  return { settings: settings.data, token: credentials.data.accessToken };
}

const base = (settings: TWhatsAppSettings) => settings.serverUrl.replace(/\/$/, "");

export function createWhatsAppConnector(deps: WhatsAppDeps = {}): ChannelConnector {
  const fetchImpl = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const clock = deps.clock ?? (() => new Date());
  return {
    network: "whatsapp",
    capabilities: {
      publish: PUBLISHES_NOTHING,
      editOwn: false,
      deleteOwn: false,
      inbound: {
        mode: "push",
        replies: false,
        mentions: false,
        quotes: false,
        directMessages: true,
        edits: false,
        deletions: false,
        streaming: false,
      },
      reply: true,
      replyMedia: { maxTotalBytes: null },
      connect: ["app_password"],
    },
    limits: limitsOf(WHATSAPP_PROFILE),
    appPassword: {
      // A system user's permanent access token (Business Manager), entered as the "password", with the phone
      // number's id; whoAmI checks both against the account's number at Meta before they are kept.
      connect: async ({ identifier, password }) => ({ accessToken: password.trim(), phoneNumberId: identifier.trim() }),
    },
    whoAmI: async (account) => {
      const { settings, token } = accountOf(account);
      const given = ZCredentials.safeParse(account.credentials).data?.phoneNumberId;
      if (given !== undefined && given !== settings.phoneNumberId)
        throw new ConnectorError("auth_expired", "the phone number id given is not the account's");
      const number = await graphRequest(
        fetchImpl,
        {
          url: `${base(settings)}/${settings.phoneNumberId}?fields=display_phone_number,verified_name`,
          token,
        },
        ZPhoneNumber,
      );
      return { handle: number.display_phone_number, url: null, remoteAccountId: number.id };
    },
    webhooks: {
      ...whatsappWebhooks,
      collect: async (account, events) => {
        const settings = ZWhatsAppSettings.safeParse(account.settings);
        if (!settings.success) return events;
        const token = ZCredentials.safeParse(account.credentials).data?.accessToken ?? null;
        // Meta sends an app's deliveries for all its numbers to one address: only this account's number is taken
        // in here (the others' events are still seen, so they are not taken twice).
        const own = events.map((event) => ({
          ...event,
          changes: event.changes.filter((c) => c.message.raw.phoneNumberId === settings.data.phoneNumberId),
        }));
        return collectWhatsAppMedia({ fetchImpl, baseUrl: base(settings.data), token, events: own });
      },
    },
    messageTemplates: async (account) => {
      const { settings, token } = accountOf(account);
      // Without the business account's id there is nowhere to list templates: none are offered.
      if (!settings.businessAccountId) return [];
      return listApprovedTemplates({
        fetchImpl,
        baseUrl: base(settings),
        businessAccountId: settings.businessAccountId,
        token,
      });
    },
    reply: async (account, answer) => {
      const { settings, token } = accountOf(account);
      // A template is what WhatsApp allows outside the window; a free answer there is refused before calling Meta.
      if (!answer.template && answer.citizenLastWroteAt && !withinServiceWindow(answer.citizenLastWroteAt, clock()))
        throw new ConnectorError("permanent", SERVICE_WINDOW_REFUSAL);
      const file = answer.media?.[0];
      if (file && answer.template) throw new ConnectorError("permanent", "a message template is sent without files");
      if ((answer.media?.length ?? 0) > 1)
        throw new ConnectorError("permanent", "a WhatsApp message carries one file: send the others separately");
      const content = answer.template
        ? { type: "template", template: templateMessage(answer.template) }
        : file
          ? await whatsappMediaContent({
              fetchImpl,
              baseUrl: base(settings),
              phoneNumberId: settings.phoneNumberId,
              token,
              file,
              // WhatsApp has no alternative text: the description follows the text where the caption allows.
              caption: withDescriptions(answer.text, [file], 1024),
            })
          : { type: "text", text: { body: answer.text, preview_url: false } };
      const to = answer.toHandle ?? answer.threadExternalId;
      const sent = await graphRequest(
        fetchImpl,
        {
          method: "POST",
          url: `${base(settings)}/${settings.phoneNumberId}/messages`,
          token,
          json: {
            messaging_product: "whatsapp",
            recipient_type: "individual",
            to,
            ...content,
            ...(answer.inReplyToExternalId ? { context: { message_id: answer.inReplyToExternalId } } : {}),
          },
        },
        ZSent,
      );
      return { externalId: (sent.messages[0] as { id: string }).id, url: null };
    },
    publish: async () => {
      throw new ConnectorError("permanent", "a WhatsApp channel is an inbox: nothing is published there");
    },
    findPublished: async () => null,
  };
}
