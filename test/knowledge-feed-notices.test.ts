// Notifications about feeds of another installation (#20 item 4): whoever adopted a feed item is told once of each
// newer version a fetch brings (not of a fetch that brings nothing new) and the notice is done with once they take
// or leave it; whoever subscribed is told once when fetching starts being refused, not on every retry, and again
// after the feed recovered and fails anew. People no longer members of the organisation are told nothing.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshDueFeeds } from "../src/app/feeds/refresh-feed.js";
import { knowledgeFeedSubscriptions, memberships, userNotifications } from "../src/db/schema/index.js";
import { type Gemeinde, feedInstallations } from "./support/feedInstallations.js";
import { type SharingScene, ausweis } from "./support/sharingScene.js";

const installs = feedInstallations("feed_notices");
const { scenes, gemeinde, publishedFeed, subscribe, feedOf, forge } = installs;

type Notice = {
  kind: string;
  actorLabel: string;
  feed: { id: string; title: string; itemId: string | null; problem: string | null } | null;
};

/** A person's notices of one kind, read or not, oldest first. */
async function noticesOf(userId: string, kind: "feed_item_changed" | "feed_refused") {
  const rows = await installs.gemeindeApp.ctx.db
    .select()
    .from(userNotifications)
    .where(and(eq(userNotifications.userId, userId), eq(userNotifications.kind, kind)));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

async function unreadListed(g: Gemeinde, person: Gemeinde["press"]): Promise<Notice[]> {
  const response = await person.request("GET", `/api/orgs/${g.org}/inbox/notifications`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ notifications: Notice[] }>().notifications;
}

/** The Gemeinde subscribed to the Landkreis's feed and its editor adopted the article. */
async function adoptedFromFeed(s: SharingScene, g: Gemeinde) {
  const feed = await publishedFeed(s);
  const created = await subscribe(g, feed.url, feed.fingerprint);
  expect(created.statusCode, created.body).toBe(201);
  const feedId = created.json<{ id: string }>().id;
  const article = (await feedOf(g, feedId)).items.find((i) => i.kind === "article");
  if (!article) throw new Error("no article in the feed");
  const itemPath = `/api/orgs/${g.org}/knowledge/feed-items/${article.id}`;
  const adopted = await g.editor.request("POST", `${itemPath}/adopt`, { departmentId: g.buergerbuero });
  expect(adopted.statusCode, adopted.body).toBe(200);
  /** The Landkreis changes the article and shares it anew: the next version of the item. */
  const newVersion = async (fee: string) => {
    const path = `/api/orgs/${s.kreis}/knowledge/articles/${feed.articleId}`;
    const revision = (await s.kreisPress.request("GET", path)).json<{ article: { revision: number } }>().article
      .revision;
    const edited = await s.kreisPress.request("PUT", path, {
      ...ausweis,
      body: `${ausweis.body} ${fee} Euro.`,
      revision,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const shared = await scenes.share(s, feed.collectionId, { kind: "article", sourceId: feed.articleId });
    expect(shared.json()).toMatchObject({ changed: true });
  };
  const fetchNow = async () => {
    const response = await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ outcome: string; problem: string | null }>();
  };
  return { feed, feedId, itemId: article.id, itemPath, newVersion, fetchNow };
}

describe("notices about a newer version of an adopted feed item", () => {
  it("tell the adopter once per version, not on a fetch that brings nothing new, and are read once taken or left", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const { feedId, itemId, itemPath, newVersion, fetchNow } = await adoptedFromFeed(s, g);

    expect(await fetchNow()).toMatchObject({ outcome: "unchanged" });
    expect(await noticesOf(g.editor.userId, "feed_item_changed")).toHaveLength(0);

    await newVersion("37");
    expect(await fetchNow()).toMatchObject({ outcome: "updated" });
    // The same revision again: answered 304, and once more in full (without the ETag) — nobody is told twice.
    expect(await fetchNow()).toMatchObject({ outcome: "unchanged" });
    await installs.gemeindeApp.ctx.db
      .update(knowledgeFeedSubscriptions)
      .set({ etag: null })
      .where(eq(knowledgeFeedSubscriptions.id, feedId));
    expect(await fetchNow()).toMatchObject({ outcome: "unchanged" });
    const notices = await noticesOf(g.editor.userId, "feed_item_changed");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ orgId: g.org, feedItemId: itemId, actorLabel: "Landkreis Musterland" });
    // Only the adopter is told.
    expect(await noticesOf(g.press.userId, "feed_item_changed")).toHaveLength(0);
    expect(await unreadListed(g, g.editor)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "feed_item_changed",
          actorLabel: "Landkreis Musterland",
          feed: { id: feedId, title: "Bürgerservice im Kreis", itemId, problem: null },
        }),
      ]),
    );

    expect((await g.editor.request("POST", `${itemPath}/adopt`, {})).statusCode).toBe(200);
    expect((await noticesOf(g.editor.userId, "feed_item_changed"))[0]?.readAt).not.toBeNull();
    expect((await unreadListed(g, g.editor)).filter((n) => n.kind === "feed_item_changed")).toHaveLength(0);

    // The next version is told anew; leaving it reads the notice too.
    await newVersion("38");
    expect(await fetchNow()).toMatchObject({ outcome: "updated" });
    const again = await noticesOf(g.editor.userId, "feed_item_changed");
    expect(again).toHaveLength(2);
    expect(again[1]?.readAt).toBeNull();
    expect((await g.editor.request("POST", `${itemPath}/decline`)).statusCode).toBe(200);
    expect((await noticesOf(g.editor.userId, "feed_item_changed")).every((n) => n.readAt !== null)).toBe(true);
  });
});

