// The Telegram channel end to end over draht's HTTP API, on the real database, against the fake Bot API
// (test/peers/telegram/): an administrator creates the account and connects the bot with its token (checked with
// getMe and getChat, stored sealed); a post goes out by the publish worker into the channel; a citizen's comment under a channel post and a direct message to the bot
// arrive by the sync (getUpdates) in the inbox, threaded; the answer from the inbox goes into the thread; with
// the webhook set up, Telegram is told by setWebhook and its deliveries land in the inbox (a forged secret is
// refused, a repeated update taken once); a revoked token asks to connect again.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import {
  channelCredentials,
  channelSyncStates,
  channelWebhooks,
  inboundMessages,
  publications,
} from "../src/db/schema/index.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import { type BotApiPeer, citizensOf, startBotApiPeer } from "./peers/telegram/botApiPeer.js";
import { buildMember, buildOrg } from "./support/factories.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { untilValue } from "./support/until.js";

let t: TestApp;
let peer: BotApiPeer;
beforeAll(async () => {
  // Telegram delivers only to HTTPS addresses.
  t = await startTestApp({ env: { ...LOCAL_NETWORK_ENV, PUBLIC_URL: "https://draht.musterstadt.test" } });
  // Telegram's webhook deliveries reach the in-process server.
  peer = await startBotApiPeer({
    deliver: async (url, headers, body) =>
      (await t.app.inject({ method: "POST", url: new URL(url).pathname, headers, payload: body })).statusCode,
  });
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

async function connectedChannel(options: { approval?: "none" } = {}) {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  const created = await admin.request("POST", `/api/orgs/${org.id}/channels`, {
    name: "Telegram-Kanal",
    network: "telegram",
    settings: { serverUrl: peer.url, channel: "@musterstadt" },
    ...(options.approval
      ? { approval: { post: options.approval, campaign_template: options.approval, campaign_free: options.approval } }
      : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = (created.json() as { id: string }).id;
  const base = `/api/orgs/${org.id}/channels/${accountId}`;
  return { org, member, admin, accountId, base };
}

/** Waits for what the in-process server and the peer bring about between them. */
const eventually = (check: () => Promise<boolean>) =>
  untilValue(async () => ((await check()) ? true : undefined), "the awaited delivery");

const messagesOf = (accountId: string) =>
  t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.channelAccountId, accountId));

async function sync(admin: SignedIn, base: string) {
  const answer = await admin.request("POST", `${base}/connection/sync`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json() as Record<string, unknown>;
}

describe("the Telegram channel over the HTTP API", () => {
  it("connects the bot, brings comments and direct messages into the inbox and answers in the thread", async () => {
    const { org, admin, accountId, base } = await connectedChannel();
    const wrong = await admin.request("POST", `${base}/connection/app-password`, {
      identifier: "musterstadt_bot",
      password: "7000000001:AAThisTokenWasRevokedLongAgo00",
    });
    expect(wrong.statusCode).toBe(400);
    const otherBot = await admin.request("POST", `${base}/connection/app-password`, {
      identifier: "@anderer_bot",
      password: peer.token,
    });
    expect(otherBot.statusCode).toBe(400);
    const connected = await admin.request("POST", `${base}/connection/app-password`, {
      identifier: "musterstadt_bot",
      password: peer.token,
    });
    expect(connected.statusCode, connected.body).toBe(200);
    expect(connected.json()).toEqual({ handle: "@musterstadt" });
    const [sealed] = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, accountId));
    expect(JSON.stringify(sealed)).not.toContain(peer.token);

    const citizens = citizensOf(peer.state);
    const post = peer.state.add(peer.state.channel, { sender_chat: peer.state.channel, text: "Stadtfest am Samstag" });
    citizens.comment(post.message_id, "Gibt es Parkplätze?");
    citizens.writeToBot("Wo melde ich einen Schaden?");
    await sync(admin, base);
    const stored = await messagesOf(accountId);
    expect(stored.map((m) => [m.kind, m.text, m.threadExternalId]).sort()).toEqual([
      ["direct", "Wo melde ich einen Schaden?", `direct:${citizens.person.id}`],
      ["reply", "Gibt es Parkplätze?", `${peer.state.channel.id}:${post.message_id}`],
    ]);
    await sync(admin, base);
    expect(await messagesOf(accountId)).toHaveLength(2);

    const comment = stored.find((m) => m.kind === "reply");
    const answer = await admin.request(
      "POST",
      `/api/orgs/${org.id}/inbox/conversations/${comment?.conversationId}/replies`,
      { text: "Ja, am Bahnhof." },
    );
    expect(answer.statusCode, answer.body).toBe(201);
    await eventually(async () => peer.state.messagesOf(peer.state.group.id).some((m) => m.text === "Ja, am Bahnhof."));
    const sent = peer.state.messagesOf(peer.state.group.id).find((m) => m.text === "Ja, am Bahnhof.");
    expect(sent?.reply_to_message?.text).toBe("Gibt es Parkplätze?");
    expect(sent?.message_thread_id).toBe(peer.state.forwardOf(post.message_id)?.message_id);
  });

  it("publishes a post from draht into the channel and threads the comments under it to the post", async () => {
    const { org, member, admin, accountId, base } = await connectedChannel({ approval: "none" });
    const connect = { identifier: "@musterstadt_bot", password: peer.token };
    expect((await admin.request("POST", `${base}/connection/app-password`, connect)).statusCode).toBe(200);
    await sync(admin, base);
    const post = await createPost(t.ctx, {
      actor: member.actor,
      orgId: org.id,
      input: {
        body: "Die Bibliothek öffnet am Montag wieder.",
        channels: [{ channelAccountId: accountId, textOverride: null }],
      },
    });
    await submitPost(t.ctx, { actor: member.actor, orgId: org.id, postId: post.id, revision: 1 });
    const connectors = createConnectorRegistry({
      db: t.ctx.db,
      clock: t.ctx.clock,
      publicUrl: t.ctx.publicUrl,
      networkServers: t.ctx.networkServers,
    });
    while ((await runPublishRound(t.ctx, { connectors, random: () => 0.5 })).length > 0);
    const [published] = await t.ctx.db.select().from(publications).where(eq(publications.postId, post.id));
    expect(published?.status, published?.lastError ?? "").toBe("published");
    const sent = peer.state.find(peer.state.channel.id, Number(published?.externalId?.split(":")[1]));
    expect(sent?.text).toBe("Die Bibliothek öffnet am Montag wieder.");
    expect(published?.externalId).toBe(`${peer.state.channel.id}:${sent?.message_id}`);

    citizensOf(peer.state).comment(sent?.message_id ?? 0, "Auch samstags?");
    await sync(admin, base);
    const comment = (await messagesOf(accountId)).find((m) => m.text === "Auch samstags?");
    expect(comment).toMatchObject({ kind: "reply", text: "Auch samstags?", threadExternalId: published?.externalId });
  });

  it("sets Telegram's webhook and takes its deliveries into the inbox, once each, refusing a forged secret", async () => {
    const { admin, accountId, base } = await connectedChannel();
    expect(
      (
        await admin.request("POST", `${base}/connection/app-password`, {
          identifier: "@musterstadt_bot",
          password: peer.token,
        })
      ).statusCode,
    ).toBe(200);
    // One bot serves every test here: what earlier tests left unconfirmed arrives with the first sync, the second
    // confirms it; from then on, this account's inbox only grows by what this test sends.
    await sync(admin, base);
    await sync(admin, base);
    const before = (await messagesOf(accountId)).length;
    // Telegram refusing setWebhook (here: flood control) leaves no webhook set up in draht either.
    peer.state.floodUntil = Date.now() + 5000;
    const refused = await admin.request("PUT", `${base}/webhook`, {});
    peer.state.floodUntil = 0;
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(peer.state.webhook).toBeNull();
    const [kept] = await t.ctx.db.select().from(channelWebhooks).where(eq(channelWebhooks.channelAccountId, accountId));
    expect(kept).toBeUndefined();
    const setUp = await admin.request("PUT", `${base}/webhook`, {});
    expect(setUp.statusCode, setUp.body).toBe(200);
    const hook = setUp.json() as { callbackUrl: string; secret: string };
    expect(peer.state.webhook).toEqual({
      url: hook.callbackUrl,
      secret: hook.secret,
      allowedUpdates: ["message", "edited_message"],
    });

    const citizens = citizensOf(peer.state);
    citizens.writeToBot("Per Webhook: Ist das Bürgerbüro heute offen?");
    await eventually(async () => (await messagesOf(accountId)).length === before + 1);
    expect((await messagesOf(accountId)).find((m) => m.text.startsWith("Per Webhook"))).toMatchObject({
      kind: "direct",
    });
    // Polling has nothing to do while the webhook is set (Telegram refuses getUpdates with 409).
    await sync(admin, base);
    expect(peer.state.webhookFailures).toBe(0);

    const update = { update_id: 999_000_001, message: { ...citizens.writeToBot("Noch eine Frage"), message_id: 4242 } };
    const path = new URL(hook.callbackUrl).pathname;
    const forged = await t.app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "geraten" },
      payload: JSON.stringify(update),
    });
    expect(forged.statusCode).toBeGreaterThanOrEqual(400);
    const delivered = [];
    for (let i = 0; i < 2; i++)
      delivered.push(
        await t.app.inject({
          method: "POST",
          url: path,
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": hook.secret },
          payload: JSON.stringify(update),
        }),
      );
    // Telegram repeats a delivery it got no answer to: the update_id is taken once.
    expect(delivered.map((d) => d.json())).toEqual([
      { events: 1, received: 1, replayed: 0, stale: 0 },
      { events: 1, received: 0, replayed: 1, stale: 0 },
    ]);
    await eventually(async () => (await messagesOf(accountId)).length === before + 3);
    const texts = (await messagesOf(accountId)).map((m) => m.text);
    expect(texts.filter((x) => x === "Noch eine Frage")).toHaveLength(2); // the peer's own delivery and the test's, ids differ
    const removed = await admin.request("DELETE", `${base}/webhook`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(peer.state.webhook).toBeNull();
  });

  it("asks to connect again once Telegram refuses the bot's token", async () => {
    const { admin, accountId, base } = await connectedChannel();
    expect(
      (
        await admin.request("POST", `${base}/connection/app-password`, {
          identifier: "@musterstadt_bot",
          password: peer.token,
        })
      ).statusCode,
    ).toBe(200);
    peer.state.tokens.delete(peer.token);
    try {
      await sync(admin, base);
      const [state] = await t.ctx.db
        .select()
        .from(channelSyncStates)
        .where(and(eq(channelSyncStates.channelAccountId, accountId)));
      expect(state?.status).toBe("needs_reconnect");
    } finally {
      peer.state.tokens.add(peer.token);
    }
  });
});
