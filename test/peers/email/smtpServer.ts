// The mailbox's outgoing server for the e-mail channel's tests: the smtp-server package, requiring sign-in
// (PLAIN/LOGIN without TLS on loopback) with the mailbox's user and password, keeping every message it
// accepted — envelope and raw text — for the test to read, parsed with mailparser like a recipient would.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SubmittedMail {
  from: string | null;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSubmissionServer {
  host: string;
  port: number;
  received: SubmittedMail[];
  /** Makes the server refuse mail as throttled (421 4.7.0) until the returned function is called. */
  throttle(): () => void;
  /** Changes the password the server accepts. */
  setPassword(password: string): void;
  close(): Promise<void>;
}

export async function startSmtpSubmission(auth: { user: string; password: string }): Promise<SmtpSubmissionServer> {
  const received: SubmittedMail[] = [];
  let password = auth.password;
  let throttled = false;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(credentials, _session, callback) {
      if (credentials.username === auth.user && credentials.password === password)
        return callback(null, { user: credentials.username });
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      if (throttled)
        return callback(Object.assign(new Error("4.7.0 Too many messages, try again later"), { responseCode: 421 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    received,
    throttle() {
      throttled = true;
      return () => {
        throttled = false;
      };
    },
    setPassword(next) {
      password = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
