// An Instagram professional account as a channel, reached through the Facebook page it is linked to (Graph API):
// publishes images and carousels with alt text in Meta's two steps (instagramPublish.ts), takes citizens' comments
// on its media by polling (instagramInbound.ts) and by webhook, direct messages by webhook (instagramWebhooks.ts),
// answers comments in their thread (POST /{comment-id}/replies) and direct messages through the page within
// 24 hours of the citizen's last message (Meta's messaging window), hides, shows again and deletes comments. Its
// own media cannot be deleted through the API (Meta offers no such call for most accounts): deleteOwn is not declared.
import { z } from "zod";
import type { SendJournal } from "../../db/queries/networkSends.js";
import { type ChannelConnector, ConnectorError, type ModerationRequest } from "../../domain/connector.js";
import { NETWORK_PROFILES, limitsOf } from "../../domain/networks.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { ZInstagramSettings } from "../../domain/channelSettings.js";
import { type MetaApp, ZFacebookLoginCredentials, facebookLogin, keepPage } from "../meta/facebookLogin.js";
import { graphRequest } from "../meta/graphApi.js";
import { answerWindowOf } from "../../domain/answerWindow.js";
import {
  DIRECT_THREAD_PREFIX,
  type InstagramAccount,
  ZInstagramCredentials,
  instagramAccountOf,
  linkedPage,
} from "./instagramAccount.js";
import { fetchInstagramInbound } from "./instagramInbound.js";
import { findOnInstagram, publishOnInstagram } from "./instagramPublish.js";
import { instagramWebhooks } from "./instagramWebhooks.js";

/** Why a login is refused that does not manage the account's page (shown to the person connecting). */
const NOT_AMONG_PAGES =
  "Das Instagram-Konto ist mit keiner Facebook-Seite verknüpft, die die angemeldete Person verwaltet. Bitte mit einem Konto anmelden, das die verknüpfte Seite verwaltet.";

/** What draht records when a direct message may no longer be answered freely (shown to the person who answered). */
export const MESSAGING_WINDOW_REFUSAL =
  "Nicht gesendet: Die letzte Nachricht der Bürgerin oder des Bürgers ist mehr als 24 Stunden alt. Instagram erlaubt dann keine Antwort per Direktnachricht mehr.";

export interface InstagramDeps {
  /** Which servers may be reached (default: https to public addresses only; tests allow their fake Graph API). */
  networkServers?: NetworkServerAccess;
  fetch?: FetchFunction;
  clock?: () => Date;
  /** draht's journal of sends: Instagram keeps no idempotency key. */
  journal: SendJournal;
  sleep?: (ms: number) => Promise<void>;
  /** Status checks of a container before it is left for the next attempt (default 5). */
  statusChecks?: number;
  /** Comments per inbound page (default 50). */
  pageSize?: number;
  /** draht's app at Meta, for Facebook Login; null or absent: connecting by login is refused in draht's words. */
  meta?: MetaApp | null;
}

/** What Facebook Login asks the person for: the page list, the Instagram account's publishing, comments, messages. */
const LOGIN_SCOPES = [
  "pages_show_list",
  "pages_read_engagement",
  "pages_manage_metadata",
  "business_management",
  "instagram_basic",
  "instagram_content_publish",
  "instagram_manage_comments",
  "instagram_manage_messages",
].join(",");

const ZAccount = z.object({ id: z.string(), username: z.string() });
const ZCreated = z.object({ id: z.string().min(1) });
const ZMessageSent = z.object({ message_id: z.string().min(1), recipient_id: z.string().optional() });
const ZSuccess = z.object({ success: z.boolean() });

const profile = NETWORK_PROFILES.instagram;

