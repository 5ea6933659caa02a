// Server-side request forgery through channel server addresses (issue #16, item 3). A Mastodon instance or
// Bluesky PDS is an address a person types in: draht must not become a way into its own machine, the local
// network or a cloud metadata service, must not send an app password there, and must not reveal what it
// found (answers, open or closed ports). The rule is checked when an account is saved and again at every
// connection — also where DNS answers differently the second time and where a server redirects.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectWithAppPassword, beginChannelAuthorisation } from "../../src/app/channels/connect-channel-account.js";
import { createBlueskyConnector } from "../../src/channels/bluesky/blueskyConnector.js";
import { createMastodonConnector } from "../../src/channels/mastodon/mastodonConnector.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { channelAccounts } from "../../src/db/schema/index.js";
import { ConnectorError } from "../../src/domain/connector.js";
import type { HostLookup } from "../../src/domain/serverAddress.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf } from "../support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "../support/testApp.js";

/** A server on this machine that counts what reaches it and answers as told. */
interface LocalServer {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

async function localServer(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SECRET = "INTERNAL-BANNER-7f3a";
let strict: TestApp;
let admin: SignedIn;
let orgId: string;
let target: LocalServer;
beforeAll(async () => {
  strict = await startTestApp();
  const org = await buildOrg(strict.ctx);
  orgId = org.id;
  const member = await buildMember(strict.ctx, org.id, { roles: ["administrator"] });
  admin = await signIn(strict.app, member.email, member.password);
  target = await localServer((_req, res) => res.end(SECRET));
});
afterAll(async () => {
  await strict?.close();
  await target?.close();
});

const createMastodon = (serverUrl: string) =>
  admin.request("POST", `/api/orgs/${orgId}/channels`, {
    name: `Mastodon ${Math.random().toString(36).slice(2, 8)}`,
    network: "mastodon",
    settings: { serverUrl },
  });

/** A row as one saved before this rule existed (or whose name resolved elsewhere then). */
async function savedEarlier(network: "mastodon" | "bluesky", serverUrl: string) {
  const [row] = await strict.ctx.db
    .insert(channelAccounts)
    .values({
      orgId,
      name: `Alt ${Math.random().toString(36).slice(2, 8)}`,
      network,
      settings: network === "mastodon" ? { serverUrl } : { serviceUrl: serverUrl },
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

describe("saving a channel account's server address", () => {
  it.each([
    ["loopback", "https://127.0.0.1"],
    ["loopback, decimal", "https://2130706433"],
    ["loopback IPv6", "https://[::1]"],
    ["IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]"],
    ["RFC 1918 (10/8)", "https://10.0.0.5"],
    ["RFC 1918 (172.16/12)", "https://172.16.1.1"],
    ["RFC 1918 (192.168/16)", "https://192.168.178.1"],
    ["link-local, cloud metadata", "https://169.254.169.254"],
    ["carrier-grade NAT", "https://100.64.0.1"],
    ["this network (0/8)", "https://0.0.0.0"],
    ["unique-local IPv6", "https://[fd00:ec2::254]"],
    ["link-local IPv6", "https://[fe80::1]"],
    ["multicast", "https://224.0.0.1"],
    ["NAT64 of loopback", "https://[64:ff9b::7f00:1]"],
    ["IPv4-compatible IPv6 of loopback", "https://[::7f00:1]"],
    ["IPv4-compatible IPv6 of the metadata service", "https://[::a9fe:a9fe]"],
    ["a name that resolves to loopback", "https://localhost"],
  ])("refuses %s (%s) with a clear message", async (_kind, serverUrl) => {
    const response = await createMastodon(serverUrl);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: {
        code: "DRAHT_ERR_CHANNEL_SERVER_NOT_ALLOWED",
        key: "errors.CHANNEL_SERVER_NOT_ALLOWED",
        details: { field: "settings.serverUrl", reason: "private_address" },
      },
    });
  });

  it("refuses plain http without the setting for local test networks, and a Bluesky PDS and a changed address alike", async () => {
    const http = await createMastodon("http://mastodon.example");
    expect(http.json()).toMatchObject({
      error: { code: "DRAHT_ERR_CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "not_https" } },
    });
    const bluesky = await admin.request("POST", `/api/orgs/${orgId}/channels`, {
      name: "Bluesky intern",
      network: "bluesky",
      settings: { serviceUrl: "https://[::1]:2583" },
    });
    expect(bluesky.json()).toMatchObject({
      error: { code: "DRAHT_ERR_CHANNEL_SERVER_NOT_ALLOWED", details: { field: "settings.serviceUrl" } },
    });
    const saved = await createMastodon("https://mastodon.example");
    expect(saved.statusCode).toBe(201);
    const moved = await admin.request("PATCH", `/api/orgs/${orgId}/channels/${saved.json<{ id: string }>().id}`, {
      settings: { serverUrl: "https://169.254.169.254" },
    });
    expect(moved.json()).toMatchObject({ error: { code: "DRAHT_ERR_CHANNEL_SERVER_NOT_ALLOWED" } });
  });

  it("refuses a name any of whose addresses is private, as the resolver answers it", async () => {
    const lookup: HostLookup = async (hostname) =>
      hostname === "mastodon.evil.example"
        ? [
            { address: "203.0.113.80", family: 4 },
            { address: "10.20.30.40", family: 4 },
          ]
        : [{ address: "93.184.216.34", family: 4 }];
    const ctx = { ...strict.ctx, networkServers: { ...strict.ctx.networkServers, lookup } };
    await expect(
      buildChannelAccount(ctx, orgId, {
        network: "mastodon",
        settings: { serverUrl: "https://mastodon.evil.example" },
      }),
    ).rejects.toMatchObject({ code: "CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "private_address" } });
    await expect(
      buildChannelAccount(ctx, orgId, {
        network: "mastodon",
        settings: { serverUrl: "https://mastodon.good.example" },
      }),
    ).resolves.toMatchObject({ network: "mastodon" });
  });
});

describe("connecting to a network server", () => {
  it("sends nothing (no app password) to a server address saved earlier that is not allowed now", async () => {
    const account = await savedEarlier("bluesky", target.url);
    const response = await admin.request("POST", `/api/orgs/${orgId}/channels/${account.id}/connection/app-password`, {
      identifier: "stadt.example",
      password: "geheim-geheim-geheim",
    });
    expect(response.json()).toMatchObject({
      error: { code: "DRAHT_ERR_CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "not_https" } },
    });
    expect(target.requests).toEqual([]);
  });

  it("refuses a name that resolved to a public address when saved and to this machine when connecting (DNS rebinding)", async () => {
    let rebound = false;
    const lookup: HostLookup = async () => [{ address: rebound ? "127.0.0.1" : "93.184.216.34", family: 4 }];
    const ctx = { ...strict.ctx, networkServers: { ...strict.ctx.networkServers, lookup } };
    const account = await buildChannelAccount(ctx, orgId, {
      network: "bluesky",
      settings: { serviceUrl: `https://rebind.example:${target.port}` },
    });
    rebound = true;
    // The connectors resolve again on their own: the check is made where the connection is opened.
    const connectors = createConnectorRegistry({
      db: ctx.db,
      clock: ctx.clock,
      publicUrl: ctx.publicUrl,
      networkServers: { trustedHosts: [], lookup },
    });
    const withStaleCheck = { ...ctx, networkServers: { ...ctx.networkServers, lookup: async () => [] } };
    await expect(
      connectWithAppPassword(
        withStaleCheck,
        { connectors },
        {
          actor: systemAdminOf(orgId),
          orgId,
          accountId: account.id,
          identifier: "stadt.example",
          password: "geheim-geheim-geheim",
        },
      ),
    ).rejects.toMatchObject({ code: "CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "private_address" } });
    expect(target.requests).toEqual([]);
  });

  it("does not follow a trusted server's redirect to a private address", async () => {
    const inside = await localServer((_req, res) => res.end(SECRET));
    const trusted = await localServer((req, res) => {
      const to = req.url?.startsWith("/api/v1/apps") ? "https://169.254.169.254/latest/meta-data" : inside.url;
      res.writeHead(307, { location: `${to}${req.url ?? ""}` }).end();
    });
    try {
      const lookup: HostLookup = async (hostname) =>
        hostname === "mastodon.trusted.example" ? [{ address: "127.0.0.1", family: 4 }] : [];
      const access = { trustedHosts: ["mastodon.trusted.example"], lookup };
      const mastodon = createMastodonConnector({ networkServers: access });
      const registered = mastodon.oauth?.registerClient({
        serverUrl: `http://mastodon.trusted.example:${trusted.port}`,
        redirectUri: "https://draht.example/callback",
      });
      await expect(registered).rejects.toMatchObject({
        kind: "permanent",
        message: expect.stringMatching(/not allowed/),
      });
      const who = mastodon.whoAmI?.({
        id: "00000000-0000-4000-8000-000000000000",
        orgId,
        settings: { serverUrl: `http://mastodon.trusted.example:${trusted.port}` },
        credentials: { accessToken: "token" },
      });
      await expect(who).rejects.toMatchObject({ message: "server address not allowed (not_https)" });
      expect(trusted.requests).toHaveLength(2);
      expect(inside.requests).toEqual([]);
    } finally {
      await inside.close();
      await trusted.close();
    }
  });

  it("refuses plain http and private addresses in connectors made without the setting", async () => {
    const account = {
      id: "00000000-0000-4000-8000-000000000000",
      orgId,
      settings: { serverUrl: target.url, serviceUrl: target.url },
      credentials: { accessToken: "token", identifier: "stadt.example", appPassword: "geheim-geheim-geheim" },
    };
    await expect(createMastodonConnector().whoAmI?.(account)).rejects.toBeInstanceOf(ConnectorError);
    await expect(createBlueskyConnector().whoAmI?.(account)).rejects.toMatchObject({
      kind: "permanent",
      message: "server address not allowed (not_https)",
    });
    const https = { ...account, settings: { serverUrl: `https://127.0.0.1:${target.port}` } };
    await expect(createMastodonConnector().whoAmI?.(https)).rejects.toMatchObject({
      message: "server address not allowed (private_address)",
    });
    expect(target.requests).toEqual([]);
  });
});

describe("what a person learns from a failed connection (local test network allowed)", () => {
  let open: TestApp;
  let openAdmin: SignedIn;
  let openOrg: string;
  beforeAll(async () => {
    open = await startTestApp({ env: { ALLOW_PRIVATE_NETWORK_SERVERS: "true" } });
    const org = await buildOrg(open.ctx);
    openOrg = org.id;
    const member = await buildMember(open.ctx, org.id, { roles: ["administrator"] });
    openAdmin = await signIn(open.app, member.email, member.password);
  });
  afterAll(() => open?.close());

  async function connectTo(network: "mastodon" | "bluesky", serverUrl: string) {
    const created = await openAdmin.request("POST", `/api/orgs/${openOrg}/channels`, {
      name: `${network} ${Math.random().toString(36).slice(2, 8)}`,
      network,
      settings: network === "mastodon" ? { serverUrl } : { serviceUrl: serverUrl },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const response =
      network === "mastodon"
        ? await openAdmin.request("POST", `/api/orgs/${openOrg}/channels/${id}/connection/oauth`)
        : await openAdmin.request("POST", `/api/orgs/${openOrg}/channels/${id}/connection/app-password`, {
            identifier: "stadt.example",
            password: "geheim-geheim-geheim",
          });
    const { requestId: _requestId, ...error } = response.json<{ error: Record<string, unknown> }>().error;
    return { status: response.statusCode, body: response.body, error };
  }

  it("gets one and the same error for a closed port, another kind of server, an error page and a dropped connection, never the server's answer", async () => {
    const closed = await localServer(() => {});
    const closedUrl = closed.url;
    await closed.close();
    const html = await localServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(`<h1>${SECRET}</h1>`),
    );
    const failing = await localServer((_req, res) =>
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ error: SECRET, message: SECRET })),
    );
    const refusing = await localServer((_req, res) =>
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `${SECRET} not found` })),
    );
    const dropping = await localServer((req) => req.socket.destroy());
    try {
      for (const network of ["mastodon", "bluesky"] as const) {
        const answers = [];
        for (const server of [closedUrl, html.url, failing.url, refusing.url, dropping.url])
          answers.push(await connectTo(network, server));
        for (const answer of answers) {
          expect(answer.body).not.toContain(SECRET);
          expect(answer.status).toBe(502);
          expect(answer.error).toEqual(answers[0]?.error);
        }
        expect(answers[0]?.error).toMatchObject({ code: "DRAHT_ERR_CHANNEL_SERVER_UNAVAILABLE" });
      }
    } finally {
      await Promise.all([html.close(), failing.close(), refusing.close(), dropping.close()]);
    }
  });

  it("keeps a server's own words out of what is stored and shown about a failed call", async () => {
    const failing = await localServer((_req, res) =>
      res
        .writeHead(422, { "content-type": "application/json" })
        .end(JSON.stringify({ error: `Validation failed: ${SECRET}` })),
    );
    try {
      const mastodon = createMastodonConnector({ networkServers: { trustedHosts: ["*"] } });
      const failure = await mastodon
        .publish(
          {
            id: "00000000-0000-4000-8000-000000000000",
            orgId: openOrg,
            settings: { serverUrl: failing.url },
            credentials: { accessToken: "t" },
          },
          { idempotencyKey: "k", attempt: 1, orgId: openOrg, postId: "p", text: "Hallo", media: [], poll: null },
        )
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ kind: "permanent", message: "HTTP 422" });
      expect((failure as ConnectorError).detail).toContain(SECRET);
    } finally {
      await failing.close();
    }
  });
});

describe("starting an authorisation", () => {
  it("refuses a Mastodon instance address saved earlier that is not allowed, before registering anywhere", async () => {
    const account = await savedEarlier("mastodon", `https://127.0.0.1:${target.port}`);
    await expect(
      beginChannelAuthorisation(
        strict.ctx,
        {
          connectors: createConnectorRegistry({
            db: strict.ctx.db,
            clock: strict.ctx.clock,
            publicUrl: strict.ctx.publicUrl,
          }),
        },
        { actor: systemAdminOf(orgId), orgId, accountId: account.id, redirectUri: "https://draht.example/callback" },
      ),
    ).rejects.toMatchObject({ code: "CHANNEL_SERVER_NOT_ALLOWED", details: { reason: "private_address" } });
    expect(target.requests).toEqual([]);
  });
});
