// Facebook Login (src/channels/meta/facebookLogin.ts) against the fake login peer: the dialog, the code exchange with
// PKCE, the long-lived token, the person's pages, and what is kept of them.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { facebookDialogUrl, facebookLogin, keepPage, pageOf } from "../src/channels/meta/facebookLogin.js";
import { ConnectorError } from "../src/domain/connector.js";
import { AppError } from "../src/domain/errors.js";
import { type FacebookLoginPeer, type FakeManagedPage, facebookLoginPeer } from "./peers/meta/facebookLoginPeer.js";

const VERSION = "v26.0";
const NOW = new Date("2026-12-07T09:00:00Z");
const REDIRECT = "http://127.0.0.1:3000/api/oauth/callback";
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(pages?: FakeManagedPage[]): Promise<{ peer: FacebookLoginPeer; graphUrl: string }> {
  const peer = facebookLoginPeer({ version: VERSION, clock: () => NOW, ...(pages ? { pages } : {}) });
  const server = createServer((req, res) => {
    void peer.handle(req, res, new URL(req.url ?? "/", "http://fake")).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { peer, graphUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${VERSION}` };
}

const loginFor = (peer: FacebookLoginPeer | null) =>
  facebookLogin({
    fetchImpl: fetch,
    app: peer ? { appId: peer.appId, appSecret: peer.appSecret } : null,
    network: "facebook",
    scopes: "pages_show_list,pages_manage_posts",
    clock: () => NOW,
  });

/** Goes through the dialog as the person would: opens it, decides, and returns where the browser is sent back to. */
async function throughDialog(authoriseUrl: string, decision: "allow" | "deny"): Promise<URL> {
  const dialog = await fetch(authoriseUrl);
  expect(dialog.status).toBe(200);
  expect(await dialog.text()).toContain("Weiter als Erika");
  const q = new URL(authoriseUrl).searchParams;
  const answer = await fetch(new URL(`/${VERSION}/dialog/oauth`, authoriseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      decision,
      redirect_uri: q.get("redirect_uri") ?? "",
      state: q.get("state") ?? "",
      code_challenge: q.get("code_challenge") ?? "",
    }).toString(),
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") ?? "");
}

async function authorise(peer: FacebookLoginPeer, graphUrl: string) {
  const login = loginFor(peer);
  const client = await login.registerClient({ serverUrl: graphUrl, redirectUri: REDIRECT });
  const verifier = randomBytes(32).toString("base64url");
  const url = login.authoriseUrl({
    serverUrl: graphUrl,
    clientId: client.clientId,
    redirectUri: REDIRECT,
    state: "state-1",
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
  });
  const back = await throughDialog(url, "allow");
  return { login, client, verifier, back, code: back.searchParams.get("code") ?? "" };
}

describe("Facebook Login", () => {
  it("exchanges the code for a long-lived token and the pages the person manages, with their Instagram accounts", async () => {
    const { peer, graphUrl } = await start();
    const { login, client, verifier, back, code } = await authorise(peer, graphUrl);
    expect(back.searchParams.get("state")).toBe("state-1");
    expect(peer.lastScopes).toBe("pages_show_list,pages_manage_posts");
    const credentials = await login.exchangeCode({
      serverUrl: graphUrl,
      ...client,
      redirectUri: REDIRECT,
      code,
      codeVerifier: verifier,
    });
    const parsed = credentials as ReturnType<typeof keepPage>;
    expect(parsed.userToken).toMatch(/^EAALong/);
    expect(parsed.userTokenExpiresAt).toBe(new Date(NOW.getTime() + 60 * 86_400_000).toISOString());
    expect(parsed.pages.map((p) => [p.id, p.name, p.instagram?.username ?? null])).toEqual([
      ["104000000000001", "Stadt Musterstadt", "stadt.musterstadt"],
      ["104000000000002", "Musterstadt Kultur", null],
    ]);
    expect(parsed.pages[0]?.accessToken).toBe(peer.pages[0]?.accessToken);
  });

  it("keeps only the account's own page and refuses a page the person does not manage", async () => {
    const { peer, graphUrl } = await start();
    const { login, client, verifier, code } = await authorise(peer, graphUrl);
    const credentials = await login.exchangeCode({
      serverUrl: graphUrl,
      ...client,
      redirectUri: REDIRECT,
      code,
      codeVerifier: verifier,
    });
    const kept = keepPage(credentials, "104000000000002");
    expect(kept.userToken).toBeNull();
    expect(kept.pages.map((p) => p.id)).toEqual(["104000000000002"]);
    expect(pageOf(kept, "104000000000002").accessToken).toBe(peer.pages[1]?.accessToken);
    expect(() => pageOf(kept, "104000000000001")).toThrow(ConnectorError);
    // Narrowed credentials pass unchanged (a reconnect check runs keepPage again).
    expect(keepPage(kept, "104000000000002")).toEqual(kept);
    expect(() => keepPage(credentials, "999")).toThrow(/gehört nicht zu den Seiten/);
  });

  it("refuses a code used twice, a wrong verifier and a wrong redirect address", async () => {
    const { peer, graphUrl } = await start();
    const first = await authorise(peer, graphUrl);
    const args = { serverUrl: graphUrl, ...first.client, redirectUri: REDIRECT, code: first.code };
    await first.login.exchangeCode({ ...args, codeVerifier: first.verifier });
    await expect(first.login.exchangeCode({ ...args, codeVerifier: first.verifier })).rejects.toMatchObject({
      kind: "permanent",
    });
    const second = await authorise(peer, graphUrl);
    await expect(
      second.login.exchangeCode({ ...args, code: second.code, codeVerifier: "not-the-verifier" }),
    ).rejects.toBeInstanceOf(ConnectorError);
    const third = await authorise(peer, graphUrl);
    await expect(
      third.login.exchangeCode({
        ...args,
        code: third.code,
        redirectUri: "http://elsewhere/cb",
        codeVerifier: third.verifier,
      }),
    ).rejects.toBeInstanceOf(ConnectorError);
  });

  it("sends the person back with access_denied when they cancel", async () => {
    const { peer, graphUrl } = await start();
    const login = loginFor(peer);
    const url = login.authoriseUrl({
      serverUrl: graphUrl,
      clientId: peer.appId,
      redirectUri: REDIRECT,
      state: "s",
      codeChallenge: "c",
    });
    const back = await throughDialog(url, "deny");
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("reads every page of a person who manages more than Graph lists at once", async () => {
    const many = Array.from({ length: 130 }, (_, i) => ({
      id: String(200_000_000_000_000 + i),
      name: `Seite ${i + 1}`,
      accessToken: `EAAPage${i}`,
      instagram: null,
    }));
    const { peer, graphUrl } = await start(many);
    const { login, client, verifier, code } = await authorise(peer, graphUrl);
    const credentials = (await login.exchangeCode({
      serverUrl: graphUrl,
      ...client,
      redirectUri: REDIRECT,
      code,
      codeVerifier: verifier,
    })) as ReturnType<typeof keepPage>;
    expect(credentials.pages).toHaveLength(130);
    expect(new Set(credentials.pages.map((p) => p.id)).size).toBe(130);
  });

  it("cannot connect without draht's app at Meta, and says which settings are missing", async () => {
    const attempt = loginFor(null).registerClient({
      serverUrl: "https://graph.facebook.com/v26.0",
      redirectUri: REDIRECT,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CHANNEL_APP_NOT_CONFIGURED" });
  });

  it("finds Meta's dialog on www.facebook.com under the Graph API's version", () => {
    expect(facebookDialogUrl("https://graph.facebook.com/v26.0")).toBe("https://www.facebook.com/v26.0/dialog/oauth");
    expect(facebookDialogUrl("http://127.0.0.1:4000/v26.0/")).toBe("http://127.0.0.1:4000/v26.0/dialog/oauth");
  });
});
