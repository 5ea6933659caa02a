// One sync of a channel account at a time, and one hiding on the network per message: the worker's timer,
// stream events and several worker processes may all start a sync of the same account at once; the
// second must neither fetch nor act on the network again. The network here is a counting stand-in that
// holds its answer until the test lets it go, so the overlap is certain; the database is the real one.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import { syncChannelInbound } from "../src/app/channels/sync-channel-inbound.js";
import { hideOnNetwork } from "../src/app/moderation/hide-on-network.js";
import { updateModerationSettings } from "../src/app/moderation/moderation-settings.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createSandboxConnector } from "../src/channels/sandbox/sandboxConnector.js";
import type { Database } from "../src/db/client.js";
import { inboundMessages, moderationCases, moderationDecisions } from "../src/db/schema/index.js";
import type { ChannelConnector, InboundPage, ModerationRequest } from "../src/domain/connector.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import type { AppContext } from "../src/app/context.js";
import { buildChannelAccount, buildOrg, buildTestContext, systemAdminOf } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";
import { until } from "./support/until.js";

let database: Database;
let ctx: AppContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db);
});
afterAll(() => database?.close());

/** A network that counts what draht asks of it; its answers wait until `release()` (if held). */
function countingNetwork(options: { hold: boolean; insult?: string }) {
  let release: () => void = () => {};
  const held = options.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const fetched: (string | null)[] = [];
  const moderated: ModerationRequest[] = [];
  const connector: ChannelConnector = {
    ...createSandboxConnector({ db: ctx.db, clock: ctx.clock }),
    network: "bluesky",
    moderationKinds: ["hide"],
    async fetchInbound(_account, cursor): Promise<InboundPage> {
      fetched.push(cursor);
      await held;
      const changes = options.insult
        ? [
            {
              change: "new" as const,
              message: {
                externalId: `at://did:plc:gast/app.bsky.feed.post/${randomUUID()}`,
                kind: "reply" as const,
                authorHandle: "@gast.example",
                authorName: "Gast",
                text: options.insult,
                language: "de",
                threadExternalId: "at://did:plc:stadt/app.bsky.feed.post/1",
                inReplyToExternalId: "at://did:plc:stadt/app.bsky.feed.post/1",
                visibility: "visible" as const,
                media: [],
                receivedAt: ctx.clock(),
                raw: {},
              },
            },
          ]
        : [];
      return { changes, cursor: "next", more: false, rateLimit: null };
    },
    async moderate(_account, request) {
      moderated.push(request);
    },
  };
  return { connector, fetched, moderated, release: () => release() };
}

async function connectedAccount() {
  const org = await buildOrg(ctx);
  const account = await buildChannelAccount(ctx, org.id, {
    network: "bluesky",
    settings: { serviceUrl: "https://pds.example" },
  });
  await storeCredentials(ctx.db, ctx, {
    accountId: account.id,
    orgId: org.id,
    credentials: { identifier: "stadt.example", appPassword: "app-password" },
    remoteHandle: "@stadt.example",
    remoteUrl: null,
    userId: null,
    now: ctx.clock(),
  });
  return { org, account };
}

describe("syncing one channel account", () => {
  it("runs one sync at a time: a second one started meanwhile says it is already running and fetches nothing", async () => {
    const { account } = await connectedAccount();
    const network = countingNetwork({ hold: true });
    const connectors = new Map([["bluesky", network.connector]]);
    const first = syncChannelInbound(ctx, { connectors }, { accountIds: [account.id] });
    await until(() => network.fetched.length === 1);

    let secondDone = false;
    const second = syncChannelInbound(ctx, { connectors }, { accountIds: [account.id] }).finally(
      () => (secondDone = true),
    );
    // Either the second sync gives up at once, or (without a lease) it reaches the network too.
    await until(() => secondDone || network.fetched.length === 2);
    network.release();
    const [firstOutcome] = await first;
    const [secondOutcome] = await second;

    expect(network.fetched).toEqual([null]);
    expect(firstOutcome).toMatchObject({ accountId: account.id, status: "ok" });
    expect(secondOutcome).toMatchObject({ accountId: account.id, status: "already_running", received: 0 });
    // The lease is given back: the next sync runs, from the cursor the first one stored.
    await syncChannelInbound(ctx, { connectors }, { accountIds: [account.id] });
    expect(network.fetched).toEqual([null, "next"]);
  });
});

describe("hiding on the network", () => {
  it("hides a message on the network once, however often and however concurrently hiding runs", async () => {
    const { org, account } = await connectedAccount();
    await publishNetiquette(ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
    await updateModerationSettings(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { hideOnNetwork: false, wordRules: [{ pattern: "Schwachkopf", action: "hide", clause: 3 }] },
    });
    const network = countingNetwork({ hold: false, insult: "Ihr Schwachkopf im Rathaus!" });
    const connectors = new Map([["bluesky", network.connector]]);
    const [synced] = await syncChannelInbound(ctx, { connectors }, { accountIds: [account.id] });
    expect(synced).toMatchObject({ status: "ok", received: 1 });
    const [hidden] = await ctx.db
      .select({ caseId: moderationCases.id, externalId: inboundMessages.externalId })
      .from(inboundMessages)
      .innerJoin(moderationCases, eq(moderationCases.inboundMessageId, inboundMessages.id))
      .where(eq(inboundMessages.channelAccountId, account.id));
    expect(network.moderated).toEqual([]);

    // Now the organisation wants the filter's hiding carried out on the network; two rounds meet.
    await updateModerationSettings(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { hideOnNetwork: true },
    });
    const target = { id: account.id, orgId: org.id, settings: account.settings };
    const hide = () => hideOnNetwork(ctx, { connector: network.connector, target, orgId: org.id });
    await Promise.all([hide(), hide()]);
    await hide();

    expect(network.moderated.map((r) => [r.kind, r.externalId])).toEqual([["hide", hidden?.externalId]]);
    const decisions = await ctx.db
      .select()
      .from(moderationDecisions)
      .where(eq(moderationDecisions.caseId, hidden?.caseId ?? ""));
    expect(decisions.map((d) => [d.kind, d.action, d.channelOutcome])).toEqual([["filter", "hide", "done"]]);
  });
});
