// Installation keys that must never be stored in the database (the credentials key, the audit key):
// parsed from the environment, or for the embedded default kept in a file in DATA_DIR, which is generated
// only where the database allows it (bind-installation-keys.ts). The database keeps a fingerprint of each.
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/** A key as configured: 32 bytes in base64 (44 characters) or hex (64 characters). */
export function parseSecretKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new SecretKeyError(
      `${name} must be 32 bytes, base64 (44 characters) or hex (64 characters); generate one with: openssl rand -base64 32`,
    );
  return key;
}

/** Where a process takes a key from. */
export type SecretKeySource =
  | { kind: "environment"; variable: string; key: Buffer }
  /** DATA_DIR/<file>; `key` is null while the file does not exist. */
  | { kind: "file"; file: string; key: Buffer | null }
  /** Tests without a configured key: random, kept nowhere, so never bound to a database. */
  | { kind: "ephemeral"; key: Buffer };

export function secretKeySource(options: {
  variable: string;
  value: string | undefined;
  dataDir: string;
  fileName: string;
  ephemeral: Buffer | null;
}): SecretKeySource {
  if (options.value)
    return { kind: "environment", variable: options.variable, key: parseSecretKey(options.value, options.variable) };
  if (options.ephemeral) return { kind: "ephemeral", key: options.ephemeral };
  const file = path.join(options.dataDir, options.fileName);
  if (!existsSync(file)) return { kind: "file", file, key: null };
  chmodSync(file, 0o600);
  return { kind: "file", file, key: parseSecretKey(readFileSync(file, "utf8"), file) };
}

/** Generates the key file (mode 0600); fails if it appeared meanwhile. */
export function createKeyFile(file: string): Buffer {
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

/** Names a key without revealing it: an HMAC under the key of a fixed label. */
export function keyFingerprint(key: Buffer, purpose: string): string {
  return createHmac("sha256", key).update(`draht.key-fingerprint.${purpose}`).digest("hex");
}
