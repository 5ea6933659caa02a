// A Facebook page through the Graph API: posts (text, a link, photos with alt text: facebookPublish.ts), citizens'
// comments on the page's posts and Messenger messages to the page (Meta's webhook: facebookWebhooks.ts; polling
// fills its gaps: facebookInbound.ts), answers in the comment thread or the Messenger conversation, and the page's
// moderation: hide / unhide and delete comments, ban a person from the page.
// The credential is the page's access token. One obtained from a long-lived user token (Facebook Login) has no
// expiry, so nothing needs renewing on a schedule; it stops working when the person loses their role on the page,
// changes their password or removes draht's app — Graph then answers 190, which is auth_expired, and draht asks
// for the account to be connected again ("bitte erneut verbinden"). whoAmI asks GET /me with it to find out early.
// Messenger allows free answers for 24 hours after the citizen's last message: outside that window the connector
// refuses before calling Meta, as for WhatsApp (meta/serviceWindow.ts).
// Graph keeps no idempotency key: each post and answer is written to draht's journal the moment Meta answers
// (db/queries/networkSends.ts); a process that dies between Meta's answer and that insert can still send twice —
// for posts, recovery then also looks among the page's published posts.
import { z } from "zod";
import { type TFacebookSettings, ZFacebookSettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type ModerationRequest,
  type OutgoingReply,
} from "../../domain/connector.js";
import { NETWORK_PROFILES, limitsOf } from "../../domain/networks.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import type { SendJournal } from "../../db/queries/networkSends.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { type MetaApp, facebookLogin, keepPage, pageOf } from "../meta/facebookLogin.js";
import { graphRequest, isMissingObject } from "../meta/graphApi.js";
import { MESSENGER_WINDOW_REFUSAL, withinServiceWindow } from "../meta/serviceWindow.js";
import { fetchFacebookInbound } from "./facebookInbound.js";
import { type PageCall, findPagePost, publishToPage } from "./facebookPublish.js";
import { facebookWebhooks } from "./facebookWebhooks.js";

/** What draht asks the person to allow at Facebook Login: list and manage the page's posts, comments and messages. */
export const FACEBOOK_SCOPES = [
  "pages_show_list",
  "pages_read_engagement",
  "pages_read_user_content",
  "pages_manage_posts",
  "pages_manage_engagement",
  "pages_manage_metadata",
  "pages_messaging",
].join(",");

export interface FacebookDeps {
  journal: SendJournal;
  networkServers?: NetworkServerAccess;
  fetch?: FetchFunction;
  clock?: () => Date;
  /** draht's app at Meta (Facebook Login); null or absent: a page cannot be connected. */
  meta?: MetaApp | null;
  /** Changes per inbound page (tests make it small). */
  pageSize?: number;
}

const ZSuccess = z.object({ success: z.literal(true) });
const ZPage = z.object({ id: z.string(), name: z.string().max(500), link: z.string().max(2000).optional() });
const ZSent = z.object({ id: z.string().min(1) });
const ZMessageSent = z.object({ recipient_id: z.string(), message_id: z.string().min(1) });

const base = (settings: TFacebookSettings) => settings.serverUrl.replace(/\/$/, "");
/** Messenger's message ids (the webhook's mid) begin so; comments are "{post}_{comment}". */
const isMessengerId = (id: string) => id.startsWith("m_");

