// The knowledge base on the real database: articles written, versioned and published with an audit trail,
// edit conflicts, department limits, German search (stems, umlauts, typing errors), suggestions while
// answering (articles in force and earlier answers), uses counted by answers, comments with mentions,
// review reminders and the cleanup list.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgActor } from "../src/app/authorization.js";
import { checkArticleReviews } from "../src/app/knowledge/check-article-reviews.js";
import { listKnowledgeCleanup } from "../src/app/knowledge/list-knowledge-cleanup.js";
import { answeredQuestions, auditEvents, inboundMessages, userNotifications } from "../src/db/schema/index.js";
import { buildChannelAccount, buildDepartment, buildMedia, buildMember, buildOrg } from "./support/factories.js";
import { ingestDirect } from "./support/inbox.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Wednesday 25 November 2026, 10:00 in Berlin.
let now = new Date("2026-11-25T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

interface Scene {
  orgId: string;
  buergeramt: string;
  jugendamt: string;
  press: SignedIn & { userId: string; actor: OrgActor };
  limited: SignedIn & { userId: string };
  accountId: string;
}

async function scene(): Promise<Scene> {
  const org = await buildOrg(t.ctx);
  const buergeramt = (await buildDepartment(t.ctx, org.id, { name: "Bürgeramt" })).id;
  const jugendamt = (await buildDepartment(t.ctx, org.id, { name: "Jugendamt" })).id;
  const pressMember = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
  const limitedMember = await buildMember(t.ctx, org.id, { roles: ["editor"], departmentIds: [jugendamt] });
  const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox" });
  return {
    orgId: org.id,
    buergeramt,
    jugendamt,
    press: Object.assign(await signIn(t.app, pressMember.email, pressMember.password), {
      userId: pressMember.userId,
      actor: pressMember.actor,
    }),
    limited: Object.assign(await signIn(t.app, limitedMember.email, limitedMember.password), {
      userId: limitedMember.userId,
    }),
    accountId: account.id,
  };
}

const article = (departmentId: string | null, overrides: Record<string, unknown> = {}) => ({
  title: "Personalausweis beantragen",
  body: "## Was Sie brauchen\n\nEinen Termin im Bürgeramt, ein biometrisches Passfoto und Ihren alten Ausweis.",
  departmentId,
  tags: ["Ausweis", "Bürgeramt"],
  reviewBy: "2027-11-25",
  ...overrides,
});

async function create(who: SignedIn, orgId: string, input: Record<string, unknown>): Promise<string> {
  const created = await who.request("POST", `/api/orgs/${orgId}/knowledge/articles`, input);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function step(who: SignedIn, orgId: string, id: string, name: string) {
  return who.request("POST", `/api/orgs/${orgId}/knowledge/articles/${id}/steps`, { step: name });
}

describe("knowledge articles", () => {
  it("keeps every version with its author, refuses a change written on an old version and shows the difference", async () => {
    const s = await scene();
    const id = await create(s.press, s.orgId, article(s.buergeramt));
    const base = `/api/orgs/${s.orgId}/knowledge/articles/${id}`;
    const first = await s.press.request("GET", base);
    expect(first.json().article).toMatchObject({ status: "draft", version: 1, tags: ["ausweis", "bürgeramt"] });
    expect(first.json().article.ownerUserId).toBe(s.press.userId);

    const changed = await s.press.request("PUT", base, {
      ...article(s.buergeramt, { body: "## Was Sie brauchen\n\nEinen Termin im Bürgeramt und ein Passfoto." }),
      note: "Ausweis nicht mehr nötig",
      revision: 1,
    });
    expect(changed.json()).toEqual({ id, version: 2 });
    const stale = await s.press.request("PUT", base, { ...article(s.buergeramt, { title: "Alt" }), revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "DRAHT_ERR_EDIT_CONFLICT",
      details: { currentVersion: 2, currentRevision: 2 },
    });
    // A change of details alone keeps the version but counts a revision: a text written before it conflicts too.
    const moved = await s.press.request("PUT", base, {
      ...article(s.jugendamt, { body: "## Was Sie brauchen\n\nEinen Termin im Bürgeramt und ein Passfoto." }),
      revision: 2,
    });
    expect(moved.json()).toEqual({ id, version: 2 });
    const overwriting = await s.press.request("PUT", base, { ...article(s.buergeramt, { title: "Neu" }), revision: 2 });
    expect(overwriting.statusCode).toBe(409);
    expect((await s.press.request("GET", base)).json().article).toMatchObject({
      departmentId: s.jugendamt,
      revision: 3,
      version: 2,
    });

    const detail = (await s.press.request("GET", base)).json();
    expect(detail.article.title).toBe("Personalausweis beantragen");
    expect(detail.versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, "Ausweis nicht mehr nötig"],
      [1, null],
    ]);
    const diff = (await s.press.request("GET", `${base}/diff?from=1&to=2`)).json();
    expect(
      diff.body
        .filter((p: { kind: string }) => p.kind === "removed")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).toContain("biometrisches");
    expect(
      diff.body
        .filter((p: { kind: string }) => p.kind === "removed")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).toContain("alten Ausweis");
    expect(
      diff.body
        .filter((p: { kind: string }) => p.kind === "added")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).not.toBe("");
    expect((await s.press.request("GET", `${base}/diff?from=1&to=9`)).statusCode).toBe(404);
  });

  it("moves an article through review to publication and archive, refusing steps that do not follow, with an audit trail", async () => {
    const s = await scene();
    const id = await create(s.press, s.orgId, article(s.buergeramt));
    expect((await step(s.press, s.orgId, id, "submit")).json()).toEqual({ id, status: "in_review" });
    expect((await step(s.press, s.orgId, id, "publish")).json()).toEqual({ id, status: "published" });
    const wrong = await step(s.press, s.orgId, id, "return");
    expect(wrong.statusCode).toBe(409);
    expect((await step(s.press, s.orgId, id, "archive")).json().status).toBe("archived");
    const archivedEdit = await s.press.request("PUT", `/api/orgs/${s.orgId}/knowledge/articles/${id}`, {
      ...article(s.buergeramt),
      revision: 1,
    });
    expect(archivedEdit.statusCode).toBe(409);
    const actions = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, s.orgId), eq(auditEvents.targetId, id)));
    expect(actions.map((a) => a.action)).toEqual([
      "knowledge_article.created",
      "knowledge_article.submitted",
      "knowledge_article.published",
      "knowledge_article.archived",
    ]);
  });

  it("lets department-limited people read every article but change only their departments' ones", async () => {
    const s = await scene();
    const id = await create(s.press, s.orgId, article(s.buergeramt));
    const list = (await s.limited.request("GET", `/api/orgs/${s.orgId}/knowledge/articles`)).json();
    expect(list.articles).toEqual([expect.objectContaining({ id, mayEdit: false })]);
    const edit = await s.limited.request("PUT", `/api/orgs/${s.orgId}/knowledge/articles/${id}`, {
      ...article(s.buergeramt),
      revision: 1,
    });
    expect(edit.statusCode).toBe(403);
    expect((await step(s.limited, s.orgId, id, "publish")).statusCode).toBe(403);
    expect((await s.limited.request("POST", `/api/orgs/${s.orgId}/knowledge/articles`, article(null))).statusCode).toBe(
      403,
    );
    const own = await create(s.limited, s.orgId, article(s.jugendamt, { title: "Kita-Anmeldung" }));
    expect((await step(s.limited, s.orgId, own, "publish")).statusCode).toBe(200);
  });

  it("shows an article's pictures to every reader, also of other departments, and no file it does not show", async () => {
    const s = await scene();
    const picture = await buildMedia(t.ctx, s.orgId, { departmentId: s.buergeramt });
    const other = await buildMedia(t.ctx, s.orgId, { departmentId: s.buergeramt });
    const id = await create(
      s.press,
      s.orgId,
      article(s.buergeramt, { body: `Der Eingang:\n\n![Eingang des Bürgeramts](media:${picture.id})` }),
    );
    const base = `/api/orgs/${s.orgId}/knowledge/articles/${id}/media`;
    const shown = await s.limited.request("GET", `${base}/${picture.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers["content-type"]).toBe("image/png");
    expect((await s.limited.request("GET", `/api/orgs/${s.orgId}/media/${picture.id}/content`)).statusCode).toBe(403);
    expect((await s.limited.request("GET", `${base}/${other.id}`)).statusCode).toBe(404);
    // Someone of the Jugendamt may not show the Bürgeramt's file to everyone through an article of their own.
    const theirs = await s.limited.request("POST", `/api/orgs/${s.orgId}/knowledge/articles`, {
      ...article(s.jugendamt),
      body: `![Eingang](media:${other.id})`,
    });
    expect(theirs.statusCode).toBe(403);
    const stranger = await buildMedia(t.ctx, (await buildOrg(t.ctx)).id);
    const refused = await s.press.request("POST", `/api/orgs/${s.orgId}/knowledge/articles`, {
      ...article(s.buergeramt),
      body: `![Fremd](media:${stranger.id})`,
    });
    expect(refused.statusCode).toBe(400);
  });

  it("finds articles by German word stems, without umlauts and despite a typing error in the title", async () => {
    const s = await scene();
    const id = await create(s.press, s.orgId, article(s.buergeramt, { title: "Öffnungszeiten des Bürgeramts" }));
    await create(s.press, s.orgId, article(s.jugendamt, { title: "Kita-Anmeldung", body: "Anmeldung ab März." }));
    const search = async (q: string) =>
      (await s.press.request("GET", `/api/orgs/${s.orgId}/knowledge/articles?q=${encodeURIComponent(q)}`))
        .json<{ articles: { id: string }[] }>()
        .articles.map((a) => a.id);
    expect(await search("Bürgeramt")).toEqual([id]);
    expect(await search("Burgeramt")).toEqual([id]);
    expect(await search("Öffnungszeit")).toEqual([id]);
    expect(await search("Offnungszeiten Burgeramt")).toEqual([id]);
    expect(await search("Öffnungszeitn")).toEqual([id]);
    expect(await search("Sperrmüll")).toEqual([]);
  });
});

describe("suggestions while answering", () => {
  it("suggests published articles in force and earlier answers to similar questions, and counts an article's use", async () => {
    const s = await scene();
    const published = await create(s.press, s.orgId, article(s.buergeramt));
    await step(s.press, s.orgId, published, "publish");
    const draft = await create(s.press, s.orgId, article(s.buergeramt, { title: "Personalausweis (Entwurf)" }));
    const expired = await create(
      s.press,
      s.orgId,
      article(s.buergeramt, { title: "Personalausweis Gebühren 2025", validUntil: "2025-12-31" }),
    );
    await step(s.press, s.orgId, expired, "publish");
    await create(s.press, s.orgId, article(s.jugendamt, { title: "Kita-Anmeldung", body: "Anmeldung ab März." }));

    // An earlier citizen asked the same; the answer settled it.
    const earlier = await ingestDirect(t.ctx, s.orgId, {
      channelAccountId: s.accountId,
      authorHandle: "@berta",
      authorName: "Berta",
      text: "Wo beantrage ich einen Personalausweis?",
    });
    now = new Date(now.getTime() + 60_000);
    const answered = await s.press.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${earlier.conversationId}/replies`,
      { text: "Im Bürgeramt, mit Termin." },
    );
    expect(answered.statusCode, answered.body).toBe(201);
    now = new Date(now.getTime() + 60_000);

    const asking = await ingestDirect(t.ctx, s.orgId, {
      channelAccountId: s.accountId,
      authorHandle: "@anna",
      authorName: "Anna",
      text: "Wie kann ich einen neuen Personalausweis beantragen? Brauche ich ein Passfoto?",
    });
    const suggested = await s.press.request(
      "GET",
      `/api/orgs/${s.orgId}/inbox/conversations/${asking.conversationId}/suggestions`,
    );
    expect(suggested.statusCode, suggested.body).toBe(200);
    const suggestions = suggested.json();
    expect(suggestions.articles.map((a: { id: string }) => a.id)).toEqual([published]);
    expect(suggestions.articles[0].excerpt).toContain("«Passfoto»");
    expect(suggestions.answers).toEqual([
      expect.objectContaining({ conversationId: earlier.conversationId, text: "Im Bürgeramt, mit Termin." }),
    ]);
    expect(suggestions.articles.map((a: { id: string }) => a.id)).not.toContain(draft);
    // Someone of the Jugendamt given this conversation sees the article but not the answer in a conversation they may not see.
    const handed = await s.press.request("POST", `/api/orgs/${s.orgId}/inbox/assignments`, {
      conversationIds: [asking.conversationId],
      departmentId: s.jugendamt,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const theirs = (
      await s.limited.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${asking.conversationId}/suggestions`)
    ).json();
    expect(theirs.articles.map((a: { id: string }) => a.id)).toEqual([published]);
    expect(theirs.answers).toEqual([]);

    const unknown = await s.press.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${asking.conversationId}/replies`,
      { text: "Siehe Artikel.", articleIds: ["00000000-0000-4000-8000-000000000000"] },
    );
    expect(unknown.statusCode).toBe(400);
    const reply = await s.press.request(
      "POST",
      `/api/orgs/${s.orgId}/inbox/conversations/${asking.conversationId}/replies`,
      { text: "Einen Termin im Bürgeramt, ein Passfoto und Ihren alten Ausweis.", articleIds: [published] },
    );
    expect(reply.statusCode, reply.body).toBe(201);
    const used = (await s.press.request("GET", `/api/orgs/${s.orgId}/knowledge/articles/${published}`)).json();
    expect(used.article.useCount).toBe(1);
    expect(used.article.lastUsedAt).toBe(now.toISOString());

    // The earlier citizen deletes their question: the remembered copy goes with it.
    await t.ctx.db
      .update(inboundMessages)
      .set({ text: "", visibility: "deleted" })
      .where(eq(inboundMessages.conversationId, earlier.conversationId));
    const afterDeletion = (
      await s.press.request("GET", `/api/orgs/${s.orgId}/inbox/conversations/${asking.conversationId}/suggestions`)
    ).json();
    expect(afterDeletion.answers).toEqual([]);
    const remembered = await t.ctx.db
      .select()
      .from(answeredQuestions)
      .where(eq(answeredQuestions.conversationId, earlier.conversationId));
    expect(remembered).toEqual([]);
  });
});

