// Sharing knowledge between two draht installations (#20 item 4): the Landkreis's installation publishes a
// collection as a signed feed, a Gemeinde on another installation (its own database, its own server on
// another loopback port) subscribes by address and fingerprint, reviews and adopts items, and takes a newer
// version. Feeds that are tampered with, signed by another key, unsigned, oversized, malformed or older than
// the one taken are refused with their reason, and the last good version stays.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshDueFeeds } from "../src/app/feeds/refresh-feed.js";
import { auditEvents, knowledgeArticles, knowledgeFeedSubscriptions, replyTemplates } from "../src/db/schema/index.js";
import { feedInstallations } from "./support/feedInstallations.js";
import { ausweis } from "./support/sharingScene.js";

const installs = feedInstallations("feeds");
const { scenes, gemeinde, publishedFeed, subscribe, feedOf, itemIdOf, forge } = installs;

describe("a collection published as a signed feed", () => {
  it("is served signed, with an ETag that answers 304 while nothing changes, and 410 once stopped", async () => {
    const s = await scenes.scene();
    const feed = await publishedFeed(s);
    expect(feed.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    const first = await fetch(feed.url);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const document = (await first.json()) as {
      payload: { revision: number; publisher: { name: string }; items: { title: string }[] };
      signature: { algorithm: string };
    };
    expect(document.signature.algorithm).toBe("Ed25519");
    expect(document.payload.revision).toBe(1);
    expect(document.payload.publisher.name).toBe("Landkreis Musterland");
    expect(document.payload.items.map((i) => i.title).sort()).toEqual(["Kita-Anmeldung", ausweis.title]);

    const again = await fetch(feed.url, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);

    // A change makes the next revision (and a new ETag).
    const renamed = await s.kreisPress.request(
      "PUT",
      `/api/orgs/${s.kreis}/knowledge/collections/${feed.collectionId}`,
      {
        title: "Bürgerservice",
        audience: "all",
      },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const changed = await fetch(feed.url, { headers: { "if-none-match": etag ?? "" } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as { payload: { revision: number } }).payload.revision).toBe(2);

    const stopped = await s.kreisPress.request(
      "DELETE",
      `/api/orgs/${s.kreis}/knowledge/collections/${feed.collectionId}/feed`,
    );
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((await fetch(feed.url)).status).toBe(410);
    // Published again: the same address.
    const republished = await s.kreisPress.request(
      "PUT",
      `/api/orgs/${s.kreis}/knowledge/collections/${feed.collectionId}/feed`,
    );
    expect(new URL(republished.json<{ url: string }>().url).pathname).toBe(feed.path);
    expect((await fetch(feed.url)).status).toBe(200);
    // An address nobody was given is not found.
    expect((await fetch(`${installs.kreisBase}/api/public/knowledge-feeds/${"x".repeat(32)}`)).status).toBe(404);
  });

  it("is published and stopped only by people who may share, and audited", async () => {
    const s = await scenes.scene();
    const collectionId = await scenes.collectionFor(s, "all");
    const editorTry = await s.kreisEditor.request(
      "PUT",
      `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/feed`,
    );
    expect(editorTry.statusCode).toBe(403);
    // Another organisation cannot publish the Landkreis's collection.
    const otherTry = await s.otherPress.request(
      "PUT",
      `/api/orgs/${s.other}/knowledge/collections/${collectionId}/feed`,
    );
    expect(otherTry.statusCode).toBe(404);
    await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/feed`);
    await s.kreisPress.request("DELETE", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/feed`);
    const actions = await scenes.auditActions(s.kreis);
    expect(actions).toContain("knowledge_collection.feed_published");
    expect(actions).toContain("knowledge_collection.feed_stopped");
    const detail = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}`);
    expect(
      detail.json<{ collection: { feed: { stoppedAt: string | null } } }>().collection.feed.stoppedAt,
    ).not.toBeNull();
  });
});

describe("another installation subscribing to the feed", () => {
  it("subscribes after comparing the fingerprint, reviews, adopts, and takes a newer version with its diff", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const feed = await publishedFeed(s);

    // A fingerprint that is not the Landkreis's key: refused, nothing kept.
    const wrongKey = await subscribe(g, feed.url, "AB".repeat(32));
    expect(wrongKey.statusCode).toBe(422);
    expect(wrongKey.json()).toMatchObject({
      error: { code: "DRAHT_ERR_FEED_REFUSED", details: { problem: "wrong_key" } },
    });
    // Typed as people do: lower case, without spaces.
    const created = await subscribe(g, feed.url, feed.fingerprint.replace(/ /g, "").toLowerCase());
    expect(created.statusCode, created.body).toBe(201);
    const feedId = created.json<{ id: string }>().id;
    expect((await subscribe(g, feed.url, feed.fingerprint)).statusCode).toBe(409);

    const detail = await feedOf(g, feedId);
    expect(detail.feed).toMatchObject({
      publisherName: "Landkreis Musterland",
      title: "Bürgerservice im Kreis",
      revision: 1,
      problem: null,
    });
    const article = detail.items.find((i) => i.kind === "article");
    const template = detail.items.find((i) => i.kind === "template");
    expect(article?.title).toBe(ausweis.title);
    if (!article || !template) throw new Error("items missing");

    // Read for review: nothing is adopted until someone adopts it.
    const review = await g.viewer.request("GET", `/api/orgs/${g.org}/knowledge/feed-items/${article.id}`);
    expect(review.statusCode).toBe(200);
    expect(review.json<{ item: { body: string; adoption: unknown } }>().item).toMatchObject({
      body: ausweis.body,
      adoption: null,
    });
    expect(
      await installs.gemeindeApp.ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.orgId, g.org)),
    ).toHaveLength(0);
    // A viewer may read but not adopt; the editor adopts into the department they edit.
    expect(
      (await g.viewer.request("POST", `/api/orgs/${g.org}/knowledge/feed-items/${article.id}/adopt`, {})).statusCode,
    ).toBe(403);
    const adopted = await g.editor.request("POST", `/api/orgs/${g.org}/knowledge/feed-items/${article.id}/adopt`, {
      departmentId: g.buergerbuero,
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const copyId = adopted.json<{ targetId: string }>().targetId;
    const copy = await g.editor.request("GET", `/api/orgs/${g.org}/knowledge/articles/${copyId}`);
    expect(copy.json<{ versions: { note: string }[] }>().versions[0]?.note).toBe(
      "Übernommen von Landkreis Musterland per Feed (geteilte Fassung 1)",
    );
    expect(copy.json()).toMatchObject({
      article: { title: ausweis.title, status: "draft" },
      origin: { via: "feed", itemId: article.id, publisherName: "Landkreis Musterland", adoptedVersion: 1 },
    });
    const tpl = await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feed-items/${template.id}/adopt`, {});
    expect(tpl.statusCode, tpl.body).toBe(200);
    const templates = await installs.gemeindeApp.ctx.db
      .select()
      .from(replyTemplates)
      .where(eq(replyTemplates.orgId, g.org));
    expect(templates.map((t) => t.title)).toEqual(["Kita-Anmeldung"]);

    // Nothing changed: the worker's fetch is answered 304.
    await installs.gemeindeApp.ctx.db
      .update(knowledgeFeedSubscriptions)
      .set({ nextCheckAt: new Date(0) })
      .where(eq(knowledgeFeedSubscriptions.id, feedId));
    expect(await refreshDueFeeds(installs.gemeindeApp.ctx)).toBeGreaterThanOrEqual(1);
    expect((await feedOf(g, feedId)).feed.revision).toBe(1);

    // The Landkreis changes the article and shares it anew: revision 2, version 2 of the item.
    const current = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/articles/${feed.articleId}`);
    const revision = current.json<{ article: { revision: number } }>().article.revision;
    const edited = await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/articles/${feed.articleId}`, {
      ...ausweis,
      body: `${ausweis.body}\n\nDie Gebühr beträgt 37 Euro.`,
      revision,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const reshared = await scenes.share(s, feed.collectionId, { kind: "article", sourceId: feed.articleId });
    expect(reshared.json()).toMatchObject({ version: 2, changed: true });

    const fetched = await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`);
    expect(fetched.json()).toMatchObject({ outcome: "updated", revision: 2, problem: null });
    const updated = await feedOf(g, feedId);
    expect(updated.items.find((i) => i.id === article.id)).toMatchObject({ version: 2, updateAvailable: true });
    const withDiff = await g.editor.request("GET", `/api/orgs/${g.org}/knowledge/feed-items/${article.id}`);
    const diff = withDiff.json<{
      changes: { from: number; to: number; body: { kind: string; text: string }[] };
      mayChangeCopy: boolean;
    }>();
    expect(diff.changes).toMatchObject({ from: 1, to: 2 });
    expect(
      diff.changes.body
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("37 Euro");
    expect(diff.mayChangeCopy).toBe(true);
    const taken = await g.editor.request("POST", `/api/orgs/${g.org}/knowledge/feed-items/${article.id}/adopt`, {});
    expect(taken.json()).toMatchObject({ targetId: copyId, version: 2 });
    const [copyNow] = await installs.gemeindeApp.ctx.db
      .select()
      .from(knowledgeArticles)
      .where(eq(knowledgeArticles.id, copyId));
    expect(copyNow?.body).toContain("37 Euro");

    // Taken out of the collection: the item is marked, the copy stays.
    const withdrawn = await s.kreisPress.request(
      "POST",
      `/api/orgs/${s.kreis}/knowledge/shared-items/${await itemIdOf(s, feed.collectionId, "template")}/withdraw`,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`);
    expect((await feedOf(g, feedId)).items.find((i) => i.id === template.id)?.withdrawnAt).not.toBeNull();
    expect(
      await installs.gemeindeApp.ctx.db.select().from(replyTemplates).where(eq(replyTemplates.orgId, g.org)),
    ).toHaveLength(1);

    const actions = (
      await installs.gemeindeApp.ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, g.org))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["knowledge_feed.subscribed", "feed_item.adopted"]));
  });

  it("refuses tampered, foreign-signed, unsigned, oversized, malformed and rolled-back feeds and keeps the last good version", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const feed = await publishedFeed(s);
    const genuine = await (await fetch(feed.url)).text();
    // Subscribed through the forger's address, which serves the genuine feed at first.
    forge({ status: 200, body: genuine });
    const created = await subscribe(g, `${installs.forgerBase}/feed.json`, feed.fingerprint);
    expect(created.statusCode, created.body).toBe(201);
    const feedId = created.json<{ id: string }>().id;
    const before = await feedOf(g, feedId);

    const refusedWith = async (body: string | Buffer, headers?: Record<string, string>) => {
      forge({ status: 200, body, headers });
      const response = await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`);
      expect(response.statusCode, response.body).toBe(200);
      const outcome = response.json<{ outcome: string; problem: string | null }>();
      expect(outcome.outcome).toBe("refused");
      // The last good version stays in use.
      const after = await feedOf(g, feedId);
      expect(after.items.map((i) => [i.title, i.version])).toEqual(before.items.map((i) => [i.title, i.version]));
      expect(after.feed.problem).toBe(outcome.problem);
      return outcome.problem;
    };

    const document = JSON.parse(genuine) as {
      payload: { items: { body: string }[]; revision: number };
      signature: { value: string };
    };
    const tampered = structuredClone(document);
    tampered.payload.items[0]!.body = "Bitte überweisen Sie 500 Euro an folgendes Konto.";
    expect(await refusedWith(JSON.stringify(tampered))).toBe("bad_signature");

    // Signed by another installation's key (a well-formed feed, another fingerprint).
    const other = await scenes.scene();
    const otherFeed = await publishedFeed(other);
    expect(await refusedWith(await (await fetch(otherFeed.url)).text())).toBe("wrong_key");

    // Another collection of the same Landkreis (the same key), at a higher revision: not this feed.
    const sibling = await publishedFeed(s);
    for (const title of ["Zweite Sammlung", "Zweite Sammlung (neu)"]) {
      await fetch(sibling.url);
      const renamed = await s.kreisPress.request(
        "PUT",
        `/api/orgs/${s.kreis}/knowledge/collections/${sibling.collectionId}`,
        {
          title,
          audience: "all",
        },
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
    }
    const siblingDocument = await (await fetch(sibling.url)).text();
    expect((JSON.parse(siblingDocument) as { payload: { revision: number } }).payload.revision).toBe(3);
    expect(await refusedWith(siblingDocument)).toBe("wrong_collection");

    const unsigned = { payload: document.payload };
    expect(await refusedWith(JSON.stringify(unsigned))).toBe("unsigned");
    expect(await refusedWith("<html>not a feed</html>")).toBe("not_json");
    expect(await refusedWith(JSON.stringify({ something: "else" }))).toBe("malformed");
    expect(await refusedWith(Buffer.alloc(5 * 1024 * 1024, 0x20))).toBe("too_large");
    forge({ status: 500, body: "" });
    expect((await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`)).json()).toMatchObject({
      outcome: "refused",
      problem: "http_status",
    });

    // A newer genuine revision is taken; the older genuine document replayed afterwards is refused.
    await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/collections/${feed.collectionId}`, {
      title: "Bürgerservice im Kreis (neu)",
      audience: "all",
    });
    forge({ status: 200, body: await (await fetch(feed.url)).text() });
    const newer = await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`);
    expect(newer.json()).toMatchObject({ outcome: "updated", revision: 2 });
    expect((await feedOf(g, feedId)).feed).toMatchObject({ title: "Bürgerservice im Kreis (neu)", problem: null });
    expect(await refusedWith(genuine)).toBe("older_revision");
  });

  it("refuses to subscribe to a feed that does not verify, and to an address the installation may not reach", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const feed = await publishedFeed(s);
    forge({ status: 200, body: "{}" });
    const malformed = await subscribe(g, `${installs.forgerBase}/broken.json`, feed.fingerprint);
    expect(malformed.json()).toMatchObject({
      error: { code: "DRAHT_ERR_FEED_REFUSED", details: { problem: "malformed" } },
    });
    // The Landkreis's installation does not trust loopback: it refuses to fetch from there.
    const k = await scenes.person(s.kreis, ["press_office"]);
    const blocked = await k.request("POST", `/api/orgs/${s.kreis}/knowledge/feeds`, {
      url: `${installs.forgerBase}/feed.json`,
      fingerprint: feed.fingerprint,
    });
    expect(blocked.json()).toMatchObject({
      error: { code: "DRAHT_ERR_FEED_REFUSED", details: { problem: "unreachable" } },
    });
    const badFingerprint = await subscribe(g, feed.url, "not a fingerprint");
    expect(badFingerprint.statusCode).toBe(400);
    expect(
      await installs.gemeindeApp.ctx.db
        .select()
        .from(knowledgeFeedSubscriptions)
        .where(eq(knowledgeFeedSubscriptions.orgId, g.org)),
    ).toHaveLength(0);
  });

  it("ends a subscription: no longer listed or fetched; the adopted copy keeps its origin", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const feed = await publishedFeed(s);
    const feedId = (await subscribe(g, feed.url, feed.fingerprint)).json<{ id: string }>().id;
    expect((await g.editor.request("DELETE", `/api/orgs/${g.org}/knowledge/feeds/${feedId}`)).statusCode).toBe(403);
    expect((await g.press.request("DELETE", `/api/orgs/${g.org}/knowledge/feeds/${feedId}`)).statusCode).toBe(200);
    const list = await g.press.request("GET", `/api/orgs/${g.org}/knowledge/feeds`);
    expect(list.json<{ feeds: unknown[] }>().feeds).toHaveLength(0);
    expect((await g.press.request("GET", `/api/orgs/${g.org}/knowledge/feeds/${feedId}`)).statusCode).toBe(404);
    // Subscribing again is allowed after ending.
    expect((await subscribe(g, feed.url, feed.fingerprint)).statusCode).toBe(201);
  });
});
