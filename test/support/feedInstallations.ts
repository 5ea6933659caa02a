// Two draht installations for the tests of signed feeds (test/knowledge-feed*.test.ts): the Landkreis's (the test
// database) publishes, a Gemeinde's (a database of its own, its own server on another loopback port) subscribes,
// and a forger's server answers with whatever a test puts there (a tampered or broken feed). Started in the test
// file's beforeAll, closed in its afterAll; with the calls both sides make.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { Role } from "../../src/domain/roles.js";
import { buildDepartment, buildMember, buildOrg } from "./factories.js";
import { type OwnDatabase, ownDatabase } from "./ownDatabase.js";
import { type Person, type SharingScene, sharingScenes } from "./sharingScene.js";
import { type TestApp, signIn, startTestApp } from "./testApp.js";

/** What the forger's server answers. */
export interface ForgedAnswer {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export type FeedDetail = {
  feed: {
    id: string;
    revision: number;
    problem: string | null;
    problemDetail: string | null;
    publisherName: string;
    title: string;
  };
  items: {
    id: string;
    kind: string;
    title: string;
    version: number;
    updateAvailable: boolean;
    withdrawnAt: string | null;
  }[];
};

async function listen(install: TestApp): Promise<string> {
  await install.app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(install.app.server.address() as AddressInfo).port}`;
}

/** Registers the hooks that start and stop both installations; `prefix` names the Gemeinde's own database. */
export function feedInstallations(prefix: string) {
  let kreisApp: TestApp | undefined;
  let gemeindeApp: TestApp | undefined;
  let gemeindeDb: OwnDatabase | undefined;
  let forger: Server | undefined;
  let kreisBase = "";
  let forgerBase = "";
  let forged: ForgedAnswer = { status: 200, body: "" };
  const started = (app: TestApp | undefined): TestApp => {
    if (!app) throw new Error("the installations start in beforeAll");
    return app;
  };

  beforeAll(async () => {
    kreisApp = await startTestApp();
    kreisBase = await listen(kreisApp);
    gemeindeDb = ownDatabase(inject("databaseUrl"), prefix);
    await gemeindeDb.create();
    const database = await gemeindeDb.open();
    await database.migrate();
    // The Gemeinde's installation trusts the loopback address (a test network); a normal one fetches only
    // public https addresses.
    gemeindeApp = await startTestApp({
      database,
      env: {
        ALLOW_PRIVATE_NETWORK_SERVERS: "127.0.0.1",
        CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"),
      },
    });
    const server = createServer((_request, response) => {
      response.writeHead(forged.status, { "content-type": "application/json", ...forged.headers });
      response.end(forged.body);
    });
    forger = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    forgerBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => (forger ? forger.close(resolve) : resolve(undefined)));
    await kreisApp?.close();
    await gemeindeApp?.close();
    await gemeindeDb?.drop();
  });

  const scenes = sharingScenes(() => started(kreisApp));

  /** The Gemeinde on the other installation: its press office, an editor of its Bürgerbüro, an analyst. */
  async function gemeinde() {
    const install = started(gemeindeApp);
    const org = await buildOrg(install.ctx, { name: "Gemeinde Fernhausen" });
    const buergerbuero = (await buildDepartment(install.ctx, org.id, { name: "Bürgerbüro" })).id;
    const person = async (roles: Role[], departmentIds: string[] | null) => {
      const member = await buildMember(install.ctx, org.id, { roles, departmentIds });
      return Object.assign(await signIn(install.app, member.email, member.password), {
        userId: member.userId,
      }) as Person;
    };
    return {
      org: org.id,
      buergerbuero,
      press: await person(["press_office"], null),
      editor: await person(["editor"], [buergerbuero]),
      viewer: await person(["analyst"], null),
    };
  }

  /** The Landkreis shares an article and a Textbaustein in a collection and publishes it as a feed. */
  async function publishedFeed(s: SharingScene) {
    const articleId = await scenes.publishedArticle(s);
    const template = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/inbox/templates`, {
      title: "Kita-Anmeldung",
      body: "Die Anmeldung für das Kita-Jahr ist ab dem 1. Februar im Portal möglich.",
      tags: ["kita"],
    });
    expect(template.statusCode, template.body).toBe(201);
    const collectionId = await scenes.collectionFor(s, "all");
    expect((await scenes.share(s, collectionId, { kind: "article", sourceId: articleId })).statusCode).toBe(200);
    const templateId = template.json<{ id: string }>().id;
    expect((await scenes.share(s, collectionId, { kind: "template", sourceId: templateId })).statusCode).toBe(200);
    const published = await s.kreisPress.request(
      "PUT",
      `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/feed`,
    );
    expect(published.statusCode, published.body).toBe(200);
    const feed = published.json<{ url: string; fingerprint: string }>();
    // The address as the Landkreis would publish it behind its own host name; here its loopback port.
    const url = `${kreisBase}${new URL(feed.url).pathname}`;
    return {
      articleId,
      templateId,
      collectionId,
      url,
      fingerprint: feed.fingerprint,
      path: new URL(feed.url).pathname,
    };
  }

  async function subscribe(g: Gemeinde, url: string, fingerprint: string) {
    return g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds`, { url, fingerprint });
  }

  async function feedOf(g: Gemeinde, feedId: string): Promise<FeedDetail> {
    const response = await g.press.request("GET", `/api/orgs/${g.org}/knowledge/feeds/${feedId}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<FeedDetail>();
  }

  async function itemIdOf(s: SharingScene, collectionId: string, kind: string): Promise<string> {
    const detail = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}`);
    const item = detail.json<{ items: { id: string; kind: string }[] }>().items.find((i) => i.kind === kind);
    if (!item) throw new Error(`no ${kind} in the collection`);
    return item.id;
  }

  return {
    get kreisApp() {
      return started(kreisApp);
    },
    get gemeindeApp() {
      return started(gemeindeApp);
    },
    get kreisBase() {
      return kreisBase;
    },
    get forgerBase() {
      return forgerBase;
    },
    /** What the forger's server answers from now on. */
    forge(answer: ForgedAnswer) {
      forged = answer;
    },
    scenes,
    gemeinde,
    publishedFeed,
    subscribe,
    feedOf,
    itemIdOf,
  };
}

export type Gemeinde = {
  org: string;
  buergerbuero: string;
  press: Person;
  editor: Person;
  viewer: Person;
};
