// The connector contract against a real local Bluesky network (PLC, PDS, AppView from @atproto/dev-env):
// publish with facets and images with alt text, a second account replies, the reply arrives through the
// notifications from the stored cursor, draht answers with correct root and parent, the answer shows in
// the thread. The PDS runs with rate limits off, so "the network answers 429" is a fetch in front of it
// that answers as the PDS would (status 429, RateLimit-* headers).
import { randomUUID } from "node:crypto";
import { AtUri, RichText } from "@atproto/api";
import { afterAll, describe, expect, it } from "vitest";
import { createBlueskyConnector } from "../src/channels/bluesky/blueskyConnector.js";
import { ConnectorError } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { type LocalBluesky, startLocalBluesky } from "./peers/bluesky/localNetwork.js";
import { LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";

const suffix = () => Math.random().toString(36).slice(2, 8);

/** One local network for the whole file (starting one takes seconds), closed after the last test. */
let started: Promise<LocalBluesky> | null = null;
const localNetwork = () => (started ??= startLocalBluesky());
afterAll(async () => {
  await (await started)?.close();
});

connectorContract("Bluesky (local AT Protocol network)", async () => {
  const network = await localNetwork();
  const city = await network.createUser(`stadt-${suffix()}.test`);
  const citizen = await network.createUser(`buerger-${suffix()}.test`);
  const appPassword = await city.agent.com.atproto.server.createAppPassword({ name: "draht" });
  let limited = false;
  const fetchInFront: typeof fetch = async (input, init) => {
    if (limited)
      return new Response(JSON.stringify({ error: "RateLimitExceeded", message: "Rate Limit Exceeded" }), {
        status: 429,
        headers: {
          "content-type": "application/json",
          "ratelimit-limit": "3000",
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 120),
        },
      });
    return fetch(input, init);
  };
  const make = () => createBlueskyConnector({ fetch: fetchInFront, networkServers: LOCAL_NETWORK_SERVERS });
  const account = {
    id: randomUUID(),
    orgId: randomUUID(),
    settings: { serviceUrl: network.pdsUrl },
    credentials: { identifier: city.agent.session?.handle ?? "", appPassword: appPassword.data.password },
  };
  const posts = async () =>
    (await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: "app.bsky.feed.post", limit: 100 }))
      .data.records;
  const getPost = async (uri: string) => {
    const at = new AtUri(uri);
    return city.agent.com.atproto.repo
      .getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey })
      .then((r) => r.data.value as Record<string, unknown>)
      .catch(() => null);
  };
  return {
    connector: make(),
    account,
    countPublished: async (text) => (await posts()).filter((r) => (r.value as { text?: string }).text === text).length,
    altTextsOf: async (uri) =>
      ((await getPost(uri))?.embed as { images?: { alt: string }[] } | undefined)?.images?.map((i) => i.alt) ?? [],
    citizenReplies: async (uri, text) => {
      await network.untilIndexed(citizen.agent, uri);
      const { ref, root } = await network.refOf(citizen.agent, uri);
      const reply = await citizen.agent.post({
        text,
        reply: { root, parent: ref },
        createdAt: new Date().toISOString(),
      });
      // The AppView indexes the PDS's event stream asynchronously: wait until the notification exists.
      await network.untilNotified(city.agent, reply.uri);
    },
    citizenDeletes: async (uri) => {
      await citizen.agent.deletePost(uri);
    },
    threadTexts: async (uri) => {
      await network.settle();
      const thread = await city.agent.app.bsky.feed.getPostThread({ uri, depth: 10 });
      const texts: string[] = [];
      const walk = (node: unknown) => {
        const n = node as { post?: { record?: { text?: string } }; replies?: unknown[] };
        for (const reply of n.replies ?? []) {
          const r = reply as { post?: { record?: { text?: string } } };
          if (r.post?.record?.text) texts.push(r.post.record.text);
          walk(reply);
        }
      };
      walk(thread.data.thread);
      return texts;
    },
    exists: async (uri) => (await getPost(uri)) !== null,
    // The citizen likes, reposts and answers it; the AppView counts once it has indexed them.
    reactTo: async (uri) => {
      await network.untilIndexed(citizen.agent, uri);
      const { ref, root } = await network.refOf(citizen.agent, uri);
      await citizen.agent.like(ref.uri, ref.cid);
      await citizen.agent.repost(ref.uri, ref.cid);
      await citizen.agent.post({ text: "Danke!", reply: { root, parent: ref }, createdAt: new Date().toISOString() });
      await network.settle();
      return { likes: 1, reposts: 1, replies: 1 };
    },
    replyRulesOf: async (uri) => {
      const at = new AtUri(uri);
      const gate = await city.agent.com.atproto.repo
        .getRecord({ repo: at.host, collection: "app.bsky.feed.threadgate", rkey: at.rkey })
        .catch(() => null);
      const allow = (gate?.data.value as { allow?: { $type: string }[] } | undefined)?.allow;
      return allow === undefined
        ? null
        : allow.map((rule) => rule.$type.replace(/^app\.bsky\.feed\.threadgate#/, "").replace(/Rule$/, ""));
    },
    revokeCredentials: async () => {
      await city.agent.com.atproto.server.revokeAppPassword({ name: "draht" });
    },
    exhaustRateLimit: async () => {
      limited = true;
      return async () => {
        limited = false;
      };
    },
    settle: () => network.settle(),
    restart: make,
    close: async () => {},
  };
});

