// What every use case receives besides its own options: the database, a logger, the clock,
// the security settings and which network servers may be reached. Built once at start (server or CLI) and in tests.
import { promises as dns } from "node:dns";
import { type TConfig, loginMaxWaitMinutes } from "../config.js";
import type { Db } from "../db/client.js";
import type { HostLookup, NetworkServerPolicy } from "../domain/serverAddress.js";
import type { Logger } from "../logger.js";
import type { TextAnalyser } from "../text/analysis.js";
import { defaultTextAnalyser } from "./analysis/defaultAnalyser.js";
import { type Mailer, createSmtpMailer } from "./mail/smtpMailer.js";
import { installAuditKey } from "./security/auditKey.js";
import type { InstallationKeys } from "./security/bind-installation-keys.js";
import type { CredentialVault } from "./security/credentialVault.js";
import { type PasswordHasher, createPasswordHasher } from "./security/passwordHasher.js";

export interface SecuritySettings {
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Free failed password attempts per account and client address (ten times that per address). */
  loginMaxFailures: number;
  /** The longest wait the password throttle imposes. */
  loginMaxDelayMs: number;
}

/** Anti-spam settings of the citizen-facing pages. */
export interface PublicSettings {
  powBits: number;
  commentsPerSession: number;
  commentsPerIp: number;
  votesPerIp: number;
  sessionsPerIp: number;
  rateWindowMs: number;
}

export interface AppContext {
  db: Db;
  log: Logger;
  clock: () => Date;
  passwords: PasswordHasher;
  security: SecuritySettings;
  public: PublicSettings;
  /** Where citizens reach this instance (links in e-mails and published items). */
  publicUrl: string;
  /** Intent, sentiment and moderation signals of inbound messages. */
  analyser: TextAnalyser;
  /** Seals and opens channel credentials (AES-256-GCM, key from the environment). */
  credentials: CredentialVault;
  /** Which network servers may be reached (ALLOW_PRIVATE_NETWORK_SERVERS), and how host names resolve. */
  networkServers: NetworkServerPolicy & { lookup: HostLookup };
  /** HMAC key of the audit chains (AUDIT_KEY or DATA_DIR/audit.key), never stored in the database (its fingerprint is). */
  auditKey: Buffer;
  /** E-mail through SMTP_URL; null when it is not configured (then nothing is ever sent). */
  mailer: Mailer | null;
  /** Who runs the installation, for the push services (VAPID_SUBJECT, else SMTP_FROM's address). */
  pushSubject: string;
}

/** Who is acting: a signed-in person (with their grant in the organisation at hand) or the operator's CLI. */
export interface Principal {
  userId: string | null;
  /** E-mail of the person, or "cli" / "system". Stored in the audit trail. */
  label: string;
  requestId?: string;
}

/** `keys` as bindInstallationKeys returned them (checked against the database at start). */
export function buildAppContext(args: {
  db: Db;
  log: Logger;
  config: TConfig;
  keys: InstallationKeys;
  clock?: () => Date;
}): AppContext {
  const { config } = args;
  const auditKey = args.keys.audit;
  installAuditKey(auditKey);
  return {
    db: args.db,
    log: args.log,
    clock: args.clock ?? (() => new Date()),
    passwords: createPasswordHasher({ memoryKib: config.ARGON2_MEMORY_KIB, iterations: config.ARGON2_ITERATIONS }),
    security: {
      sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
      sessionIdleMs: config.SESSION_IDLE_MINUTES * 60_000,
      loginMaxFailures: config.LOGIN_MAX_FAILURES,
      loginMaxDelayMs: loginMaxWaitMinutes(config) * 60_000,
    },
    publicUrl: config.PUBLIC_URL.replace(/\/$/, ""),
    analyser: defaultTextAnalyser(),
    credentials: args.keys.credentials,
    networkServers: {
      trustedHosts: config.ALLOW_PRIVATE_NETWORK_SERVERS,
      lookup: (hostname) => dns.lookup(hostname, { all: true, verbatim: true }),
    },
    auditKey,
    mailer: config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.SMTP_FROM }) : null,
    pushSubject: config.VAPID_SUBJECT ?? `mailto:${addressOf(config.SMTP_FROM)}`,
    public: {
      powBits: config.PUBLIC_POW_BITS,
      commentsPerSession: config.PUBLIC_COMMENTS_PER_SESSION,
      commentsPerIp: config.PUBLIC_COMMENTS_PER_IP,
      votesPerIp: config.PUBLIC_VOTES_PER_IP,
      sessionsPerIp: config.PUBLIC_SESSIONS_PER_IP,
      rateWindowMs: config.PUBLIC_RATE_WINDOW_MINUTES * 60_000,
    },
  };
}

/** The address in a sender such as "Stadt <presse@stadt.de>". */
function addressOf(sender: string): string {
  return /<([^<>\s]+)>/.exec(sender)?.[1] ?? sender.trim();
}
