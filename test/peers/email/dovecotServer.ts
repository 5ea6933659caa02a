// A real IMAP server for the e-mail channel's tests: Debian's Dovecot, started by the test as a child process
// in the foreground (-F) with its own configuration in a temporary directory — its own base_dir and state,
// a free port on 127.0.0.1, plaintext sign-in allowed (loopback only, no TLS), one user from a passwd-file and
// its maildir in the same directory — and stopped after the test. A fresh machine gets Dovecot installed
// first (as .ci/run does), so `npm test` needs nothing prepared by hand.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";

const DOVECOT = "/usr/sbin/dovecot";
const DOVEADM = "/usr/bin/doveadm";

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Where the user's mail lives (maildir), for a test that looks at the files. */
  mailDir: string;
  /** Resolves once a connection of the user waits in IDLE (the process titles say so). */
  untilIdle(): Promise<void>;
  /** Puts a mail into the user's INBOX or another folder (IMAP APPEND, as a delivery would). */
  deliver(raw: string, folder?: string): Promise<void>;
  /** Changes the password the server accepts (the mailbox's credentials were changed by its administrator). */
  setPassword(password: string): Promise<void>;
  /** Gives a folder (default INBOX) a new UIDVALIDITY, keeping its UIDs. */
  renewUidValidity(folder?: string): void;
  /**
   * Throws away a folder's index and UID list, as after a broken index or a restored backup: Dovecot rebuilds
   * it with a new UIDVALIDITY and numbers the mails from 1 again.
   */
  rebuildIndex(folder: string): void;
  /** Deletes the folder's mails with these Message-IDs (moved away by a colleague). */
  expunge(folder: string, messageIds: string[]): Promise<void>;
  /** Makes a new folder (each test its own mailbox to read, in one server). */
  createFolder(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Installs Debian's Dovecot IMAP server where it is missing (the tests run as root in CI, as .ci/run does). */
export function ensureDovecotInstalled(): void {
  if (existsSync(DOVECOT)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "-qq", "dovecot-imapd"], { env, stdio: "ignore" });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** Resolves once the server greets on its port (Dovecot forks its login processes after starting). */
async function untilGreets(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${readLog(log)}`);
    const greeting = await new Promise<string>((resolve) => {
      const socket = new Socket();
      socket.setTimeout(1000);
      socket.once("data", (data) => (socket.destroy(), resolve(data.toString())));
      socket.once("error", () => resolve(""));
      socket.once("timeout", () => (socket.destroy(), resolve("")));
      socket.connect(port, "127.0.0.1");
    });
    if (greeting.startsWith("* OK")) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not answer on port ${port}: ${readLog(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readLog = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").slice(-2000) : "(no log)");

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<DovecotServer> {
  ensureDovecotInstalled();
  const dir = mkdtempSync(join(tmpdir(), "draht-dovecot-"));
  const user = options.user ?? "buergerservice@stadt.test";
  let password = options.password ?? "geheim-123";
  const port = await freePort();
  // As root, mail is kept as the unprivileged "dovecot" user (Dovecot refuses uid 0 for mail); otherwise as ourselves.
  const me = userInfo();
  const asRoot = me.uid === 0;
  const ids = asRoot ? execFileSync("id", ["-u", "dovecot"]).toString().trim() : String(me.uid);
  const gid = asRoot ? execFileSync("id", ["-g", "dovecot"]).toString().trim() : String(me.gid);
  const home = join(dir, "home");
  const mailDir = join(home, "Maildir");
  mkdirSync(mailDir, { recursive: true });
  if (asRoot) {
    // Dovecot's auth process reads the passwd-file as its own user: it may pass through the directory.
    chmodSync(dir, 0o711);
    chownSync(home, Number(ids), Number(gid));
    chownSync(mailDir, Number(ids), Number(gid));
  }
  const passwd = join(dir, "passwd");
  const writePasswd = () => writeFileSync(passwd, `${user}:{PLAIN}${password}:${ids}:${gid}::${home}\n`);
  writePasswd();
  const log = join(dir, "dovecot.log");
  const config = join(dir, "dovecot.conf");
  const unprivileged = asRoot ? "" : `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}\n`;
  writeFileSync(
    config,
    `base_dir = ${join(dir, "run")}
state_dir = ${join(dir, "state")}
instance_name = draht-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
# The imap processes show their command in the process title ("… IDLE]"): tests see when IDLE is on.
verbose_proctitle = yes
log_path = ${log}
${unprivileged}mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${passwd}
}
userdb {
  driver = passwd-file
  args = ${passwd}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child = spawn(DOVECOT, ["-F", "-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await untilGreets(port, child, log);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message} ${stderr}`);
  }
  const withClient = async (work: (client: ImapFlow) => Promise<unknown>) => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.logout();
    }
  };
  const doveadm = (...args: string[]) => execFileSync(DOVEADM, ["-c", config, ...args], { stdio: "pipe" });
  return {
    host: "127.0.0.1",
    port,
    user,
    get password() {
      return password;
    },
    mailDir,
    async untilIdle() {
      const deadline = Date.now() + 5000;
      while (
        !execFileSync("ps", ["-eo", "pid,ppid,args"])
          .toString()
          .split("\n")
          .some((l) => l.includes(`[${user} `) && l.includes("IDLE]"))
      ) {
        if (Date.now() > deadline) throw new Error("no IMAP connection went into IDLE within 5 s");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    rebuildIndex(folder) {
      const path = folder === "INBOX" ? mailDir : join(mailDir, `.${folder}`);
      for (const file of readdirSync(path))
        if (file.startsWith("dovecot-uidlist") || file.startsWith("dovecot.index")) rmSync(join(path, file));
    },
    async expunge(folder, messageIds) {
      await withClient(async (client) => {
        const lock = await client.getMailboxLock(folder);
        try {
          for (const id of messageIds) {
            const uids = (await client.search({ header: { "message-id": id } }, { uid: true })) || [];
            if (uids.length > 0) await client.messageDelete(uids.join(","), { uid: true });
          }
        } finally {
          lock.release();
        }
      });
    },
    async createFolder(name) {
      await withClient((client) => client.mailboxCreate(name));
    },
    async deliver(raw, folder = "INBOX") {
      await withClient((client) => client.append(folder, raw));
    },
    async setPassword(next) {
      password = next;
      writePasswd();
      // The auth process keeps the passwd-file it read: a reload makes it read the file again.
      doveadm("reload");
      await untilGreets(port, child, log);
    },
    renewUidValidity(folder = "INBOX") {
      const current = doveadm("-f", "flow", "mailbox", "status", "-u", user, "uidvalidity", folder).toString();
      const value = Number(/uidvalidity=(\d+)/.exec(current)?.[1] ?? "0");
      doveadm("mailbox", "update", "-u", user, "--uid-validity", String(value + 1), folder);
    },
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