export function createInstagramConnector(deps: InstagramDeps): ChannelConnector {
  const fetchImpl = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const clock = deps.clock ?? (() => new Date());
  const publishDeps = {
    fetchImpl,
    journal: deps.journal,
    sleep: deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    statusChecks: deps.statusChecks ?? 5,
  };
  const post = (ig: InstagramAccount, path: string, json: unknown) =>
    graphRequest(fetchImpl, { method: "POST", url: `${ig.base}/${path}`, token: ig.token, json }, ZCreated);

  return {
    network: "instagram",
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: false,
        polls: false,
        contentWarning: false,
        replyPolicy: false,
        mediaRequired: true,
      },
      editOwn: false,
      deleteOwn: false,
      inbound: {
        mode: "poll",
        replies: true,
        mentions: false,
        quotes: false,
        directMessages: true,
        edits: false,
        deletions: false,
        streaming: false,
      },
      reply: true,
      connect: ["oauth", "app_password"],
    },
    // Images only for now (videos would be Reels, another container kind): JPEG as Meta's reference names, and PNG.
    limits: { ...limitsOf(profile), mediaTypes: ["image/jpeg", "image/png"] },
    oauth: facebookLogin({ fetchImpl, app: deps.meta ?? null, network: "instagram", scopes: LOGIN_SCOPES, clock }),
    // Facebook Login returns every page the person manages: only the page linked to this Instagram account is kept.
    credentialsToKeep: (account) => {
      const login = ZFacebookLoginCredentials.safeParse(account.credentials);
      if (!login.success) return account.credentials; // a page token entered by hand
      const page = linkedPage(account.credentials, ZInstagramSettings.parse(account.settings));
      if (!page) throw new ConnectorError("permanent", NOT_AMONG_PAGES);
      return keepPage(account.credentials, page.id);
    },
    appPassword: {
      // The page's access token, entered as the "password", with the Instagram account's id; whoAmI checks both at
      // Meta before they are kept.
      connect: async ({ identifier, password }) => ({ accessToken: password.trim(), igUserId: identifier.trim() }),
    },
    whoAmI: async (account) => {
      const ig = instagramAccountOf(account);
      const given = ZInstagramCredentials.safeParse(account.credentials).data?.igUserId;
      if (given !== undefined && given !== "" && given !== ig.settings.igUserId)
        throw new ConnectorError("auth_expired", "the Instagram account id given is not the account's");
      const me = await graphRequest(
        fetchImpl,
        { url: `${ig.base}/${ig.settings.igUserId}?fields=id,username`, token: ig.token },
        ZAccount,
      );
      return {
        handle: `@${me.username}`,
        url: `https://www.instagram.com/${encodeURIComponent(me.username)}/`,
        remoteAccountId: me.id,
      };
    },
    fetchInbound: (account, cursor) => fetchInstagramInbound(fetchImpl, account, cursor, deps.pageSize ?? 50),
    webhooks: instagramWebhooks,
    publish: (account, outgoing) => publishOnInstagram(publishDeps, account, outgoing),
    findPublished: (account, lookup) => findOnInstagram(publishDeps, account, lookup),
    reply: async (account, answer) => {
      const known = await deps.journal.find({ accountId: account.id, idempotencyKey: answer.idempotencyKey });
      if (known) return known;
      const ig = instagramAccountOf(account);
      let externalId: string;
      if (answer.threadExternalId.startsWith(DIRECT_THREAD_PREFIX)) {
        const window = answer.citizenLastWroteAt
          ? answerWindowOf({
              network: "instagram",
              direct: true,
              citizenLastWroteAt: answer.citizenLastWroteAt,
              now: clock(),
            })
          : null;
        if (window && !window.open) throw new ConnectorError("permanent", MESSAGING_WINDOW_REFUSAL);
        const recipient = answer.threadExternalId.slice(DIRECT_THREAD_PREFIX.length);
        // Instagram messaging through the page (Messenger Platform): POST /{page-id}/messages.
        const sent = await graphRequest(
          fetchImpl,
          {
            method: "POST",
            url: `${ig.base}/${ig.pageId ?? ig.settings.igUserId}/messages`,
            token: ig.token,
            json: { recipient: { id: recipient }, message: { text: answer.text } },
          },
          ZMessageSent,
        );
        externalId = sent.message_id;
      } else if (answer.inReplyToExternalId === answer.threadExternalId) {
        // An answer to the medium itself: a comment of the account's own under it.
        externalId = (await post(ig, `${answer.threadExternalId}/comments`, { message: answer.text })).id;
      } else {
        externalId = (await post(ig, `${answer.inReplyToExternalId}/replies`, { message: answer.text })).id;
      }
      const item = { externalId, url: null };
      await deps.journal.record({ accountId: account.id, idempotencyKey: answer.idempotencyKey, ...item });
      return item;
    },
    moderationKinds: ["hide", "unhide", "delete"],
    moderate: async (account, request) => moderateComment(fetchImpl, instagramAccountOf(account), request),
  };
}

async function moderateComment(fetchImpl: FetchFunction, ig: InstagramAccount, request: ModerationRequest) {
  const url = `${ig.base}/${encodeURIComponent(request.externalId)}`;
  if (request.kind === "hide" || request.kind === "unhide") {
    await graphRequest(
      fetchImpl,
      { method: "POST", url, token: ig.token, json: { hide: request.kind === "hide" } },
      ZSuccess,
    );
    return;
  }
  if (request.kind !== "delete")
    throw new ConnectorError("permanent", `Instagram cannot ${request.kind} through its API`);
  try {
    await graphRequest(fetchImpl, { method: "DELETE", url, token: ig.token }, ZSuccess);
  } catch (error) {
    // Graph answers an object that no longer exists with code 100, subcode 33: deleted twice is deleted.
    if (error instanceof ConnectorError && error.kind === "permanent" && isGone(error)) return;
    throw error;
  }
}

const isGone = (error: ConnectorError) =>
  /Graph error 100$/.test(error.message) && /does not exist/i.test(error.detail ?? "");
