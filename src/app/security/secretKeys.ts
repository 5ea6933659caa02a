// Installation keys that must never be stored in the database (the credentials key, the audit key):
// parsed from the environment, or for the embedded default generated once into a file in DATA_DIR.
import { randomBytes } from "node:crypto";
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

/** The key in DATA_DIR/<fileName>, generated (mode 0600) when it does not exist yet. */
export function keyFileInDataDir(dataDir: string, fileName: string): Buffer {
  const file = path.join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return parseSecretKey(readFileSync(file, "utf8"), file);
}
