// The one search on the real database: German stems, umlauts folded, a typing error forgiven; every kind found
// with its passage marked «»; only what the person may see; messages indexed off the ingestion path (the
// newest found before the job reaches them), hidden, deleted and changed messages following the index.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignConversations } from "../src/app/inbox/assign-conversations.js";
import { saveReplyTemplate } from "../src/app/inbox/reply-templates.js";
import { createPost } from "../src/app/posts/create-post.js";
import { indexMessages } from "../src/app/search/index-messages.js";
import { rowsOf } from "../src/db/queries/rows.js";
import { inboundMessages, messageSearch, users } from "../src/db/schema/index.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { ingestDirect } from "./support/inbox.js";
import { buildModerationCase } from "./support/moderation.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date() });
});
afterAll(() => t.close());

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
}

async function scene() {
  const org = await buildOrg(t.ctx);
  const buergeramt = (await buildDepartment(t.ctx, org.id, { name: "Bürgeramt" })).id;
  const jugendamt = (await buildDepartment(t.ctx, org.id, { name: "Jugendamt" })).id;
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const limited = await buildMember(t.ctx, org.id, { roles: ["editor"], departmentIds: [jugendamt] });
  const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox", name: "Stadtverwaltung Sandkasten" });
  const message = async (text: string, departmentId: string) => {
    const stored = await ingestDirect(t.ctx, org.id, {
      channelAccountId: account.id,
      authorHandle: `@buerger${Math.random()}`,
      authorName: "Erika Mustermann",
      text,
    });
    const input = { conversationIds: [stored.conversationId], departmentId };
    await assignConversations(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input });
    return stored;
  };
  return {
    orgId: org.id,
    buergeramt,
    jugendamt,
    admin: Object.assign(await signIn(t.app, admin.email, admin.password), { actor: admin.actor }),
    limited: await signIn(t.app, limited.email, limited.password),
    accountId: account.id,
    message,
  };
}

