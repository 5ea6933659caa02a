// Channel credentials (access tokens, app passwords, OAuth client secrets) are sealed with AES-256-GCM
// before they reach the database, bound to the row they belong to (additional authenticated data), so a
// ciphertext copied to another account does not open. The key comes from the environment
// (CREDENTIALS_KEY); earlier keys (CREDENTIALS_KEYS_PREVIOUS) still open what they sealed until
// `draht credentials rotate` has re-sealed everything with the current key. Without CREDENTIALS_KEY the
// embedded default keeps a generated key in DATA_DIR (mode 0600), never in the database, which keeps only
// its fingerprint (bind-installation-keys.ts).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { type SecretKeySource, parseSecretKey, secretKeySource } from "./secretKeys.js";

export const ZSealed = z.object({
  keyId: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  ciphertext: z.string(),
});
export type TSealed = z.infer<typeof ZSealed>;

export interface CredentialVault {
  /** The id of the key new seals use (the first 16 hex digits of its SHA-256). */
  readonly currentKeyId: string;
  seal(value: unknown, boundTo: string): TSealed;
  /** Opens a seal made for `boundTo` with the current or an earlier key; throws when it was tampered with or bound elsewhere. */
  open(sealed: TSealed, boundTo: string): unknown;
  /** Sealed with an earlier key: re-seal it (rotation). */
  isStale(sealed: TSealed): boolean;
}

export class CredentialKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialKeyError";
  }
}

const keyIdOf = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

/** A key as configured: 32 bytes in base64 (44 characters) or hex (64 characters). */
export const parseCredentialKey = parseSecretKey;

export function createCredentialVault(keys: { current: Buffer; previous?: readonly Buffer[] }): CredentialVault {
  const byId = new Map<string, Buffer>();
  for (const key of [keys.current, ...(keys.previous ?? [])]) if (!byId.has(keyIdOf(key))) byId.set(keyIdOf(key), key);
  const currentKeyId = keyIdOf(keys.current);
  return {
    currentKeyId,
    seal(value, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys.current, iv);
      cipher.setAAD(Buffer.from(boundTo, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return {
        keyId: currentKeyId,
        iv: iv.toString("base64"),
        tag: cipher.getAuthTag().toString("base64"),
        ciphertext: ciphertext.toString("base64"),
      };
    },
    open(sealed, boundTo) {
      const key = byId.get(sealed.keyId);
      if (!key)
        throw new CredentialKeyError(
          `credentials were sealed with key ${sealed.keyId}, which is neither CREDENTIALS_KEY nor in CREDENTIALS_KEYS_PREVIOUS`,
        );
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
      decipher.setAAD(Buffer.from(boundTo, "utf8"));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      try {
        const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]);
        return JSON.parse(plain.toString("utf8")) as unknown;
      } catch (cause) {
        throw new CredentialKeyError(
          `credentials for ${boundTo} do not open: tampered with, or sealed for another record (${(cause as Error).message})`,
        );
      }
    },
    isStale: (sealed) => sealed.keyId !== currentKeyId,
  };
}

/** CREDENTIALS_KEY, else DATA_DIR/credentials.key; in tests without it, a fresh key kept nowhere. */
export function credentialKeySource(config: {
  CREDENTIALS_KEY?: string;
  DATA_DIR: string;
  NODE_ENV: string;
}): SecretKeySource {
  return secretKeySource({
    variable: "CREDENTIALS_KEY",
    value: config.CREDENTIALS_KEY,
    dataDir: config.DATA_DIR,
    fileName: "credentials.key",
    ephemeral: config.NODE_ENV === "test" ? randomBytes(32) : null,
  });
}

/** The earlier keys that still open what they sealed (CREDENTIALS_KEYS_PREVIOUS). */
export function previousCredentialKeys(config: { CREDENTIALS_KEYS_PREVIOUS?: string }): Buffer[] {
  return (config.CREDENTIALS_KEYS_PREVIOUS ?? "")
    .split(",")
    .filter((k) => k.trim() !== "")
    .map((k, i) => parseCredentialKey(k, `CREDENTIALS_KEYS_PREVIOUS[${i}]`));
}