export function createFacebookConnector(deps: FacebookDeps): ChannelConnector {
  const fetchImpl = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const clock = deps.clock ?? (() => new Date());

  const settingsOf = (account: ConnectorAccount) => {
    const parsed = ZFacebookSettings.safeParse(account.settings);
    if (!parsed.success) throw new ConnectorError("permanent", "the Facebook account's settings are incomplete (page)");
    return parsed.data;
  };
  const callOf = (account: ConnectorAccount): PageCall => {
    const settings = settingsOf(account);
    const page = pageOf(account.credentials, settings.pageId);
    return { fetchImpl, base: base(settings), token: page.accessToken, pageId: settings.pageId };
  };
  const post = <S extends z.ZodType>(call: PageCall, path: string, json: unknown, schema: S) =>
    graphRequest(fetchImpl, { method: "POST", url: `${call.base}/${path}`, token: call.token, json }, schema);

  async function remove(account: ConnectorAccount, externalId: string) {
    const call = callOf(account);
    try {
      await graphRequest(
        fetchImpl,
        { method: "DELETE", url: `${call.base}/${externalId}`, token: call.token },
        ZSuccess,
      );
    } catch (error) {
      if (!isMissingObject(error)) throw error; // already gone: deleting twice is not an error
    }
  }

  async function sendReply(account: ConnectorAccount, answer: OutgoingReply): Promise<string> {
    const call = callOf(account);
    if (answer.threadExternalId === "direct" || isMessengerId(answer.inReplyToExternalId)) {
      if (answer.citizenLastWroteAt && !withinServiceWindow(answer.citizenLastWroteAt, clock()))
        throw new ConnectorError("permanent", MESSENGER_WINDOW_REFUSAL);
      if (!answer.toHandle) throw new ConnectorError("permanent", "a Messenger answer needs the citizen's id");
      const sent = await post(
        call,
        `${call.pageId}/messages`,
        { recipient: { id: answer.toHandle }, messaging_type: "RESPONSE", message: { text: answer.text } },
        ZMessageSent,
      );
      return sent.message_id;
    }
    // Under the citizen's comment (Facebook shows an answer to an answer in the same comment's thread).
    return (await post(call, `${answer.inReplyToExternalId}/comments`, { message: answer.text }, ZSent)).id;
  }

  async function moderate(account: ConnectorAccount, request: ModerationRequest) {
    const call = callOf(account);
    if (request.kind === "delete") return remove(account, request.externalId);
    if (request.kind === "hide" || request.kind === "unhide") {
      if (isMessengerId(request.externalId))
        throw new ConnectorError("permanent", "Messenger messages cannot be hidden, only comments");
      await post(call, request.externalId, { is_hidden: request.kind === "hide" }, ZSuccess);
      return;
    }
    if (request.kind === "block") {
      // Graph answers `{ "<user-id>": true }`; a person who cannot be banned is `false`.
      const banned = await post(
        call,
        `${call.pageId}/blocked`,
        { user: request.authorHandle },
        z.record(z.string(), z.boolean()),
      );
      if (banned[request.authorHandle] !== true)
        throw new ConnectorError("permanent", "Facebook did not ban this person from the page");
      return;
    }
    throw new ConnectorError("permanent", `Facebook pages cannot ${request.kind}`);
  }

  return {
    network: "facebook",
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: false,
        polls: false,
        contentWarning: false,
        replyPolicy: false,
      },
      editOwn: false,
      deleteOwn: true,
      inbound: {
        mode: "poll",
        replies: true,
        mentions: false,
        quotes: false,
        directMessages: true,
        edits: false,
        deletions: true,
        streaming: false,
      },
      reply: true,
      connect: ["oauth"],
    },
    limits: { ...limitsOf(NETWORK_PROFILES.facebook), mediaTypes: ["image/jpeg", "image/png", "image/gif"] },
    moderationKinds: ["hide", "unhide", "delete", "block"],
    oauth: facebookLogin({ fetchImpl, app: deps.meta ?? null, network: "facebook", scopes: FACEBOOK_SCOPES, clock }),
    // Of the pages the person manages, only the account's own page and its token are kept (least privilege).
    credentialsToKeep: (account) => keepPage(account.credentials, settingsOf(account).pageId),
    async whoAmI(account) {
      const call = callOf(account);
      const page = await graphRequest(
        fetchImpl,
        { url: `${call.base}/me?fields=id,name,link`, token: call.token },
        ZPage,
      );
      if (page.id !== call.pageId)
        throw new ConnectorError("auth_expired", "the access token belongs to another Facebook page");
      return { handle: page.name, url: page.link ?? `https://www.facebook.com/${page.id}`, remoteAccountId: page.id };
    },
    webhooks: facebookWebhooks((account) => ZFacebookSettings.safeParse(account.settings).data?.pageId ?? null),
    async publish(account, outgoing) {
      const item = await publishToPage(callOf(account), outgoing);
      await deps.journal.record({ accountId: account.id, idempotencyKey: outgoing.idempotencyKey, ...item });
      return item;
    },
    async findPublished(account, lookup) {
      const known = await deps.journal.find({ accountId: account.id, idempotencyKey: lookup.idempotencyKey });
      return known ?? findPagePost(callOf(account), lookup);
    },
    deleteOwn: remove,
    fetchInbound: (account, cursor) =>
      fetchFacebookInbound({ ...callOf(account), now: clock(), pageSize: deps.pageSize ?? 100 }, cursor),
    async findDeleted(account, externalIds) {
      const call = callOf(account);
      const gone: string[] = [];
      for (const id of externalIds.filter((x) => !isMessengerId(x))) {
        try {
          await graphRequest(fetchImpl, { url: `${call.base}/${id}?fields=id`, token: call.token }, ZSent);
        } catch (error) {
          if (!isMissingObject(error)) throw error;
          gone.push(id);
        }
      }
      return gone;
    },
    deletionChecksPerRound: 25,
    async reply(account, answer) {
      const known = await deps.journal.find({ accountId: account.id, idempotencyKey: answer.idempotencyKey });
      if (known) return known;
      const item = { externalId: await sendReply(account, answer), url: null };
      await deps.journal.record({ accountId: account.id, idempotencyKey: answer.idempotencyKey, ...item });
      return item;
    },
    moderate,
  };
}
