// The publishing tests' shared setting: a database with a controlled clock, the publish worker's round, and an
// organisation with a department, a channel account under a chosen approval mode, an author and approvers.
import { afterAll, beforeAll } from "vitest";
import type { AppContext } from "../../src/app/context.js";
import { createPost } from "../../src/app/posts/create-post.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import type { Database } from "../../src/db/client.js";
import { runPublishRound } from "../../src/jobs/publishWorker.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, buildTestContext } from "./factories.js";
import { openTestDatabase } from "./testDb.js";

export type PublishingSetting = Awaited<ReturnType<PublishingHarness["setting"]>>;
export type PublishingHarness = ReturnType<typeof usePublishingHarness>;

/** Registers the database hooks of the calling test file; `ctx` is available once `beforeAll` has run. */
export function usePublishingHarness() {
  let database: Database | undefined;
  let context: AppContext | undefined;
  let now = new Date("2026-11-23T09:00:00Z"); // Monday, 10:00 in Berlin

  beforeAll(async () => {
    database = await openTestDatabase();
    context = buildTestContext(database.db, { clock: () => now });
  });
  afterAll(() => database?.close());

  const ctx = (): AppContext => {
    if (!context) throw new Error("the publishing harness is used before its beforeAll hook ran");
    return context;
  };
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const connectors = () =>
    createConnectorRegistry({ db: ctx().db, clock: () => now, publicUrl: "http://localhost:3000" });
  const round = () => runPublishRound(ctx(), { connectors: connectors(), random: () => 0.5 }, { leaseMs: 60_000 });

  async function setting(
    options: { approval?: "none" | "single" | "four_eyes" | "chain"; network?: "website" | "sandbox" } = {},
  ) {
    // The outbox is shared by the whole database: deliver what earlier tests left due, far in the future.
    at("2030-01-01T00:00:00Z");
    while ((await round()).length > 0);
    at("2026-11-23T09:00:00Z");
    const org = await buildOrg(ctx());
    const department = await buildDepartment(ctx(), org.id, { name: "Jugendamt" });
    const mode = options.approval ?? "single";
    const account = await buildChannelAccount(ctx(), org.id, {
      network: options.network ?? "website",
      departmentId: department.id,
      approval: { post: mode, campaign_template: "none", campaign_free: mode },
    });
    const author = await buildMember(ctx(), org.id, { roles: ["editor"] });
    const press = await buildMember(ctx(), org.id, { roles: ["press_office"] });
    const press2 = await buildMember(ctx(), org.id, { roles: ["press_office"] });
    const head = await buildMember(ctx(), org.id, { roles: ["department_head"], departmentIds: [department.id] });
    return { org, department, account, author, press, press2, head };
  }

  async function draft(s: PublishingSetting, body: string, scheduledAt = "2026-11-23T11:00:00Z") {
    return createPost(ctx(), {
      actor: s.author.actor,
      orgId: s.org.id,
      input: {
        body,
        departmentId: s.department.id,
        scheduledAt,
        channels: [{ channelAccountId: s.account.id, textOverride: null }],
      },
    });
  }

  return { ctx, at, now: () => now, connectors, round, setting, draft };
}
