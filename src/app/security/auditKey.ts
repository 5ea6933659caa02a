// The audit key: the secret under which every audit event's hash is an HMAC. It lives outside the
// database (AUDIT_KEY, or DATA_DIR/audit.key generated on the first start), so that someone who can write
// the database cannot rewrite a chain consistently; the database keeps only its fingerprint
// (bind-installation-keys.ts). One key per process: appends happen deep inside the transactions of dozens of
// use cases, which take the key from here rather than each carrying it.
import { randomBytes } from "node:crypto";
import { type SecretKeySource, secretKeySource } from "./secretKeys.js";

/** In tests without AUDIT_KEY: one key for the whole process, so every context of a test file agrees. */
const TEST_PROCESS_KEY = randomBytes(32);

export function auditKeySource(config: { AUDIT_KEY?: string; DATA_DIR: string; NODE_ENV: string }): SecretKeySource {
  return secretKeySource({
    variable: "AUDIT_KEY",
    value: config.AUDIT_KEY,
    dataDir: config.DATA_DIR,
    fileName: "audit.key",
    ephemeral: config.NODE_ENV === "test" ? TEST_PROCESS_KEY : null,
  });
}

let installed: Buffer | null = null;

/** Makes `key` the key this process writes audit events with; a second, different key is refused. */
export function installAuditKey(key: Buffer): void {
  if (installed && !installed.equals(key))
    throw new Error("this process already writes its audit trail with another AUDIT_KEY; one key per process");
  installed = key;
}

export function installedAuditKey(): Buffer {
  if (!installed) throw new Error("no audit key installed: build the AppContext before writing audit events");
  return installed;
}
