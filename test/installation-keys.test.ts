// The audit and credentials keys live outside the database; at start draht binds them to it by a
// fingerprint, so that a process with another key — no shared DATA_DIR, a lost volume — refuses to start
// instead of writing audit events that look tampered with, or credentials the other processes cannot open.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import type { Database } from "../src/db/client.js";
import { auditChains, channelOauthClients, keyFingerprints } from "../src/db/schema/index.js";
import { GENESIS_HASH, headMac } from "../src/domain/auditChain.js";
import { ownDatabase } from "./support/ownDatabase.js";
import { openTestDatabase, testDatabaseKind } from "./support/testDb.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A database no other test writes to (the PostgreSQL stage shares one for the run otherwise). */
async function freshDatabase(): Promise<Database> {
  let database: Database;
  if (testDatabaseKind() === "pglite") database = await openTestDatabase();
  else {
    const own = ownDatabase(inject("databaseUrl"), "keys");
    await own.create();
    database = await own.open();
    await database.migrate();
    cleanups.push(() => own.drop());
  }
  cleanups.unshift(() => database.close());
  return database;
}

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "draht-keys-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const key = () => randomBytes(32).toString("base64");
/** A process's configuration: its own DATA_DIR (empty) unless keys are given. */
const production = (env: Record<string, string>) => ({ NODE_ENV: "production", DATA_DIR: dataDir(), ...env });
/** The tests of the audit key keep one credentials key. */
const credentialsKey = key();
const sameCredentials = (env: Record<string, string>) => production({ CREDENTIALS_KEY: credentialsKey, ...env });

describe("the installation's keys", () => {
  it("are generated into DATA_DIR on the first start, their fingerprints recorded, and used again", async () => {
    const { db } = await freshDatabase();
    const config = production({});
    const first = await bindInstallationKeys(db, config);
    for (const file of ["audit.key", "credentials.key"]) {
      const stored = path.join(config.DATA_DIR, file);
      expect(statSync(stored).mode & 0o777).toBe(0o600);
      expect(readFileSync(stored, "utf8").trim()).toHaveLength(44);
    }
    const recorded = await db.select().from(keyFingerprints).orderBy(keyFingerprints.purpose);
    expect(recorded.map((r) => r.purpose)).toEqual(["audit", "credentials"]);
    // A fingerprint, not the key in any spelling.
    const auditKeyText = readFileSync(path.join(config.DATA_DIR, "audit.key"), "utf8").trim();
    expect(JSON.stringify(recorded)).not.toContain(auditKeyText);
    expect(JSON.stringify(recorded)).not.toContain(first.audit.toString("hex"));

    const again = await bindInstallationKeys(db, config);
    expect(again.audit.equals(first.audit)).toBe(true);
    expect(again.credentials.open(first.credentials.seal("s", "r"), "r")).toBe("s");
  });

  it("refuse a start with another audit key, naming AUDIT_KEY and DATA_DIR/audit.key", async () => {
    const { db } = await freshDatabase();
    const auditKey = key();
    await bindInstallationKeys(db, sameCredentials({ AUDIT_KEY: auditKey }));

    await expect(bindInstallationKeys(db, sameCredentials({ AUDIT_KEY: key() }))).rejects.toThrow(
      /^AUDIT_KEY is not the key this database's audit trail was written with .*set AUDIT_KEY to it, or restore DATA_DIR\/audit\.key from the backup/,
    );
    // The embedded default's first start elsewhere (another DATA_DIR) would generate a key: it is not.
    const elsewhere = sameCredentials({});
    await expect(bindInstallationKeys(db, elsewhere)).rejects.toThrow(
      /DATA_DIR\/audit\.key \(.*audit\.key\) is missing, but this database's audit trail was written with a key/,
    );
    expect(existsSync(path.join(elsewhere.DATA_DIR, "audit.key"))).toBe(false);
    expect((await bindInstallationKeys(db, sameCredentials({ AUDIT_KEY: auditKey }))).audit.toString("base64")).toBe(
      auditKey,
    );
  });

  it("are not generated anew where signed chain heads show a key was in use before fingerprints were recorded", async () => {
    const { db } = await freshDatabase();
    const earlier = randomBytes(32);
    const head = { lastSeq: 0, lastHash: GENESIS_HASH };
    await db
      .insert(auditChains)
      .values({ chainId: "installation", ...head, headMac: headMac(earlier, "installation", head) });

    await expect(bindInstallationKeys(db, sameCredentials({}))).rejects.toThrow(/audit\.key\) is missing/);
    await expect(bindInstallationKeys(db, sameCredentials({ AUDIT_KEY: key() }))).rejects.toThrow(
      /AUDIT_KEY is not the key this database's audit trail was written with/,
    );
    await bindInstallationKeys(db, sameCredentials({ AUDIT_KEY: earlier.toString("hex") }));
    expect(await db.select({ purpose: keyFingerprints.purpose }).from(keyFingerprints)).toContainEqual({
      purpose: "audit",
    });
  });

  it("follow a credentials key rotation and then refuse a process still on the earlier key", async () => {
    const { db } = await freshDatabase();
    const [earlier, current] = [key(), key()];
    const audit = { AUDIT_KEY: key() };
    await bindInstallationKeys(db, production({ ...audit, CREDENTIALS_KEY: earlier }));

    await expect(bindInstallationKeys(db, production({ ...audit, CREDENTIALS_KEY: current }))).rejects.toThrow(
      /^CREDENTIALS_KEY is not the key this database's channel credentials were sealed with/,
    );
    await bindInstallationKeys(
      db,
      production({ ...audit, CREDENTIALS_KEY: current, CREDENTIALS_KEYS_PREVIOUS: earlier }),
    );
    await expect(bindInstallationKeys(db, production({ ...audit, CREDENTIALS_KEY: earlier }))).rejects.toThrow(
      /restore DATA_DIR\/credentials\.key from the backup/,
    );
    await bindInstallationKeys(db, production({ ...audit, CREDENTIALS_KEY: current }));
  });

  it("do not generate a credentials key where sealed secrets show one was in use", async () => {
    const { db } = await freshDatabase();
    await db.insert(channelOauthClients).values({
      network: "mastodon",
      serverUrl: "https://social.example",
      redirectUri: "https://draht.example/oauth",
      scopes: "read write",
      clientId: "draht",
      sealedSecret: JSON.stringify({ keyId: "0123456789abcdef", iv: "x", tag: "x", ciphertext: "x" }),
      createdAt: new Date(),
    });
    const config = production({ AUDIT_KEY: key() });
    await expect(bindInstallationKeys(db, config)).rejects.toThrow(
      /DATA_DIR\/credentials\.key \(.*\) is missing, but this database's channel credentials were sealed with a key/,
    );
    expect(existsSync(path.join(config.DATA_DIR, "credentials.key"))).toBe(false);
  });
});