describe("hiding replies on Bluesky (threadgate)", () => {
  it("fails a hide whose threadgate could not be read, instead of overwriting the replies hidden before", async () => {
    const network = await localNetwork();
    const city = await network.createUser(`gate-${suffix()}.test`);
    const citizen = await network.createUser(`gast-${suffix()}.test`);
    const appPassword = await city.agent.com.atproto.server.createAppPassword({ name: "draht" });
    let threadgateReadFails = false;
    const fetchInFront: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (threadgateReadFails && url.includes("com.atproto.repo.getRecord") && url.includes("threadgate"))
        return new Response(JSON.stringify({ error: "InternalServerError", message: "Internal Server Error" }), {
          status: 500,
          headers: { "content-type": "application/json" },
        });
      return fetch(input, init);
    };
    const connector = createBlueskyConnector({ fetch: fetchInFront, networkServers: LOCAL_NETWORK_SERVERS });
    const account = {
      id: randomUUID(),
      orgId: randomUUID(),
      settings: { serviceUrl: network.pdsUrl },
      credentials: { identifier: city.agent.session?.handle ?? "", appPassword: appPassword.data.password },
    };
    const post = await connector.publish(account, {
      idempotencyKey: `gate-${randomUUID()}`,
      attempt: 1,
      orgId: account.orgId,
      postId: randomUUID(),
      text: "Der Wochenmarkt zieht um.",
      media: [],
      poll: null,
    });
    await network.untilIndexed(citizen.agent, post.externalId);
    const { ref, root } = await network.refOf(citizen.agent, post.externalId);
    const first = await citizen.agent.post({ text: "Erste Antwort", reply: { root, parent: ref } });
    const second = await citizen.agent.post({ text: "Zweite Antwort", reply: { root, parent: ref } });
    const hide = (externalId: string) =>
      connector.moderate?.(account, {
        kind: "hide",
        externalId,
        authorHandle: "@gast",
        reason: "Netiquette",
        idempotencyKey: randomUUID(),
      });
    const hiddenReplies = async () => {
      const gate = await city.agent.com.atproto.repo.getRecord({
        repo: city.did,
        collection: "app.bsky.feed.threadgate",
        rkey: new AtUri(post.externalId).rkey,
      });
      return (gate.data.value as { hiddenReplies?: string[] }).hiddenReplies ?? [];
    };

    await hide(first.uri);
    expect(await hiddenReplies()).toEqual([first.uri]);

    threadgateReadFails = true;
    const failed = await hide(second.uri)?.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ConnectorError);
    expect((failed as ConnectorError).kind).toBe("transient");
    expect(await hiddenReplies()).toEqual([first.uri]);

    threadgateReadFails = false;
    await hide(second.uri);
    expect(await hiddenReplies()).toEqual([first.uri, second.uri]);
  });
});

describe("Bluesky facets", () => {
  it("sit on UTF-8 byte offsets, so umlauts and emoji before a link or mention do not shift them", () => {
    const rich = new RichText({ text: "Grüße 👋 aus Köln: https://stadt.example/müll #Sperrmüll" });
    rich.detectFacetsWithoutResolution();
    const bytes = new TextEncoder().encode(rich.text);
    const slices = (rich.facets ?? []).map((f) =>
      new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd)),
    );
    expect(slices).toEqual(["https://stadt.example/müll", "#Sperrmüll"]);
  });
});
