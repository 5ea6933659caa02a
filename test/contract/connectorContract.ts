// The contract every channel connector keeps, run against each connector with its peer (draht's own
// store, a protocol-faithful fake, or a real local server). What a connector declares decides which
// promises apply; a declared capability without the means to check it fails, it is never skipped. The peer
// and the steps the promises share are in contractPeer.ts; the promises about answers in answerPromises.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorError } from "../../src/domain/connector.js";
import { samplePng } from "../support/factories.js";
import {
  type ContractPeer,
  citizenItem,
  deliveredItem,
  fetchAll,
  post,
  publishOn,
  publishes,
  webhookOnly,
} from "./contractPeer.js";
import { answerPromises } from "./answerPromises.js";

export type { ContractPeer };

export function connectorContract(name: string, makePeer: () => Promise<ContractPeer>): void {
  describe(`the ${name} connector keeps the connector contract`, () => {
    let peer: ContractPeer;
    beforeAll(async () => {
      peer = await makePeer();
    });
    afterAll(async () => {
      await peer?.close();
    });

    it("declares what it can do and implements exactly that", () => {
      const c = peer.connector;
      expect(typeof c.publish).toBe("function");
      expect(typeof c.reply === "function").toBe(c.capabilities.reply);
      expect(typeof c.fetchInbound === "function").toBe(c.capabilities.inbound.mode === "poll");
      expect(typeof c.deleteOwn === "function").toBe(c.capabilities.deleteOwn);
      expect(typeof c.findDeleted === "function").toBe(
        c.capabilities.inbound.deletions && c.capabilities.inbound.mode === "poll",
      );
      expect(typeof c.streamInbound === "function").toBe(c.capabilities.inbound.streaming);
      expect(typeof c.moderate === "function").toBe((c.moderationKinds ?? []).length > 0);
      expect(c.oauth !== undefined || c.delegatedOAuth !== undefined).toBe(c.capabilities.connect.includes("oauth"));
      expect(c.appPassword !== undefined).toBe(c.capabilities.connect.includes("app_password"));
      expect(c.limits.maxLength).toBeGreaterThan(0);
      if (c.capabilities.publish.media) expect(c.limits.maxMedia).toBeGreaterThan(0);
    });

    it("publishes a text once per idempotency key, also when an interrupted attempt is repeated", async () => {
      if (!publishes(peer.connector)) {
        // An inbox-only connector refuses to publish, as a permanent failure the worker does not retry.
        const refused = await publishOn(peer, post("Nichts zu veröffentlichen")).catch((e) => e);
        expect(refused).toBeInstanceOf(ConnectorError);
        return expect((refused as ConnectorError).kind).toBe("permanent");
      }
      const text = `Vertragstest ${name} ${Date.now()}: Die Bürgersprechstunde ist am Donnerstag.`;
      const first = post(text);
      const item = await publishOn(peer, first);
      expect(item.externalId).not.toBe("");
      // The worker's recovery: ask first, send only when the network has nothing under the key.
      const found = await peer.connector.findPublished(peer.account, first);
      const again = found ?? (await publishOn(peer, { ...first, attempt: 2 }));
      expect(again.externalId).toBe(item.externalId);
      expect(await peer.countPublished(text)).toBe(1);
    });

    it("refuses a text alone, permanently, where it declares that it publishes nothing without an image", async () => {
      if (!peer.connector.capabilities.publish.mediaRequired) return;
      const refused = await peer.connector
        .publish(peer.account, post(`Nur Text ${Date.now()}`))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConnectorError);
      expect((refused as ConnectorError).kind).toBe("permanent");
    });

    it("finds what an interrupted attempt published also after the network forgot the key, and does not post twice", async () => {
      if (!publishes(peer.connector))
        return expect(await peer.connector.findPublished(peer.account, post("x"))).toBeNull();
      const text = `Vertragstest ${name} ${Date.now()}: Der Wertstoffhof öffnet am Samstag.`;
      const since = new Date(Date.now() - 1000);
      const first = post(text, { contentWarning: null });
      const item = await publishOn(peer, first);
      // The answer was lost; the worker recovers much later, when the network no longer knows the key.
      await peer.forgetIdempotencyKeys?.();
      const found = await peer.connector.findPublished(peer.account, { ...first, since });
      expect(found?.externalId).toBe(item.externalId);
      // A post with other text under another key is not taken for it.
      expect(await peer.connector.findPublished(peer.account, { ...post(`${text} (anders)`), since })).toBeNull();
      expect(await peer.countPublished(text)).toBe(1);
    });

    it("publishes images with their alt text where it declares alt text", async () => {
      if (!peer.connector.capabilities.publish.altText) {
        expect(peer.connector.capabilities.publish.altText).toBe(false);
        return;
      }
      expect(peer.altTextsOf, "a connector that declares alt text needs a peer that shows it").toBeDefined();
      const png = await samplePng();
      const id = (await peer.libraryMedium?.(png, "Das neue Rathaus bei Sonnenschein")) ?? randomUUID();
      const item = await publishOn(
        peer,
        post(`Mit Bild ${Date.now()}`, {
          media: [
            {
              id,
              kind: "image",
              altText: "Das neue Rathaus bei Sonnenschein",
              mimeType: "image/png",
              fileName: "rathaus.png",
              content: async () => new Uint8Array(png),
            },
          ],
        }),
      );
      expect(await peer.altTextsOf?.(item.externalId)).toEqual(["Das neue Rathaus bei Sonnenschein"]);
    });

    it("brings citizens' replies in from its cursor without repeats or gaps, also after a restart", async () => {
      if (peer.connector.capabilities.inbound.mode !== "poll") {
        expect(peer.connector.fetchInbound).toBeUndefined();
        if (!webhookOnly(peer.connector)) return;
        // No cursor to keep: the network pushes each item once and repeats it until acknowledged. What the
        // endpoint relies on instead: a delivery is verified and parsed into a direct message with its thread,
        // the same delivery gives the same event ids (so a repeat is seen), and a changed body fails the signature.
        const text = `Wann öffnet das Bürgerbüro? ${Date.now()}`;
        const { delivery, events, item } = await deliveredItem(peer, text);
        expect(item?.kind).toBe("direct");
        expect(item?.threadExternalId).toBeTruthy();
        const webhooks = peer.connector.webhooks;
        if (!delivery || !webhooks) return;
        expect(webhooks.parse(delivery.body).map((e) => e.id)).toEqual(events.map((e) => e.id));
        const changed = Buffer.from(delivery.body.toString("utf8").replace(text, "Geändert"));
        return expect(webhooks.verify({ headers: delivery.headers, body: changed }, delivery.secret)).toBe(false);
      }
      if (!publishes(peer.connector)) {
        const start = await fetchAll(peer.connector, peer.account, null);
        const first = await citizenItem(peer, `Wann öffnet das Bürgerbüro? ${Date.now()}`, start.cursor);
        expect(first.item?.kind).toBe("direct");
        expect(first.item?.threadExternalId).toBeTruthy();
        expect(await fetchAll(peer.connector, peer.account, first.cursor)).toMatchObject({ changes: [] });
        const restarted = peer.restart?.() ?? peer.connector;
        await peer.citizenWrites?.("Und am Samstag?");
        await peer.settle?.();
        const second = await fetchAll(restarted, peer.account, first.cursor);
        return expect(second.changes.map((c) => c.message.text)).toEqual(["Und am Samstag?"]);
      }
      expect(peer.citizenReplies, "a polling connector needs a peer where others can reply").toBeDefined();
      const start = await fetchAll(peer.connector, peer.account, null);
      const item = await publishOn(peer, post(`Frage an alle ${Date.now()}`));
      await peer.citizenReplies?.(item.externalId, "Wann öffnet das Bürgerbüro?");
      await peer.settle?.();
      const first = await fetchAll(peer.connector, peer.account, start.cursor);
      const replies = first.changes.filter((c) => c.message.inReplyToExternalId === item.externalId);
      expect(replies.map((c) => c.message.text)).toEqual(["Wann öffnet das Bürgerbüro?"]);
      expect(replies[0]?.message.kind).toBe("reply");
      expect(replies[0]?.message.threadExternalId).toBe(item.externalId);
      expect(await fetchAll(peer.connector, peer.account, first.cursor)).toMatchObject({ changes: [] });
      // After a restart, the stored cursor is all that is left: the next reply arrives, the first does not again.
      const restarted = peer.restart?.() ?? peer.connector;
      await peer.citizenReplies?.(item.externalId, "Und am Samstag?");
      await peer.settle?.();
      const second = await fetchAll(restarted, peer.account, first.cursor);
      expect(second.changes.map((c) => c.message.text)).toEqual(["Und am Samstag?"]);
    });

    it("wakes up from the network's live stream where it declares streaming, and stops when told", async () => {
      const c = peer.connector;
      if (!c.capabilities.inbound.streaming) return expect(c.streamInbound).toBeUndefined();
      const item = publishes(c) ? await publishOn(peer, post(`Live ${Date.now()}`)) : null;
      const controller = new AbortController();
      let woken = 0;
      let resolveWoken: () => void = () => {};
      const wokenUp = new Promise<void>((resolve) => (resolveWoken = resolve));
      const listening = c.streamInbound?.(peer.account, () => (woken++, resolveWoken()), controller.signal);
      expect(
        peer.untilStreaming,
        "a connector that streams needs a peer that tells when the stream is open",
      ).toBeDefined();
      await peer.untilStreaming?.();
      if (item) await peer.citizenReplies?.(item.externalId, "Live dabei!");
      else await peer.citizenWrites?.("Live dabei!");
      await Promise.race([
        wokenUp,
        new Promise((_, reject) => setTimeout(() => reject(new Error("no stream event within 5 s")), 5000)),
      ]);
      expect(woken).toBeGreaterThan(0);
      controller.abort();
      await expect(listening).resolves.toBeUndefined();
    });

    it("notices citizens' items deleted on the network where it declares deletions", async () => {
      const c = peer.connector;
      if (!c.capabilities.inbound.deletions) return expect(c.findDeleted).toBeUndefined();
      expect(
        peer.citizenDeletes,
        "a connector that declares deletions needs a peer where citizens delete",
      ).toBeDefined();
      const start = await fetchAll(c, peer.account, null);
      const item = await publishOn(peer, post(`Umfrage ${Date.now()}`));
      await peer.citizenReplies?.(item.externalId, "Das nehme ich gleich wieder zurück.");
      await peer.settle?.();
      const reply = (await fetchAll(c, peer.account, start.cursor)).changes.find(
        (x) => x.message.inReplyToExternalId === item.externalId,
      );
      expect(reply).toBeDefined();
      const replyId = reply?.message.externalId ?? "";
      expect(await c.findDeleted?.(peer.account, [replyId, item.externalId])).toEqual([]);
      await peer.citizenDeletes?.(replyId);
      await peer.settle?.();
      expect(await c.findDeleted?.(peer.account, [replyId, item.externalId])).toEqual([replyId]);
    });

    answerPromises(() => peer);

    it("publishes a thread where it declares threads: each post answers the one before, in order", async () => {
      if (!peer.connector.capabilities.publish.threads) return;
      expect(peer.threadTexts, "a connector that declares threads needs a peer that shows threads").toBeDefined();
      const stamp = Date.now();
      const first = await publishOn(peer, post(`Thread ${stamp} (1/3) Die Sperrung der Brücke dauert länger.`));
      const second = await publishOn(peer, {
        ...post(`Thread ${stamp} (2/3) Umleitung über die Hafenstraße.`),
        inReplyToExternalId: first.externalId,
      });
      await publishOn(peer, {
        ...post(`Thread ${stamp} (3/3) Busse fahren wie gewohnt.`),
        inReplyToExternalId: second.externalId,
      });
      await peer.settle?.();
      const below = (await peer.threadTexts?.(first.externalId)) ?? [];
      expect(
        below.filter((t) => t.includes(`Thread ${stamp}`)).map((t) => t.slice(t.indexOf("("), t.indexOf(")") + 1)),
      ).toEqual(["(2/3)", "(3/3)"]);
      expect((await peer.threadTexts?.(second.externalId))?.some((t) => t.includes(`Thread ${stamp} (3/3)`))).toBe(
        true,
      );
    });

    it("limits who may answer where it declares reply policies, and leaves a post open to everyone otherwise", async () => {
      if (!peer.connector.capabilities.publish.replyPolicy) return;
      expect(peer.replyRulesOf, "a connector with reply policies needs a peer that shows them").toBeDefined();
      const open = await publishOn(peer, post(`Offen ${Date.now()}`));
      const mentioned = await publishOn(peer, {
        ...post(`Nur Erwähnte ${Date.now()}`),
        replyPolicy: "mentioned",
      });
      const closed = await publishOn(peer, {
        ...post(`Keine Antworten ${Date.now()}`),
        replyPolicy: "nobody",
      });
      expect(await peer.replyRulesOf?.(open.externalId)).toBeNull();
      expect(await peer.replyRulesOf?.(mentioned.externalId)).toEqual(["mention"]);
      expect(await peer.replyRulesOf?.(closed.externalId)).toEqual([]);
    });

    it("deletes its own items where it declares so", async () => {
      if (!peer.connector.capabilities.deleteOwn) return expect(peer.connector.deleteOwn).toBeUndefined();
      expect(peer.exists, "a deleting connector needs a peer that tells whether an item exists").toBeDefined();
      const item = await publishOn(peer, post(`Versehentlich ${Date.now()}`));
      expect(await peer.exists?.(item.externalId)).toBe(true);
      await peer.connector.deleteOwn?.(peer.account, item.externalId);
      await peer.settle?.();
      expect(await peer.exists?.(item.externalId)).toBe(false);
      await peer.connector.deleteOwn?.(peer.account, item.externalId); // twice is not an error
    });

    it("reads the public counters of its own items where it can, leaving out an item the network no longer has", async () => {
      if (!peer.connector.fetchCounters) return expect(peer.reactTo).toBeUndefined();
      expect(peer.reactTo, "a connector that reads counters needs a peer that reacts").toBeDefined();
      const item = await publishOn(peer, post(`Beliebt ${Date.now()}`));
      const quiet = await publishOn(peer, post(`Ruhig ${Date.now()}`));
      const gone = await publishOn(peer, post(`Gelöscht ${Date.now()}`));
      const expected = await peer.reactTo?.(item.externalId);
      await peer.connector.deleteOwn?.(peer.account, gone.externalId);
      await peer.settle?.();
      const ids = [item.externalId, quiet.externalId, gone.externalId];
      const counters = await peer.connector.fetchCounters(peer.account, ids);
      const byId = new Map(counters.map((c) => [c.externalId, c]));
      expect(byId.get(item.externalId)).toEqual({ externalId: item.externalId, ...expected });
      expect(byId.has(quiet.externalId)).toBe(true);
      if (peer.connector.deleteOwn) expect(byId.has(gone.externalId)).toBe(false);
      expect((peer.connector.countersPerCall ?? 25) > 0).toBe(true);
    });

    it("classifies a refused rate limit as rate_limited, with when to try again", async () => {
      if (!peer.exhaustRateLimit) return expect(peer.connector.capabilities.connect).toEqual([]);
      // What the account sends: a post, or on an inbox-only network an answer to a citizen.
      const citizen = publishes(peer.connector)
        ? null
        : (
            await citizenItem(
              peer,
              `Noch eine Frage ${Date.now()}`,
              (await fetchAll(peer.connector, peer.account, null)).cursor,
            )
          ).item;
      const lift = await peer.exhaustRateLimit();
      const error = await (
        citizen
          ? peer.connector.reply?.(peer.account, {
              idempotencyKey: `answer-${Date.now()}`,
              orgId: peer.account.orgId,
              threadExternalId: citizen.threadExternalId ?? "",
              inReplyToExternalId: citizen.externalId,
              text: "Zu viel",
            })
          : publishOn(peer, post(`Zu viel ${Date.now()}`))
      )?.catch((e: unknown) => e);
      await lift();
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe("rate_limited");
      expect((error as ConnectorError).retryAfterMs).toBeGreaterThan(0);
    });

    it("classifies revoked credentials as auth_expired", async () => {
      if (!peer.revokeCredentials) return expect(peer.connector.capabilities.connect).toEqual([]);
      await peer.revokeCredentials();
      const connector = peer.restart?.() ?? peer.connector;
      // What the account does on the network: publish, or on an inbox-only network read its inbox (or, where the
      // network only pushes, ask who the credentials belong to).
      const error = await (
        publishes(connector)
          ? publishOn(peer, post(`Ohne Zugang ${Date.now()}`), connector)
          : webhookOnly(connector)
            ? connector.whoAmI?.(peer.account)
            : connector.fetchInbound?.(peer.account, null)
      )?.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe("auth_expired");
    });
  });
}
