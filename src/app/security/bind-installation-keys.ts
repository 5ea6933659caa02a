// Binds the installation's keys to its database at start. The audit key and the credentials key live
// outside the database (environment or DATA_DIR), so nothing else would tell two processes without a shared
// DATA_DIR, or a redeploy that lost its volume, that they write with different keys — every later audit
// event would look tampered with, and credentials sealed by one process would not open in the other. The
// database keeps a fingerprint of each key (never the key); a start with another key is refused, and so is
// generating a new key file where the database already holds data under a key.
import { eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditChains, channelCredentials, channelOauthClients, keyFingerprints } from "../../db/schema/index.js";
import { headMac, macsEqual } from "../../domain/auditChain.js";
import { auditKeySource } from "./auditKey.js";
import {
  type CredentialVault,
  createCredentialVault,
  credentialKeySource,
  previousCredentialKeys,
} from "./credentialVault.js";
import { SecretKeyError, type SecretKeySource, createKeyFile, keyFingerprint } from "./secretKeys.js";

export interface InstallationKeys {
  audit: Buffer;
  credentials: CredentialVault;
}

interface KeyConfig {
  NODE_ENV: string;
  DATA_DIR: string;
  AUDIT_KEY?: string;
  CREDENTIALS_KEY?: string;
  CREDENTIALS_KEYS_PREVIOUS?: string;
}

export async function bindInstallationKeys(
  db: Db,
  config: KeyConfig,
  clock: () => Date = () => new Date(),
): Promise<InstallationKeys> {
  return { audit: await bindAuditKey(db, config, clock), credentials: await bindCredentialKey(db, config, clock) };
}

async function bindAuditKey(db: Db, config: KeyConfig, clock: () => Date): Promise<Buffer> {
  const source = auditKeySource(config);
  if (source.kind === "ephemeral") return source.key;
  const words = {
    variable: "AUDIT_KEY",
    file: "DATA_DIR/audit.key",
    writtenWith: "this database's audit trail was written with",
    consequence: "every later audit event would look tampered with",
  };
  const recorded = await recordedFingerprint(db, "audit");
  // Every keyed append signs its chain's head: signed heads show a key was in use before one was recorded.
  const signedHeads = recorded ? [] : await headsSigned(db);
  const key = await configuredKey(source, async () => recorded !== undefined || signedHeads.length > 0, words);
  const fingerprint = keyFingerprint(key, "audit");
  if (recorded) {
    if (recorded.fingerprint !== fingerprint) throw new SecretKeyError(mismatch(source, words, recorded.recordedAt));
    return key;
  }
  const signsAHead = signedHeads.some((h) => macsEqual(h.mac, headMac(key, h.chainId, h)));
  if ((signedHeads.length > 0 && !signsAHead) || !(await record(db, "audit", fingerprint, [fingerprint], clock())))
    throw new SecretKeyError(mismatch(source, words, null));
  return key;
}

async function bindCredentialKey(db: Db, config: KeyConfig, clock: () => Date): Promise<CredentialVault> {
  const source = credentialKeySource(config);
  const previous = previousCredentialKeys(config);
  if (source.kind === "ephemeral") return createCredentialVault({ current: source.key, previous });
  const words = {
    variable: "CREDENTIALS_KEY",
    file: "DATA_DIR/credentials.key",
    writtenWith: "this database's channel credentials were sealed with",
    consequence: "credentials sealed by one process would not open in another",
  };
  const recorded = await recordedFingerprint(db, "credentials");
  const key = await configuredKey(source, async () => recorded !== undefined || (await hasSealedSecrets(db)), words);
  const fingerprint = keyFingerprint(key, "credentials");
  // During a rotation the earlier key is in CREDENTIALS_KEYS_PREVIOUS: the record moves on to the current key.
  const accepted = [key, ...previous].map((k) => keyFingerprint(k, "credentials"));
  if (recorded && !accepted.includes(recorded.fingerprint))
    throw new SecretKeyError(mismatch(source, words, recorded.recordedAt));
  if (recorded?.fingerprint !== fingerprint && !(await record(db, "credentials", fingerprint, accepted, clock())))
    throw new SecretKeyError(mismatch(source, words, null));
  return createCredentialVault({ current: key, previous });
}

interface Words {
  variable: string;
  file: string;
  /** Which data is under the key. */
  writtenWith: string;
  /** What another key would do. */
  consequence: string;
}

function mismatch(source: SecretKeySource, words: Words, recordedAt: Date | null): string {
  const named = source.kind === "file" ? `${words.file} (${source.file})` : words.variable;
  const since = recordedAt ? ` recorded ${recordedAt.toISOString()}` : "";
  return (
    `${named} is not the key ${words.writtenWith} (it does not match the key fingerprint${since} ` +
    `in the database). Every process of an installation needs the same key: set ${words.variable} to it, or ` +
    `restore ${words.file} from the backup. draht does not start with another key: ${words.consequence}.`
  );
}

/** The configured key; on the embedded default's first start a new key file, unless the database is bound to a key. */
async function configuredKey(source: SecretKeySource, isBound: () => Promise<boolean>, words: Words): Promise<Buffer> {
  if (source.kind !== "file") return source.key;
  if (source.key) return source.key;
  if (!(await isBound())) return createKeyFile(source.file);
  throw new SecretKeyError(
    `${words.file} (${source.file}) is missing, but ${words.writtenWith} a key. Restore the file ` +
      `from the backup, or set ${words.variable} to that key, on every process. draht does not generate a new ` +
      `key here: ${words.consequence}.`,
  );
}

async function headsSigned(db: Db) {
  const heads = await db
    .select({
      chainId: auditChains.chainId,
      lastSeq: auditChains.lastSeq,
      lastHash: auditChains.lastHash,
      mac: auditChains.headMac,
    })
    .from(auditChains)
    .where(isNotNull(auditChains.headMac));
  return heads.flatMap((h) => (h.mac === null ? [] : [{ ...h, mac: h.mac }]));
}

async function recordedFingerprint(db: Db, purpose: string) {
  const [row] = await db.select().from(keyFingerprints).where(eq(keyFingerprints.purpose, purpose));
  return row;
}

/**
 * Records `fingerprint` unless another key's is recorded (a concurrent first start may have won): replaces
 * only a record among `accepted`. Returns whether `fingerprint` is now the recorded one.
 */
async function record(db: Db, purpose: string, fingerprint: string, accepted: string[], now: Date): Promise<boolean> {
  const rows = await db
    .insert(keyFingerprints)
    .values({ purpose, fingerprint, recordedAt: now })
    .onConflictDoUpdate({
      target: keyFingerprints.purpose,
      set: { fingerprint, recordedAt: now },
      setWhere: inArray(keyFingerprints.fingerprint, accepted),
    })
    .returning({ purpose: keyFingerprints.purpose });
  return rows.length > 0;
}

async function hasSealedSecrets(db: Db): Promise<boolean> {
  const [credential] = await db.select({ id: channelCredentials.channelAccountId }).from(channelCredentials).limit(1);
  const [client] = await db.select({ id: channelOauthClients.id }).from(channelOauthClients).limit(1);
  return credential !== undefined || client !== undefined;
}
