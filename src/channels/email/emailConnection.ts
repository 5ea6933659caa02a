// Opening the mailbox's IMAP and SMTP connections under the address rule (domain/serverAddress.ts): the host
// is resolved once and every address checked, then draht connects to exactly that address (TLS still checks the
// certificate against the name). Unencrypted connections count as plain http does: only to hosts the operator
// trusts. Failures are classified for the worker: refused sign-in → auth_expired, unreachable → transient.
import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { z } from "zod";
import { type TEmailSettings, type TMailServer, ZEmailSettings } from "../../domain/channelSettings.js";
import { type ConnectorAccount, ConnectorError, refusedServerError } from "../../domain/connector.js";
import {
  type NetworkServerAccess,
  isIpLiteral,
  refusalOfAddress,
  refusalOfTarget,
} from "../../domain/serverAddress.js";
import { systemLookup } from "../../net/guardedFetch.js";

/** The sealed part of an e-mail account: the sign-ins at both servers (often the same). */
export const ZEmailCredentials = z.object({
  imapUser: z.string().min(1).max(320),
  imapPassword: z.string().min(1).max(1000),
  smtpUser: z.string().min(1).max(320),
  smtpPassword: z.string().min(1).max(1000),
});
export type TEmailCredentials = z.infer<typeof ZEmailCredentials>;

const TIMEOUT_MS = 20_000;

export function credentialsOf(account: ConnectorAccount): TEmailCredentials {
  const parsed = ZEmailCredentials.safeParse(account.credentials);
  if (!parsed.success) throw new ConnectorError("auth_expired", "the mailbox is not connected (no sign-in stored)");
  return parsed.data;
}

/** The address to connect to, after the rule allowed the server. */
async function allowedAddress(server: TMailServer, access: NetworkServerAccess): Promise<string> {
  const policy = { trustedHosts: access.trustedHosts };
  const target = { protocol: server.security === "none" ? "http:" : "https:", hostname: server.host };
  const refusal = refusalOfTarget(target, policy);
  if (refusal) throw refusedServerError(refusal) ?? refusal;
  if (isIpLiteral(server.host)) return server.host.replace(/^\[|\]$/g, "");
  const addresses = await (access.lookup ?? systemLookup)(server.host).catch((error: unknown) => {
    throw new ConnectorError("transient", "the mail server's name could not be resolved", { cause: error });
  });
  for (const { address } of addresses) {
    const refused = refusalOfAddress(address, policy, server.host);
    if (refused) throw refusedServerError(refused) ?? refused;
  }
  const first = addresses[0];
  if (!first) throw new ConnectorError("transient", "the mail server's name has no address");
  return first.address;
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "NoConnection",
  "ECONNECTION",
  "ESOCKET",
  "EDNS",
  "CONNECT_TIMEOUT",
  "GREETING_TIMEOUT",
]);

/** A failure of either server as the worker needs it; the servers' own words go to `detail` only. */
export function mailError(error: unknown, what: "IMAP" | "SMTP"): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const refused = refusedServerError(error);
  if (refused) return refused;
  const e = (error ?? {}) as {
    code?: string;
    authenticationFailed?: boolean;
    responseCode?: number;
    response?: string;
    message?: string;
  };
  const detail = e.response ?? e.message ?? null;
  if (e.authenticationFailed || e.code === "EAUTH" || e.responseCode === 535)
    return new ConnectorError("auth_expired", `the ${what} server refused the sign-in`, { cause: error, detail });
  // SMTP's throttling answers (421/450/451 with an enhanced status 4.7.x): try again later, not at once.
  if (
    e.responseCode !== undefined &&
    e.responseCode >= 400 &&
    e.responseCode < 500 &&
    /\b4\.7\.\d+\b/.test(detail ?? "")
  )
    return new ConnectorError("rate_limited", `the ${what} server asks to send later (${e.responseCode})`, {
      cause: error,
      detail,
      retryAfterMs: 5 * 60_000,
    });
  if (
    (e.code && UNREACHABLE.has(e.code)) ||
    (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500)
  )
    return new ConnectorError("transient", `the ${what} server could not be reached or refused for now`, {
      cause: error,
      detail,
    });
  if (e.responseCode !== undefined && e.responseCode >= 500)
    return new ConnectorError("permanent", `the ${what} server refused the mail (${e.responseCode})`, {
      cause: error,
      detail,
    });
  return new ConnectorError("transient", `the ${what} connection failed`, { cause: error, detail });
}

/** A signed-in IMAP connection (the caller logs out). */
export async function openImap(settings: TEmailSettings, account: ConnectorAccount, access: NetworkServerAccess) {
  const credentials = credentialsOf(account);
  const address = await allowedAddress(settings.imap, access);
  const client = new ImapFlow({
    host: address,
    port: settings.imap.port,
    secure: settings.imap.security === "tls",
    doSTARTTLS: settings.imap.security === "starttls" ? true : settings.imap.security === "none" ? false : undefined,
    servername: settings.imap.host,
    auth: { user: credentials.imapUser, pass: credentials.imapPassword },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
  });
  // A connection lost later is reported here as well; the current command fails with it.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw mailError(error, "IMAP");
  }
  return client;
}

/** An SMTP transport to the account's outgoing server. */
export async function smtpTransport(settings: TEmailSettings, account: ConnectorAccount, access: NetworkServerAccess) {
  const credentials = credentialsOf(account);
  const address = await allowedAddress(settings.smtp, access);
  return nodemailer.createTransport({
    host: address,
    port: settings.smtp.port,
    secure: settings.smtp.security === "tls",
    requireTLS: settings.smtp.security === "starttls",
    ignoreTLS: settings.smtp.security === "none",
    tls: { servername: settings.smtp.host },
    auth: { user: credentials.smtpUser, pass: credentials.smtpPassword },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
  });
}

export function emailSettingsOf(account: ConnectorAccount): TEmailSettings {
  const parsed = ZEmailSettings.safeParse(account.settings);
  if (!parsed.success) throw new ConnectorError("permanent", "the account has no valid mailbox settings");
  return parsed.data;
}

/** Runs `work` with the account's mailbox (its folder) open and locked, and logs out whatever happens. */
export async function withOpenMailbox<T>(
  args: { account: ConnectorAccount; access: NetworkServerAccess },
  work: (client: ImapFlow, settings: TEmailSettings) => Promise<T>,
): Promise<T> {
  const settings = emailSettingsOf(args.account);
  const client = await openImap(settings, args.account, args.access);
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      return await work(client, settings);
    } finally {
      lock.release();
    }
  } catch (error) {
    throw mailError(error, "IMAP");
  } finally {
    await client.logout().catch(() => client.close());
  }
}
