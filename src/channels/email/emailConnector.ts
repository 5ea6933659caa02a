// A shared mailbox (buergerservice@…) as a channel: citizens' mails are read by IMAP (the cursor is
// "<UIDVALIDITY>:<last UID>", IDLE wakes the sync up, polling stays the fallback), answers leave by SMTP with
// In-Reply-To/References set so that mail programs thread them. Nothing is published: the channel is an inbox.
// Automatic replies and bounces are recognised (emailKind.ts) and left out — see fetchInbound for why.
import type { ImapFlow } from "imapflow";
import type { TEmailSettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type InboundChange,
  type InboundPage,
  PUBLISHES_NOTHING,
} from "../../domain/connector.js";
import { EMAIL_PROFILE, limitsOf } from "../../domain/networks.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import { emailSettingsOf, openImap, mailError, withOpenMailbox } from "./emailConnection.js";
import { MAIL_ATTACHMENT_BYTES, sendEmailReply } from "./emailReply.js";
import { inboundOfMail } from "./emailInbound.js";

/** Mails per page: each is downloaded whole, so pages stay small; `more` fetches the next at once. */
const PAGE = 20;
/** A mail larger than this is taken in with its headers only (its text says so); the mailbox keeps it whole. */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface EmailDeps {
  /** Which mail servers may be reached (default: TLS to public addresses only). */
  networkServers?: NetworkServerAccess;
  /** Mails per page (tests make it small). */
  pageSize?: number;
  clock?: () => Date;
}

export function parseCursor(cursor: string | null): { uidValidity: string; lastUid: number } | null {
  const match = /^(\d+):(\d+)$/.exec(cursor ?? "");
  return match ? { uidValidity: match[1] as string, lastUid: Number(match[2]) } : null;
}

export function createEmailConnector(deps: EmailDeps = {}): ChannelConnector {
  const access = deps.networkServers ?? STRICT_POLICY;
  const pageSize = deps.pageSize ?? PAGE;
  const clock = deps.clock ?? (() => new Date());
  const withMailbox = <T>(
    account: ConnectorAccount,
    work: (client: ImapFlow, settings: TEmailSettings) => Promise<T>,
  ) => withOpenMailbox({ account, access }, work);

  async function fetchInbound(account: ConnectorAccount, cursor: string | null): Promise<InboundPage> {
    return withMailbox(account, async (client, settings) => {
      const mailbox = client.mailbox;
      if (!mailbox) throw new ConnectorError("transient", "the mailbox could not be opened");
      const uidValidity = mailbox.uidValidity.toString();
      const at = parseCursor(cursor);
      // The same UIDVALIDITY: the UIDs after the last one. A new one (the server rebuilt its index) or none yet:
      // the mails of the last days, which ingestion recognises by their Message-ID where it has them already.
      const uids =
        at && at.uidValidity === uidValidity
          ? ((await client.search({ uid: `${at.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > at.lastUid)
          : (await client.search(
              { since: new Date(clock().getTime() - settings.refetchDays * 86_400_000) },
              { uid: true },
            )) || [];
      uids.sort((a, b) => a - b);
      const page = uids.slice(0, pageSize);
      const lastUid =
        page.length > 0
          ? (page[page.length - 1] as number)
          : at && at.uidValidity === uidValidity
            ? at.lastUid
            : Math.max(0, Number(mailbox.uidNext) - 1);
      const changes: InboundChange[] = [];
      let autoReplies = 0;
      let bounces = 0;
      if (page.length > 0) {
        const sizes = new Map<number, number>();
        for await (const m of client.fetch(page.join(","), { uid: true, size: true }, { uid: true }))
          sizes.set(m.uid, m.size ?? 0);
        const whole = page.filter((u) => (sizes.get(u) ?? 0) <= MAX_MESSAGE_BYTES);
        const tooLarge = page.filter((u) => (sizes.get(u) ?? 0) > MAX_MESSAGE_BYTES);
        const sources = new Map<number, { source: Buffer; internalDate: Date | null }>();
        if (whole.length > 0)
          for await (const m of client.fetch(
            whole.join(","),
            { uid: true, source: true, internalDate: true },
            { uid: true },
          ))
            if (m.source) sources.set(m.uid, { source: m.source, internalDate: toDate(m.internalDate) });
        if (tooLarge.length > 0)
          for await (const m of client.fetch(
            tooLarge.join(","),
            { uid: true, headers: true, internalDate: true },
            { uid: true },
          ))
            if (m.headers)
              sources.set(m.uid, {
                source: Buffer.concat([
                  m.headers,
                  Buffer.from("\r\n(Diese E-Mail ist zu groß für draht; sie liegt vollständig im Postfach.)\r\n"),
                ]),
                internalDate: toDate(m.internalDate),
              });
        for (const uid of page) {
          const found = sources.get(uid);
          if (!found) continue;
          const inbound = await inboundOfMail(found.source, { uid, uidValidity, internalDate: found.internalDate });
          // Automatic replies and bounces are left out rather than stored marked: every later step (the
          // acknowledgement outside office hours, response-time targets, reports, the inbox's "waits for an
          // answer") would otherwise need to know the mark, and one forgotten place answers a robot, which answers
          // back. They stay in the mailbox, where people can still read them; the worker logs how many there were.
          if (inbound.kind === "auto_reply") autoReplies++;
          else if (inbound.kind === "bounce") bounces++;
          else changes.push(inbound.change);
        }
      }
      return {
        changes,
        cursor: `${uidValidity}:${lastUid}`,
        more: uids.length > page.length,
        rateLimit: null,
        skipped: autoReplies + bounces > 0 ? { autoReplies, bounces } : undefined,
      };
    });
  }

  async function streamInbound(account: ConnectorAccount, onActivity: () => void, signal: AbortSignal) {
    const settings = emailSettingsOf(account);
    const client = await openImap(settings, account, access);
    const stop = () => void client.logout().catch(() => client.close());
    try {
      const lock = await client.getMailboxLock(settings.mailbox);
      client.on("exists", () => onActivity());
      signal.addEventListener("abort", stop, { once: true });
      try {
        // IDLE until the server or the signal ends it; imapflow renews IDLE before servers drop it (RFC 2177).
        while (!signal.aborted && client.usable) await client.idle();
      } finally {
        lock.release();
      }
    } catch (error) {
      if (!signal.aborted) throw mailError(error, "IMAP");
    } finally {
      signal.removeEventListener("abort", stop);
      if (client.usable) stop();
    }
  }

  return {
    network: "email",
    capabilities: {
      publish: PUBLISHES_NOTHING,
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
        streaming: true,
      },
      reply: true,
      replyMedia: { maxTotalBytes: MAIL_ATTACHMENT_BYTES },
      connect: ["app_password"],
    },
    limits: limitsOf(EMAIL_PROFILE),
    appPassword: {
      // Mail servers have no OAuth flow draht could use for every provider: the mailbox's sign-in is stored sealed.
      connect: async ({ identifier, password }) => ({
        imapUser: identifier,
        imapPassword: password,
        smtpUser: identifier,
        smtpPassword: password,
      }),
    },
    whoAmI: async (account) => {
      const settings = emailSettingsOf(account);
      await withMailbox(account, async () => undefined);
      return { handle: settings.address, url: null };
    },
    fetchInbound,
    streamInbound,
    reply: (account, answer) => sendEmailReply({ account, answer, access, now: clock() }),
    publish: async () => {
      throw new ConnectorError("permanent", "an e-mail channel is an inbox: nothing is published there");
    },
    findPublished: async () => null,
  };
}

const toDate = (value: unknown): Date | null =>
  value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