describe("comments, reviews and cleanup", () => {
  it("notifies mentioned colleagues and refuses mentioning strangers", async () => {
    const s = await scene();
    const id = await create(s.press, s.orgId, article(s.buergeramt));
    const path = `/api/orgs/${s.orgId}/knowledge/articles/${id}/comments`;
    const stranger = await buildMember(t.ctx, (await buildOrg(t.ctx)).id, { roles: ["editor"] });
    expect(
      (await s.press.request("POST", path, { text: "Bitte prüfen", mentionedUserIds: [stranger.userId] })).statusCode,
    ).toBe(400);
    const comment = await s.press.request("POST", path, { text: "Bitte prüfen", mentionedUserIds: [s.limited.userId] });
    expect(comment.statusCode).toBe(201);
    const notes = await t.ctx.db.select().from(userNotifications).where(eq(userNotifications.userId, s.limited.userId));
    expect(notes).toEqual([expect.objectContaining({ kind: "article_mention", knowledgeArticleId: id })]);
    const detail = (await s.press.request("GET", `/api/orgs/${s.orgId}/knowledge/articles/${id}`)).json();
    expect(detail.comments).toEqual([
      expect.objectContaining({
        text: "Bitte prüfen",
        mentioned: [{ userId: s.limited.userId, name: expect.any(String) }],
      }),
    ]);
  });

  it("reminds the owner once a day when the review is due and lists due, expired and unused articles for cleanup", async () => {
    const s = await scene();
    const due = await create(s.press, s.orgId, article(s.buergeramt, { reviewBy: "2026-12-01" }));
    const expired = await create(s.press, s.orgId, article(s.buergeramt, { validUntil: "2026-01-31" }));
    await step(s.press, s.orgId, expired, "publish");
    const inForce = await create(s.press, s.orgId, article(s.buergeramt, { title: "Kita-Anmeldung" }));
    await step(s.press, s.orgId, inForce, "publish");
    const noticed = await checkArticleReviews(t.ctx);
    expect(noticed).toContainEqual({ articleId: due, state: "due_soon" });
    expect(await checkArticleReviews(t.ctx)).not.toContainEqual({ articleId: due, state: "due_soon" });
    const reminders = await t.ctx.db
      .select()
      .from(userNotifications)
      .where(and(eq(userNotifications.userId, s.press.userId), eq(userNotifications.kind, "article_review")));
    expect(reminders.map((r) => r.knowledgeArticleId)).toEqual([due]);

    const cleanup = (await s.press.request("GET", `/api/orgs/${s.orgId}/knowledge/cleanup`)).json();
    expect(cleanup.reviewDue.map((a: { id: string }) => a.id)).toEqual([due]);
    expect(cleanup.expired.map((a: { id: string }) => a.id)).toEqual([expired]);
    expect(cleanup.unused).toEqual([]);
    const today = now;
    now = new Date(now.getTime() + 200 * 86_400_000);
    try {
      // Half a year later (the session has long ended: the use case directly).
      const later = await listKnowledgeCleanup(t.ctx, { actor: s.press.actor, orgId: s.orgId });
      expect(later.unused.map((a) => a.id)).toEqual([inForce]);
    } finally {
      now = today;
    }
  });
});
