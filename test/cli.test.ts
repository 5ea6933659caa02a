// The `draht` command as an operator uses it: real processes against the test database.
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { ZSealed, createCredentialVault } from "../src/app/security/credentialVault.js";
import { signingKeyBinding } from "../src/app/feeds/signingKey.js";
import { channelAccounts, channelCredentials, orgSigningKeys } from "../src/db/schema/index.js";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { rewriteChainWithPublicAlgorithm } from "./support/auditAttack.js";
import { TEST_AUDIT_KEY, uniqueSuffix } from "./support/factories.js";

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), "draht-cli-"));
const databaseUrl = inject("databaseUrl");
const env = {
  ...process.env,
  LOG_LEVEL: "silent",
  ARGON2_MEMORY_KIB: "1024",
  ARGON2_ITERATIONS: "1",
  // Every process writes and verifies the audit trail with the same key as the test processes.
  AUDIT_KEY: TEST_AUDIT_KEY,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir, DATABASE_URL: "" }),
};
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function draht(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", "src/cli/main.ts", ...args], {
      env: { ...env, ...extraEnv },
      // One process starts Node, compiles the CLI and opens the database: slow beside CI's other lanes.
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function withDatabase<T>(body: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = databaseUrl
    ? await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 })
    : await openDatabase({ kind: "pglite", dataDir });
  try {
    return await body(database);
  } finally {
    await database.close();
  }
}

