// Shared knowledge after a review and a new user's tryout: archived copies, receivers taken off the list, copies
// changed here, versions left and taken later, withdrawn items shared again, the organisation's own addresses.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knowledgeArticles, userNotifications } from "../src/db/schema/index.js";
import { type SharingScene, ausweis, sharingScenes } from "./support/sharingScene.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date("2026-12-07T09:00:00Z") });
});
afterAll(() => t.close());
const { scene, person, publishedArticle, collectionFor, share } = sharingScenes(() => t);

describe("what a review of sharing found", () => {
  async function adoptedArticle(s: SharingScene, departmentId: string | null = null) {
    const articleId = await publishedArticle(s);
    const collectionId = await collectionFor(s, [s.gemeinde, s.other]);
    const itemId = (await share(s, collectionId, { kind: "article", sourceId: articleId })).json<{ id: string }>().id;
    const itemPath = `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`;
    const adopted = await s.gemeindeAdmin.request("POST", `${itemPath}/adopt`, { departmentId });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const newVersion = async (fee: string) => {
      const current = (await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`)).json()
        .article;
      await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`, {
        ...ausweis,
        body: `${ausweis.body}\n\nGebühr: ${fee} Euro.`,
        revision: current.revision,
      });
      return share(s, collectionId, { kind: "article", sourceId: articleId });
    };
    return {
      articleId,
      collectionId,
      itemId,
      itemPath,
      copyId: adopted.json<{ targetId: string }>().targetId,
      newVersion,
    };
  }

  it("takes a newer version into a new copy when the old copy was archived, and lets an archived copy be adopted anew", async () => {
    const s = await scene();
    const { itemPath, copyId, newVersion } = await adoptedArticle(s);
    const copyPath = `/api/orgs/${s.gemeinde}/knowledge/articles/${copyId}`;
    expect((await s.gemeindeAdmin.request("POST", `${copyPath}/steps`, { step: "archive" })).statusCode).toBe(200);
    // Same version, copy archived: adopting again makes a new copy instead of "already adopted".
    const again = await s.gemeindeAdmin.request("POST", `${itemPath}/adopt`, {});
    expect(again.statusCode, again.body).toBe(200);
    const secondCopy = again.json<{ targetId: string }>().targetId;
    expect(secondCopy).not.toBe(copyId);
    expect(
      (
        await s.gemeindeAdmin.request("POST", `/api/orgs/${s.gemeinde}/knowledge/articles/${secondCopy}/steps`, {
          step: "archive",
        })
      ).statusCode,
    ).toBe(200);
    await newVersion("40");
    const taken = await s.gemeindeAdmin.request("POST", `${itemPath}/adopt`, {});
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().targetId).not.toBe(secondCopy);
    // The archived copies were not written into.
    const [archived] = await t.ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, copyId));
    expect(archived).toMatchObject({ status: "archived", version: 1 });
  });

  it("tells only organisations the collection still reaches, and clears the notice once the version is taken", async () => {
    const s = await scene();
    const { collectionId, itemId, itemPath, newVersion } = await adoptedArticle(s);
    const otherAdopted = await s.otherPress.request(
      "POST",
      `/api/orgs/${s.other}/knowledge/shared-items/${itemId}/adopt`,
      {},
    );
    expect(otherAdopted.statusCode, otherAdopted.body).toBe(200);
    await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}`, {
      title: "Bürgerservice im Kreis",
      audience: "chosen",
      receiverOrgIds: [s.gemeinde],
    });
    await newVersion("41");
    const notices = await t.ctx.db.select().from(userNotifications).where(eq(userNotifications.sharedItemId, itemId));
    expect(notices.map((n) => n.orgId)).toEqual([s.gemeinde]);
    expect((await s.gemeindeAdmin.request("POST", `${itemPath}/adopt`, {})).statusCode).toBe(200);
    const [notice] = await t.ctx.db.select().from(userNotifications).where(eq(userNotifications.sharedItemId, itemId));
    expect(notice?.readAt).not.toBeNull();
  });

  it("warns when the copy was changed here, and offers a left version again; only to those who may change the copy", async () => {
    const s = await scene();
    const { itemPath, copyId, newVersion } = await adoptedArticle(s, s.bauamt);
    const copyPath = `/api/orgs/${s.gemeinde}/knowledge/articles/${copyId}`;
    const copy = (await s.gemeindeAdmin.request("GET", copyPath)).json().article;
    await s.gemeindeAdmin.request("PUT", copyPath, {
      ...ausweis,
      departmentId: s.bauamt,
      body: `${ausweis.body}\n\nIn Beispielhausen auch samstags.`,
      revision: copy.revision,
    });
    await newVersion("42");
    const offered = (await s.gemeindeAdmin.request("GET", itemPath)).json();
    expect(offered).toMatchObject({ copyChanged: true, mayChangeCopy: true, item: { updateAvailable: true } });
    // Limited to the Bürgerbüro, the copy is the Bauamt's: told, not offered buttons that fail.
    expect((await s.gemeindeEditor.request("GET", itemPath)).json().mayChangeCopy).toBe(false);
    expect((await s.gemeindeEditor.request("POST", `${itemPath}/decline`)).statusCode).toBe(403);
    expect((await s.gemeindeEditor.request("POST", `${itemPath}/adopt`, {})).statusCode).toBe(403);
    expect((await s.gemeindeAdmin.request("POST", `${itemPath}/decline`)).statusCode).toBe(200);
    const left = (await s.gemeindeAdmin.request("GET", itemPath)).json();
    expect(left.item.updateAvailable).toBe(false);
    expect(left.changes).toMatchObject({ from: 1, to: 2 });
    expect((await s.gemeindeAdmin.request("POST", `${itemPath}/adopt`, {})).statusCode).toBe(200);
  });

  it("shares a withdrawn, unchanged item again without a new version, and confirms overridden text without asking again", async () => {
    const s = await scene();
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const withPhone = await publishedArticle(s, { ...ausweis, title: "Rückfragen", body: "Telefon 05121 309-0." });
    const reason = "Telefonzentrale des Kreises, keine Bürgerdaten";
    const first = await share(s, collectionId, { kind: "article", sourceId: withPhone, personalDataOverride: reason });
    expect(first.statusCode, first.body).toBe(200);
    const itemId = first.json<{ id: string }>().id;
    const confirmed = await share(s, collectionId, { kind: "article", sourceId: withPhone });
    expect(confirmed.json()).toMatchObject({ version: 1, changed: false });
    await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/knowledge/shared-items/${itemId}/withdraw`);
    expect(
      (await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`)).statusCode,
    ).toBe(404);
    const again = await share(s, collectionId, { kind: "article", sourceId: withPhone });
    expect(again.json()).toMatchObject({ id: itemId, version: 1, changed: false });
    expect(
      (await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`)).statusCode,
    ).toBe(200);
  });

  it("takes the organisation's own addresses (its website's domain) for the office's, not a citizen's", async () => {
    const s = await scene();
    const settings = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/website/settings`);
    const admin = await person(s.kreis, ["administrator"]);
    const saved = await admin.request("PUT", `/api/orgs/${s.kreis}/website/settings`, {
      ...settings.json().settings,
      impressumUrl: "https://www.landkreis-musterland.de/impressum",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const article = await publishedArticle(s, {
      ...ausweis,
      title: "Kontakt",
      body: "Schreiben Sie an buergerbuero@landkreis-musterland.de, nicht an erika@web.de. IBAN DE89 3704 0044 0532 0130 00.",
    });
    const refused = await share(s, collectionId, { kind: "article", sourceId: article });
    expect(refused.json().error.details.findings).toEqual([{ kind: "email", text: "erika@web.de" }]);
  });
});
