// The connector contract for the e-mail channel against real local servers: Debian's Dovecot (IMAP, started
// by the test in a temporary directory) holds the shared mailbox, the smtp-server package receives the answers.
// Citizens write by IMAP APPEND into the mailbox; an answer is in "the network's thread" when the SMTP server
// received it as a reply to the citizen's mail.
import { randomUUID } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createEmailConnector } from "../src/channels/email/emailConnector.js";
import { ConnectorError } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { citizenMail } from "./peers/email/citizenMail.js";
import { startDovecot } from "./peers/email/dovecotServer.js";
import { startSmtpSubmission } from "./peers/email/smtpServer.js";
import { LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";

connectorContract("e-mail (Dovecot and an SMTP server)", async () => {
  const imap = await startDovecot();
  const smtp = await startSmtpSubmission({ user: imap.user, password: imap.password });
  const make = () => createEmailConnector({ networkServers: LOCAL_NETWORK_SERVERS, pageSize: 2 });
  const account = {
    id: randomUUID(),
    orgId: randomUUID(),
    settings: {
      address: imap.user,
      displayName: "Stadt Musterstadt – Bürgerservice",
      imap: { host: imap.host, port: imap.port, security: "none" },
      smtp: { host: smtp.host, port: smtp.port, security: "none" },
    },
    credentials: { imapUser: imap.user, imapPassword: imap.password, smtpUser: imap.user, smtpPassword: imap.password },
  };
  return {
    connector: make(),
    account,
    countPublished: async () => 0,
    citizenWrites: async (text) => {
      await imap.deliver(citizenMail({ text }).raw);
    },
    threadTexts: async (messageId) =>
      smtp.received
        .filter((m) => m.parsed.inReplyTo === messageId || [m.parsed.references ?? []].flat().includes(messageId))
        .map((m) => m.parsed.text ?? ""),
    answerFiles: async (messageId) =>
      smtp.received
        .filter((m) => m.parsed.inReplyTo === messageId)
        .flatMap((m) => m.parsed.attachments.map((a) => ({ content: a.content, text: m.parsed.text ?? "" }))),
    untilStreaming: () => imap.untilIdle(),
    revokeCredentials: async () => {
      await imap.setPassword(`neu-${randomUUID()}`);
      smtp.setPassword(`neu-${randomUUID()}`);
    },
    exhaustRateLimit: async () => {
      const lift = smtp.throttle();
      return async () => lift();
    },
    restart: make,
    close: async () => {
      await smtp.close();
      await imap.close();
    },
  };
});

describe("reaching a mailbox's servers", () => {
  const account = (port: number, host = "127.0.0.1") => ({
    id: randomUUID(),
    orgId: randomUUID(),
    settings: {
      address: "buergerservice@stadt.test",
      imap: { host, port, security: "none" },
      smtp: { host, port, security: "none" },
    },
    credentials: { imapUser: "u", imapPassword: "p", smtpUser: "u", smtpPassword: "p" },
  });
  const failure = (promise: Promise<unknown> | undefined) =>
    promise?.then(
      () => null,
      (error: unknown) => error,
    );

  it("refuses a server on a private address unless the installation trusts it, before connecting", async () => {
    const error = await failure(createEmailConnector().fetchInbound?.(account(143), null));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "permanent", message: "server address not allowed (not_https)" });
  });

  it("takes a refused connection for a transient failure", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as AddressInfo).port;
        server.close(() => resolve(port));
      });
    });
    const connector = createEmailConnector({ networkServers: LOCAL_NETWORK_SERVERS });
    expect(await failure(connector.fetchInbound?.(account(closed), null))).toMatchObject({ kind: "transient" });
  });
});