describe("draht CLI", () => {
  it("explains itself and each subcommand", async () => {
    const help = await draht(["--help"]);
    for (const command of ["serve", "migrate", "demo", "org", "user", "audit", "credentials"])
      expect(help.stdout).toContain(command);
    const userAdd = await draht(["user", "add", "--help"]);
    expect(userAdd.stdout).toContain("--role <roles>");
  });

  it("stops with a message naming a wrong configuration value", async () => {
    const result = await draht(["migrate"], { PORT: "dreitausend" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT="dreitausend"');
  });

  it("manages organisations, people and passwords, with clear errors on bad input", async () => {
    const slug = `cli-${uniqueSuffix()}`;
    const created = await draht(["org", "add", "--name", "Stadt CLI", "--slug", slug, "--state", "by"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`(${slug}, id `);

    const badRole = await draht([
      "user",
      "add",
      "--org",
      slug,
      "--email",
      "a@example.org",
      "--name",
      "A",
      "--role",
      "chef",
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("roles must be among");
    const missingOrg = await draht([
      "user",
      "add",
      "--org",
      "gibt-es-nicht",
      "--email",
      "a@example.org",
      "--name",
      "A",
      "--role",
      "editor",
    ]);
    expect(missingOrg.stderr).toContain('No organisation with slug "gibt-es-nicht"');
    const missingOption = await draht(["user", "add", "--org", slug]);
    expect(missingOption.code).toBe(1);

    const email = `cli-${uniqueSuffix()}@example.org`;
    const added = await draht([
      "user",
      "add",
      "--org",
      slug,
      "--email",
      email,
      "--name",
      "Clara CLI",
      "--role",
      "administrator,analyst",
    ]);
    expect(added.stdout).toMatch(/Temporary password: \w{4}-\w{4}-\w{4}-\w{4}/);
    const list = await draht(["user", "list", "--org", slug]);
    expect(list.stdout).toContain(`${email}\tClara CLI\t${slug}:administrator+analyst`);
    const reset = await draht(["user", "reset-password", email]);
    expect(reset.stdout).toContain(`Temporary password for ${email}:`);
  }, 240_000); // several processes, each starting Node and opening the database

  it("refuses to start with an audit key other than the one the audit trail was written with", async () => {
    // Earlier commands of this file recorded the key's fingerprint; a migration needs no key.
    expect((await draht(["org", "list"])).code).toBe(0);
    const otherKey = { AUDIT_KEY: randomBytes(32).toString("base64") };
    const refused = await draht(["org", "list"], otherKey);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("draht: AUDIT_KEY is not the key this database's audit trail was written with");
    expect(refused.stderr).toContain("restore DATA_DIR/audit.key from the backup");
    expect((await draht(["migrate"], otherKey)).code).toBe(0);
  }, 120_000);

  it("verifies the audit trail, and exits non-zero once it was rewritten without the audit key", async () => {
    const slug = `audit-${uniqueSuffix()}`;
    const created = await draht(["org", "add", "--name", "Stadt Audit", "--slug", slug, "--state", "HE"]);
    const orgId = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? "";
    await draht(["user", "add", "--org", slug, "--email", `${slug}@example.org`, "--name", "A", "--role", "editor"]);
    const intact = await draht(["audit", "verify", "--chain", orgId]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("2 events");
    expect(intact.stdout).toContain("Audit trail intact.");
    const headFile = path.join(dataDir, `${slug}.head.json`);
    const exported = await draht(["audit", "export-head", "--chain", orgId, "--out", headFile]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(headFile, "utf8"))).toMatchObject({ heads: [{ chainId: orgId, seq: 2 }] });

    // The attack of #16.4: every hash recomputed with the public algorithm, the head updated to match.
    await withDatabase(({ db }) =>
      rewriteChainWithPublicAlgorithm(db, { chainId: orgId, seq: 1, change: { actorLabel: "jemand anderes" } }),
    );
    const rewritten = await draht(["audit", "verify", "--chain", orgId, "--head", headFile]);
    expect(rewritten.stdout).toContain('"kind":"not_keyed"');
    expect(rewritten.stdout).toContain('"kind":"exported_head_missing"');
    expect(rewritten.stdout).toContain("Audit trail damaged in 1 chain(s).");
    expect(rewritten.code).toBe(1);
  }, 240_000); // several processes, each starting Node and opening the database

  it("re-seals stored channel credentials with a new key, and refuses to run without the old one", async () => {
    const slug = `keys-${uniqueSuffix()}`;
    const created = await draht(["org", "add", "--name", "Stadt Schlüssel", "--slug", slug, "--state", "HE"]);
    const orgId = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? "";
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const accountId = await withDatabase(async ({ db }) => {
      const [account] = await db
        .insert(channelAccounts)
        .values({
          orgId,
          network: "mastodon",
          name: `Mastodon ${slug}`,
          settings: { serverUrl: "https://social.example" },
        })
        .returning();
      if (!account) throw new Error("no account");
      const sealed = createCredentialVault({ current: oldKey }).seal(
        { accessToken: "token-vor-der-rotation" },
        account.id,
      );
      await db
        .insert(channelCredentials)
        .values({ channelAccountId: account.id, orgId, ...sealed, connectedAt: new Date(), updatedAt: new Date() });
      // The organisation's feed signing key is sealed with the same key, and rotates with it.
      const der = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
      await db.insert(orgSigningKeys).values({
        orgId,
        publicKey: "unused",
        sealedPrivateKey: JSON.stringify(
          createCredentialVault({ current: oldKey }).seal(der, signingKeyBinding(orgId)),
        ),
        fingerprint: "unused",
        createdAt: new Date(),
      });
      return account.id;
    });
    const withoutOldKey = await draht(["credentials", "rotate", "--org", slug], {
      CREDENTIALS_KEY: newKey.toString("base64"),
    });
    expect(withoutOldKey.code).not.toBe(0);
    expect(withoutOldKey.stderr + withoutOldKey.stdout).toContain("CREDENTIALS_KEYS_PREVIOUS");
    const rotated = await draht(["credentials", "rotate", "--org", slug], {
      CREDENTIALS_KEY: newKey.toString("base64"),
      CREDENTIALS_KEYS_PREVIOUS: oldKey.toString("hex"),
    });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain("Re-sealed 1 account credential(s)");
    expect(rotated.stdout).toContain("1 feed signing key(s)");
    await withDatabase(async ({ db }) => {
      const [row] = await db
        .select()
        .from(channelCredentials)
        .where(eq(channelCredentials.channelAccountId, accountId));
      if (!row) throw new Error("credentials gone");
      const vault = createCredentialVault({ current: newKey });
      expect(vault.isStale(row)).toBe(false);
      expect(vault.open(row, accountId)).toEqual({ accessToken: "token-vor-der-rotation" });
      const [key] = await db.select().from(orgSigningKeys).where(eq(orgSigningKeys.orgId, orgId));
      const sealedKey = ZSealed.parse(JSON.parse(key?.sealedPrivateKey ?? "null"));
      expect(vault.isStale(sealedKey)).toBe(false);
      expect(typeof vault.open(sealedKey, signingKeyBinding(orgId))).toBe("string");
    });
  }, 120_000);

  it("serves until SIGTERM, answers health checks, and shuts down cleanly", async () => {
    const server = spawn("node", ["--import", "tsx", "src/cli/main.ts", "serve"], {
      env: { ...env, PORT: "0", HOST: "127.0.0.1" },
    });
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${output}`)), 60_000);
      server.stdout.on("data", () => {
        const match = /draht ready on http:\/\/localhost:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({ status: "ready" });
    if (!databaseUrl) {
      // The embedded database belongs to one process at a time.
      const second = await draht(["migrate"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("is in use by process");
    }
    server.kill("SIGTERM");
    const [code] = await once(server, "exit");
    expect(code).toBe(0);
  });
});
