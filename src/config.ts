// Process configuration: read once from the environment at start, validated with zod.
// A wrong value stops the start with a message naming the variable.
import { isIP } from "node:net";
import { z } from "zod";

export const ZConfig = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("localhost"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** The longest a client address waits after repeated wrong passwords (nothing is ever locked). */
  LOGIN_MAX_WAIT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  /** The earlier name of LOGIN_MAX_WAIT_MINUTES, still read when the new one is not set. */
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  ARGON2_MEMORY_KIB: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(19_456),
  ARGON2_ITERATIONS: z.coerce.number().int().min(1).max(20).default(2),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  /** Largest delivery to the webhook endpoint (networks send small batches: Meta's are a few KiB). */
  WEBHOOK_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  /**
   * Which peers may tell the client's address in X-Forwarded-For: false (none), a comma-separated list of
   * proxy addresses, CIDR ranges or the names loopback, linklocal, uniquelocal; true means those three
   * (a proxy on this machine or in a private network). Never every peer: a client could then make up an
   * address per request and pass the sign-in throttle.
   */
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if (parsed === null)
        context.addIssue({ code: "custom", message: "false, true, or a list of proxy addresses / CIDR ranges" });
      return parsed ?? false;
    })
    .default(false),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  MEDIA_MAX_VIDEO_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Proof-of-work a citizen's browser solves before a comment or vote: leading zero bits of SHA-256. */
  PUBLIC_POW_BITS: z.coerce.number().int().min(0).max(24).default(16),
  PUBLIC_COMMENTS_PER_SESSION: z.coerce.number().int().min(1).max(100_000).default(5),
  PUBLIC_COMMENTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  PUBLIC_VOTES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
  PUBLIC_SESSIONS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  PUBLIC_RATE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** 32 bytes (base64 or hex) sealing channel credentials at rest; without it, a key file in DATA_DIR. */
  CREDENTIALS_KEY: z.string().min(1).optional(),
  /** Earlier keys, comma-separated, that still open credentials until `draht credentials rotate` re-seals them. */
  CREDENTIALS_KEYS_PREVIOUS: z.string().optional(),
  /** 32 bytes (base64 or hex) under which audit events are HMAC-chained; without it, a key file in DATA_DIR. */
  AUDIT_KEY: z.string().min(1).optional(),
  /**
   * draht's app at X (developer.x.com, OAuth 2.0, confidential client): X registers no clients on the fly, so the
   * operator creates the app once and sets its client id and secret here. Unset: X accounts cannot be connected.
   */
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  /** The PLC directory where Bluesky (AT Protocol) DIDs resolve. */
  ATPROTO_PLC_URL: z.url({ protocol: /^https?$/ }).default("https://plc.directory"),
  /**
   * Network servers (Mastodon instances, Bluesky PDSes) draht may reach on private, loopback or link-local
   * addresses and over plain http: `true` for any host (a local test network only), or a comma-separated list
   * of host names (a server in the town hall's own network). Unset: https to public addresses only.
   */
  ALLOW_PRIVATE_NETWORK_SERVERS: z
    .string()
    .default("false")
    .transform((value) =>
      /^(true|1|yes|\*)$/i.test(value.trim())
        ? ["*"]
        : /^(false|0|no)$/i.test(value.trim())
          ? []
          : value.split(",").map((host) => host.trim().toLowerCase()),
    )
    .pipe(
      z.array(
        z.union([
          z.literal("*"),
          z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$|^[0-9a-f:.]+$/, "must be true, false or host names"),
        ]),
      ),
    ),
  /**
   * Where the weekly report is e-mailed through: smtp://user:password@host:587 or smtps://…:465. Unset: no
   * e-mail is sent (the report is still delivered in the app) and nothing connects anywhere.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of those e-mails, e.g. "Stadt Musterstadt <berichte@musterstadt.de>". */
  SMTP_FROM: z.string().min(3).max(200).default("draht <draht@localhost>"),
  /**
   * Who runs this installation, for the push services (the VAPID "sub" claim): a mailto: address or an https:
   * page. Unset: the address of SMTP_FROM. The VAPID key itself is made by draht on first use (sealed in the DB).
   */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https: address")
    .optional(),
  /**
   * draht's app at Meta (developers.facebook.com), for Facebook pages and Instagram: its id and secret, used by
   * Facebook Login and to check the signature of Meta's webhook deliveries. Unset: those channels cannot be connected.
   */
  META_APP_ID: z
    .string()
    .regex(/^[0-9]{1,30}$/, "digits only")
    .optional(),
  META_APP_SECRET: z.string().min(16).max(200).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type TConfig = z.infer<typeof ZConfig>;

/** draht's app at Meta, when both its id and secret are set (one without the other is no app). */
export function metaAppOf(config: Pick<TConfig, "META_APP_ID" | "META_APP_SECRET">) {
  return config.META_APP_ID && config.META_APP_SECRET
    ? { appId: config.META_APP_ID, appSecret: config.META_APP_SECRET }
    : null;
}

const PRIVATE_PEERS = ["loopback", "linklocal", "uniquelocal"];

function parseTrustProxy(value: string): false | string[] | null {
  const text = value.trim().toLowerCase();
  if (["false", "no", "0"].includes(text)) return false;
  if (["true", "yes", "1"].includes(text)) return PRIVATE_PEERS;
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const valid = (entry: string) => {
    const [address = "", prefix, extra] = entry.split("/");
    if (extra !== undefined) return false;
    if (PRIVATE_PEERS.includes(entry)) return true;
    return isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
  };
  return entries.length > 0 && entries.every(valid) ? entries : null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; unknown variables are ignored, empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(ZConfig.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") relevant[key] = value;
  }
  const result = ZConfig.safeParse(relevant);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      return `${key}=${JSON.stringify(relevant[key] ?? "")}: ${issue.message}`;
    }),
  );
}

/** The longest wait after wrong passwords, in minutes: LOGIN_MAX_WAIT_MINUTES, else its earlier name, else 15. */
export function loginMaxWaitMinutes(config: TConfig): number {
  return config.LOGIN_MAX_WAIT_MINUTES ?? config.LOGIN_LOCK_MINUTES ?? 15;
}

export function cookieIsSecure(config: TConfig): boolean {
  return new URL(config.PUBLIC_URL).protocol === "https:";
}

/** draht's app at X (client id and secret) when the operator set both, else undefined: X cannot be connected. */
export function xAppOf(config: TConfig): { clientId: string; clientSecret: string } | undefined {
  return config.X_CLIENT_ID && config.X_CLIENT_SECRET
    ? { clientId: config.X_CLIENT_ID, clientSecret: config.X_CLIENT_SECRET }
    : undefined;
}