describe("notices about a refused feed", () => {
  it("tell the subscriber once while the refusals last, and again after a good fetch and a new refusal", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const feed = await publishedFeed(s);
    const genuine = await (await fetch(feed.url)).text();
    forge({ status: 200, body: genuine });
    const created = await subscribe(g, `${installs.forgerBase}/feed.json`, feed.fingerprint);
    expect(created.statusCode, created.body).toBe(201);
    const feedId = created.json<{ id: string }>().id;
    const fetchNow = async () =>
      (await g.press.request("POST", `/api/orgs/${g.org}/knowledge/feeds/${feedId}/fetch`)).json<{
        outcome: string;
        problem: string | null;
      }>();

    forge({ status: 500, body: "" });
    expect(await fetchNow()).toMatchObject({ outcome: "refused", problem: "http_status" });
    // The worker's retry, refused for another reason: the same trouble, not told again.
    forge({ status: 200, body: "<html>not a feed</html>" });
    await installs.gemeindeApp.ctx.db
      .update(knowledgeFeedSubscriptions)
      .set({ nextCheckAt: new Date(0) })
      .where(eq(knowledgeFeedSubscriptions.id, feedId));
    expect(await refreshDueFeeds(installs.gemeindeApp.ctx)).toBeGreaterThanOrEqual(1);
    expect((await feedOf(g, feedId)).feed.problem).toBe("not_json");
    const first = await noticesOf(g.press.userId, "feed_refused");
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ orgId: g.org, feedSubscriptionId: feedId, feedProblem: "http_status" });
    // Only the subscriber is told.
    expect(await noticesOf(g.editor.userId, "feed_refused")).toHaveLength(0);

    forge({ status: 200, body: genuine });
    expect(await fetchNow()).toMatchObject({ outcome: "unchanged", problem: null });
    expect(await noticesOf(g.press.userId, "feed_refused")).toHaveLength(1);
    // The Landkreis stops its feed: a new refusal, told anew.
    forge({ status: 410, body: "" });
    expect(await fetchNow()).toMatchObject({ outcome: "refused", problem: "withdrawn" });
    expect(await fetchNow()).toMatchObject({ outcome: "refused", problem: "withdrawn" });
    const notices = await noticesOf(g.press.userId, "feed_refused");
    expect(notices.map((n) => n.feedProblem)).toEqual(["http_status", "withdrawn"]);
    const listed = (await unreadListed(g, g.press)).filter((n) => n.kind === "feed_refused");
    expect(listed.map((n) => n.feed)).toEqual([
      { id: feedId, title: "Bürgerservice im Kreis", itemId: null, problem: "withdrawn" },
      { id: feedId, title: "Bürgerservice im Kreis", itemId: null, problem: "http_status" },
    ]);

    // An ended subscription's notices are no longer shown.
    expect((await g.press.request("DELETE", `/api/orgs/${g.org}/knowledge/feeds/${feedId}`)).statusCode).toBe(200);
    expect((await unreadListed(g, g.press)).filter((n) => n.kind === "feed_refused")).toHaveLength(0);
  });
});

describe("people no longer members of the organisation", () => {
  it("are not told of a newer version they adopted or of a feed they subscribed being refused", async () => {
    const s = await scenes.scene();
    const g = await gemeinde();
    const { feed, feedId, newVersion } = await adoptedFromFeed(s, g);
    for (const person of [g.editor, g.press])
      await installs.gemeindeApp.ctx.db
        .update(memberships)
        .set({ disabledAt: new Date() })
        .where(and(eq(memberships.orgId, g.org), eq(memberships.userId, person.userId)));
    /** The worker's round, the subscription made due first. */
    const fetchedByWorker = async () => {
      const db = installs.gemeindeApp.ctx.db;
      await db
        .update(knowledgeFeedSubscriptions)
        .set({ nextCheckAt: new Date(0) })
        .where(eq(knowledgeFeedSubscriptions.id, feedId));
      await refreshDueFeeds(installs.gemeindeApp.ctx);
      const [row] = await db.select().from(knowledgeFeedSubscriptions).where(eq(knowledgeFeedSubscriptions.id, feedId));
      return row;
    };

    await newVersion("39");
    expect((await fetchedByWorker())?.revision).toBe(2);
    expect(await noticesOf(g.editor.userId, "feed_item_changed")).toHaveLength(0);

    const stopped = await s.kreisPress.request(
      "DELETE",
      `/api/orgs/${s.kreis}/knowledge/collections/${feed.collectionId}/feed`,
    );
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((await fetchedByWorker())?.problem).toBe("withdrawn");
    expect(await noticesOf(g.press.userId, "feed_refused")).toHaveLength(0);
  });
});
