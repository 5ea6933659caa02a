// Test factories: real rows through the real use cases, with overridable defaults.
import { randomBytes } from "node:crypto";
import { type AppContext, buildAppContext } from "../../src/app/context.js";
import { createDepartment } from "../../src/app/departments/create-department.js";
import { addMemberUnchecked } from "../../src/app/members/add-member.js";
import { createOrganisation } from "../../src/app/orgs/create-organisation.js";
import { type TConfig, loadConfig } from "../../src/config.js";
import { auditKeySource } from "../../src/app/security/auditKey.js";
import type { InstallationKeys } from "../../src/app/security/bind-installation-keys.js";
import {
  createCredentialVault,
  credentialKeySource,
  previousCredentialKeys,
} from "../../src/app/security/credentialVault.js";
import type { Db } from "../../src/db/client.js";
import { actorInOrganisation } from "../../src/app/auth/actor-in-organisation.js";
import type { Role } from "../../src/domain/roles.js";
import type { TWeeklyWindow } from "../../src/domain/schedule.js";
import { type Logger, createLogger } from "../../src/logger.js";
import { type OrgActor, installationActorIn } from "../../src/app/authorization.js";
import sharp from "sharp";
import { createChannelAccount } from "../../src/app/channels/create-channel-account.js";
import { setNetworkEnabled } from "../../src/app/channels/network-enablement.js";
import { needsEnabling } from "../../src/domain/jointControl.js";
import { uploadMedia } from "../../src/app/media/upload-media.js";
import type { TChannelAccountInput } from "../../src/contract/channels.js";
import { activateGuideline } from "../../src/app/guidelines/activate-guideline.js";
import { createGuidelineVersion } from "../../src/app/guidelines/create-guideline-version.js";
import type { TGuidelineRulesInput } from "../../src/domain/guidelineRules.js";

/**
 * The audit key of every test process, in-process or a `draht` child: they share databases (on the
 * PostgreSQL stage one for the whole run), and an appender refuses a chain head signed with another key.
 */
export const TEST_AUDIT_KEY = "ZHJhaHQgdGVzdHM6IG5vdCBhIHNlY3JldCBrZXkhISE=";

export const TEST_ENV = {
  NODE_ENV: "test",
  AUDIT_KEY: TEST_AUDIT_KEY,
  LOG_LEVEL: "silent",
  ARGON2_MEMORY_KIB: "1024",
  ARGON2_ITERATIONS: "1",
  LOGIN_RATE_PER_MINUTE: "10000",
  PUBLIC_POW_BITS: "8",
};

export const SYSTEM = { userId: null, label: "test" };

export function buildTestContext(
  db: Db,
  options: { clock?: () => Date; env?: Record<string, string>; log?: Logger } = {},
): AppContext {
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const log = options.log ?? createLogger({ level: "silent" });
  return buildAppContext({ db, log, config, keys: unboundTestKeys(config), clock: options.clock });
}

/**
 * The keys of an in-process test context, taken without asking the database (contexts are built
 * synchronously, many per database): TEST_AUDIT_KEY, or keys kept nowhere (NODE_ENV=test), never a key file.
 * test/installation-keys.test.ts covers the binding that `draht` does at start.
 */
function unboundTestKeys(config: TConfig): InstallationKeys {
  const audit = auditKeySource(config);
  const credentials = credentialKeySource(config);
  if (audit.kind === "file" || credentials.kind === "file")
    throw new Error("test contexts need AUDIT_KEY and CREDENTIALS_KEY, or NODE_ENV=test");
  return {
    audit: audit.key,
    credentials: createCredentialVault({ current: credentials.key, previous: previousCredentialKeys(config) }),
  };
}

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export async function buildOrg(ctx: AppContext, overrides: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  return createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: overrides.name ?? `Stadt ${suffix}`, slug: overrides.slug ?? `stadt-${suffix}`, state: "NW" },
  });
}

export async function buildDepartment(ctx: AppContext, orgId: string, overrides: { name?: string } = {}) {
  const actor = systemAdminOf(orgId);
  return createDepartment(ctx, { actor, orgId, input: { name: overrides.name ?? `Amt ${uniqueSuffix()}` } });
}

export interface TestMember {
  userId: string;
  email: string;
  password: string;
  actor: OrgActor;
}

export async function buildMember(
  ctx: AppContext,
  orgId: string,
  overrides: {
    roles?: Role[];
    email?: string;
    departmentIds?: string[] | null;
    activeWindow?: TWeeklyWindow | null;
    mustChangePassword?: boolean;
  } = {},
): Promise<TestMember> {
  const email = overrides.email ?? `person-${uniqueSuffix()}@example.org`;
  const password = `Richtig-Gutes-Passwort-${uniqueSuffix()}`;
  const result = await addMemberUnchecked(ctx, {
    actor: SYSTEM,
    orgId,
    mustChangePassword: overrides.mustChangePassword ?? false,
    input: {
      email,
      name: `Person ${email}`,
      roles: overrides.roles ?? ["administrator"],
      departmentIds: overrides.departmentIds ?? null,
      activeWindow: overrides.activeWindow ?? null,
      initialPassword: password,
    },
  });
  const actor = await actorInOrganisation(ctx, { userId: result.userId, label: email, orgId });
  return { userId: result.userId, email, password, actor };
}

export const systemAdminOf = (orgId: string) => installationActorIn(orgId, SYSTEM);

/** A real PNG of the given size (a municipal blue square), made with sharp. */
export async function samplePng(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 11, g: 79, b: 138 } } })
    .png()
    .toBuffer();
}

export async function buildMedia(
  ctx: AppContext,
  orgId: string,
  overrides: { altText?: string | null; bytes?: Buffer; departmentId?: string | null } = {},
) {
  return uploadMedia(ctx, {
    actor: systemAdminOf(orgId),
    orgId,
    bytes: overrides.bytes ?? (await samplePng()),
    maxBytes: 10_000_000,
    meta: {
      fileName: "bild.png",
      altText: overrides.altText === undefined ? "Ein blaues Quadrat" : overrides.altText,
      departmentId: overrides.departmentId ?? null,
    },
  });
}

export async function buildChannelAccount(
  ctx: AppContext,
  orgId: string,
  overrides: Partial<TChannelAccountInput> = {},
) {
  const network = overrides.network ?? "sandbox";
  // Facebook and Instagram: the organisation's administrator turned them on first (joint controllership).
  if (needsEnabling(network))
    await setNetworkEnabled(ctx, { actor: systemAdminOf(orgId), orgId, network, enabled: true });
  return createChannelAccount(ctx, {
    actor: systemAdminOf(orgId),
    orgId,
    input: { name: `Kanal ${uniqueSuffix()}`, network: "sandbox", ...overrides },
  });
}

/** Creates and activates a guideline version with the given rules. */
export async function buildGuideline(
  ctx: AppContext,
  orgId: string,
  rules: TGuidelineRulesInput = {},
  reviewBy = "2027-06-30",
) {
  const actor = systemAdminOf(orgId);
  const draft = await createGuidelineVersion(ctx, {
    actor,
    orgId,
    input: { title: "Social-Media-Richtlinie", document: "Wir siezen.", rules, reviewBy },
  });
  return activateGuideline(ctx, { actor, orgId, guidelineId: draft.id });
}