async function search(who: SignedIn, orgId: string, q: string, kinds?: string): Promise<Hit[]> {
  const query = new URLSearchParams({ q, ...(kinds ? { kinds } : {}) });
  const response = await who.request("GET", `/api/orgs/${orgId}/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ hits: Hit[] }>().hits;
}

describe("the one search", () => {
  it("finds conversations by German stems with umlauts folded, marking the words, only for who may see them", async () => {
    const s = await scene();
    const pass = await s.message("Ich brauche schnell einen Termin beim Bürgeramt für meinen Reisepass.", s.buergeramt);
    const kita = await s.message("Wann öffnen die Kitas nach den Ferien wieder?", s.jugendamt);
    await indexMessages(t.ctx);

    const umlaut = await search(s.admin, s.orgId, "Burgeramt", "conversations");
    expect(umlaut.map((h) => h.id)).toEqual([pass.conversationId]);
    expect(umlaut[0]?.snippet).toContain("«Bürgeramt»");
    expect(umlaut[0]?.title).toBe("Erika Mustermann");
    // Another form of the same word: "Termine" for "Termin"; "offnen" without its umlaut.
    expect((await search(s.admin, s.orgId, "Termine")).map((h) => h.id)).toContain(pass.conversationId);
    expect((await search(s.admin, s.orgId, "Kitas offnen")).map((h) => h.id)).toContain(kita.conversationId);

    // Someone of the Jugendamt finds the Kita question, never the Bürgeramt's conversation.
    expect((await search(s.limited, s.orgId, "Kitas")).map((h) => h.id)).toContain(kita.conversationId);
    expect(await search(s.limited, s.orgId, "Bürgeramt Reisepass")).toEqual([]);
  });

  it("finds the newest messages before the index job reaches them", async () => {
    const s = await scene();
    await indexMessages(t.ctx);
    const fresh = await s.message("Der Sperrmüll in der Lindenstraße wurde nicht abgeholt.", s.buergeramt);
    const before = await t.ctx.db.select().from(messageSearch).where(eq(messageSearch.messageId, fresh.id));
    expect(before).toEqual([]);
    expect((await search(s.admin, s.orgId, "Sperrmull")).map((h) => h.id)).toEqual([fresh.conversationId]);
    await indexMessages(t.ctx);
    expect((await search(s.admin, s.orgId, "Sperrmüll")).map((h) => h.id)).toEqual([fresh.conversationId]);
    // The watermark is the newest message's time to the microsecond, not rounded to a millisecond before it
    // (which would leave that millisecond's messages to be read again by every search).
    const [mark] = rowsOf<{ same: boolean }>(
      await t.ctx.db.execute(sql`select (select indexed_until from search_index_watermarks where name = 'messages')
                                      = (select max(created_at) from inbound_messages) as same`),
    );
    expect(mark?.same).toBe(true);
  });

  it("drops hidden and deleted messages and follows a changed text", async () => {
    const s = await scene();
    const hidden = await s.message("Die Straßenlaterne am Marktplatz flackert.", s.buergeramt);
    const deleted = await s.message("Wer mäht den Rasen im Stadtpark?", s.buergeramt);
    const changed = await s.message("Mein Fahrrad wurde abgeschleppt.", s.buergeramt);
    await indexMessages(t.ctx);
    expect(await search(s.admin, s.orgId, "Straßenlaterne")).toHaveLength(1);

    await t.ctx.db.update(inboundMessages).set({ visibility: "hidden" }).where(eq(inboundMessages.id, hidden.id));
    await t.ctx.db.update(inboundMessages).set({ visibility: "deleted" }).where(eq(inboundMessages.id, deleted.id));
    await t.ctx.db
      .update(inboundMessages)
      .set({ text: "Mein Auto wurde abgeschleppt." })
      .where(eq(inboundMessages.id, changed.id));
    expect(await search(s.admin, s.orgId, "Straßenlaterne")).toEqual([]);
    expect(await search(s.admin, s.orgId, "Rasen Stadtpark")).toEqual([]);
    expect(await search(s.admin, s.orgId, "Fahrrad")).toEqual([]);
    expect((await search(s.admin, s.orgId, "Auto")).map((h) => h.id)).toEqual([changed.conversationId]);
    // The job does not bring them back.
    await indexMessages(t.ctx);
    expect(await search(s.admin, s.orgId, "Straßenlaterne")).toEqual([]);
    expect(await search(s.admin, s.orgId, "Stadtpark")).toEqual([]);
  });

  it("finds posts, articles, Textbausteine, moderation cases, colleagues and channels, forgiving a typing error", async () => {
    const s = await scene();
    const orgId = s.orgId;
    const actor = systemAdminOf(orgId);
    const post = await createPost(t.ctx, {
      actor: s.admin.actor,
      orgId,
      input: {
        title: "Stadtfest",
        body: "Das Stadtfest beginnt am Samstag mit einem Umzug.",
        departmentId: s.buergeramt,
      },
    });
    const article = await s.admin.request("POST", `/api/orgs/${orgId}/knowledge/articles`, {
      title: "Personalausweis beantragen",
      body: "Sie brauchen einen Termin im Bürgeramt und ein biometrisches Passfoto.",
      departmentId: s.buergeramt,
      tags: [],
      reviewBy: "2030-01-01",
    });
    expect(article.statusCode, article.body).toBe(201);
    const template = await saveReplyTemplate(t.ctx, {
      actor,
      orgId,
      templateId: null,
      input: {
        title: "Hundesteuer Anmeldung",
        body: "Guten Tag, die Hundesteuer melden Sie online an.",
        departmentId: null,
      },
    });
    const moderation = await buildModerationCase(t.ctx, t.app, orgId);
    await t.ctx.db
      .update(users)
      .set({ name: "Hannelore Schmidtke" })
      .where(eq(users.id, s.admin.actor.userId ?? ""));

    const find = async (q: string, kind: string) => (await search(s.admin, orgId, q, kind)).map((h) => h.id);
    expect(await find("Stadtfeste", "posts")).toEqual([post.id]);
    expect(await find("Personalauswies", "articles")).toEqual([article.json<{ id: string }>().id]);
    expect(await find("Hundesteur", "templates")).toEqual([template.id]);
    expect(await find("Versager", "cases")).toEqual([moderation.caseId]);
    expect(await find("Hanelore", "people")).toEqual([s.admin.actor.userId]);
    expect(await find("Sandkasten", "channels")).toEqual([s.accountId]);
    const [articleHit] = await search(s.admin, orgId, "Passfoto", "articles");
    expect(articleHit?.snippet).toContain("«Passfoto»");
  });

  it("leaves out the kinds a person may not see", async () => {
    const s = await scene();
    const response = await s.limited.request("GET", `/api/orgs/${s.orgId}/search?q=Person`);
    expect(response.statusCode).toBe(200);
    const kinds = response.json<{ kinds: string[] }>().kinds;
    expect(kinds).not.toContain("people");
    expect(kinds).not.toContain("cases");
    expect(response.json<{ hits: Hit[] }>().hits.filter((h) => h.kind === "people")).toEqual([]);
  });

  it("keeps to a period, leaving out colleagues and channels, which have no time", async () => {
    const s = await scene();
    const asked = await s.message("Wann wird der Spielplatz am Teich repariert?", s.buergeramt);
    await indexMessages(t.ctx);
    const inPeriod = async (from: string, to: string) => {
      const query = new URLSearchParams({ q: "Spielplatz", from, to });
      const response = await s.admin.request("GET", `/api/orgs/${s.orgId}/search?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ hits: Hit[]; kinds: string[] }>();
    };
    const hour = 3_600_000;
    const around = await inPeriod(new Date(Date.now() - hour).toISOString(), new Date(Date.now() + hour).toISOString());
    expect(around.hits.map((h) => h.id)).toEqual([asked.conversationId]);
    expect(around.kinds).not.toContain("people");
    expect(around.kinds).not.toContain("channels");
    const earlier = await inPeriod("2020-01-01T00:00:00+01:00", "2021-01-01T00:00:00+01:00");
    expect(earlier.hits).toEqual([]);
  });

  it("refuses unclear input with a clear 400", async () => {
    const s = await scene();
    for (const query of [
      "q=",
      "q=a",
      `q=${"x".repeat(201)}`,
      "q=Kita&kinds=briefe",
      "q=Kita&limit=500",
      "q=Kita&from=gestern",
    ]) {
      const response = await s.admin.request("GET", `/api/orgs/${s.orgId}/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBeTruthy();
    }
  });
});
