// Knowledge shared between organisations of one installation, on the real database: a Landkreis shares a
// collection with one Gemeinde (not another), the Gemeinde adopts copies that remember their origin, is told
// of a newer version with what changed, takes it or leaves it; citizens' personal data stops a share unless
// overridden with a reason; every share, adoption and withdrawal is in the audit trail.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, guidelines, knowledgeArticles, netiquettes, userNotifications } from "../src/db/schema/index.js";
import { buildChannelAccount, buildMedia } from "./support/factories.js";
import { ingestDirect } from "./support/inbox.js";
import { ausweis, sharingScenes } from "./support/sharingScene.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

let now = new Date("2026-12-07T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());
const { scene, publishedArticle, collectionFor, share, auditActions } = sharingScenes(() => t);

describe("sharing knowledge between organisations", () => {
  it("shows a collection to the chosen organisation only, read-only, saying whose it is and when it was checked", async () => {
    const s = await scene();
    const articleId = await publishedArticle(s);
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const shared = await share(s, collectionId, { kind: "article", sourceId: articleId });
    expect(shared.statusCode, shared.body).toBe(200);
    const itemId = shared.json<{ id: string }>().id;
    expect(shared.json()).toMatchObject({ version: 1, changed: true });

    const list = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/collections`);
    // (Collections that other tests share with every organisation of the database are listed too.)
    expect(list.json().received.find((c: { id: string }) => c.id === collectionId)).toMatchObject({
      publisher: { id: s.kreis, name: "Landkreis Musterland" },
      itemCount: 1,
      receivers: [],
    });
    expect(list.json().mayShare).toBe(false);
    const item = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`);
    expect(item.json().item).toMatchObject({
      title: ausweis.title,
      body: ausweis.body,
      own: false,
      sourceId: null,
      publisher: { name: "Landkreis Musterland" },
      checkedAt: now.toISOString(),
      adoption: null,
    });

    // Not chosen: nothing to see, and no way to tell it exists.
    const otherList = await s.otherPress.request("GET", `/api/orgs/${s.other}/knowledge/collections`);
    expect(otherList.json().own).toEqual([]);
    expect(otherList.json().received.map((c: { id: string }) => c.id)).not.toContain(collectionId);
    expect(
      (await s.otherPress.request("GET", `/api/orgs/${s.other}/knowledge/collections/${collectionId}`)).statusCode,
    ).toBe(404);
    expect(
      (await s.otherPress.request("GET", `/api/orgs/${s.other}/knowledge/shared-items/${itemId}`)).statusCode,
    ).toBe(404);
    expect(
      (await s.otherPress.request("POST", `/api/orgs/${s.other}/knowledge/shared-items/${itemId}/adopt`, {}))
        .statusCode,
    ).toBe(404);
    // A receiver reads; it cannot share into, change or withdraw the Landkreis' collection.
    expect(
      (
        await s.gemeindeAdmin.request("POST", `/api/orgs/${s.gemeinde}/knowledge/collections/${collectionId}/items`, {
          kind: "article",
          sourceId: articleId,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await s.gemeindeAdmin.request("POST", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}/withdraw`))
        .statusCode,
    ).toBe(404);
    // Only people who may share publish collections.
    expect(
      (
        await s.kreisEditor.request("POST", `/api/orgs/${s.kreis}/knowledge/collections`, {
          title: "X",
          audience: "all",
        })
      ).statusCode,
    ).toBe(403);

    // Shared with all: the other Gemeinde sees it too.
    const forAll = await collectionFor(s, "all");
    const otherNow = await s.otherPress.request("GET", `/api/orgs/${s.other}/knowledge/collections`);
    expect(otherNow.json().received.map((c: { id: string }) => c.id)).toContain(forAll);
    expect(await auditActions(s.kreis)).toEqual(
      expect.arrayContaining(["knowledge_collection.created", "shared_item.shared"]),
    );
  });

  it("adopts a copy that remembers its origin, tells of a newer version with the changes, and takes or leaves it", async () => {
    const s = await scene();
    const articleId = await publishedArticle(s);
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const itemId = (await share(s, collectionId, { kind: "article", sourceId: articleId })).json<{ id: string }>().id;
    const itemPath = `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`;

    // A person limited to the Bürgerbüro adopts into the Bürgerbüro, not into the Bauamt.
    expect((await s.gemeindeEditor.request("POST", `${itemPath}/adopt`, { departmentId: s.bauamt })).statusCode).toBe(
      403,
    );
    const adopted = await s.gemeindeEditor.request("POST", `${itemPath}/adopt`, { departmentId: s.buergerbuero });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const copyId = adopted.json<{ targetId: string }>().targetId;
    const copy = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/articles/${copyId}`);
    expect(copy.json().article).toMatchObject({
      title: ausweis.title,
      body: ausweis.body,
      status: "draft",
      departmentId: s.buergerbuero,
      ownerUserId: s.gemeindeEditor.userId,
      reviewBy: "2027-12-07",
    });
    expect(copy.json().versions[0].note).toBe("Übernommen von Landkreis Musterland (geteilte Fassung 1)");
    expect(copy.json().origin).toEqual({
      itemId,
      via: "installation",
      publisherName: "Landkreis Musterland",
      adoptedVersion: 1,
      stillShared: true,
      updateAvailable: false,
    });
    expect((await s.gemeindeEditor.request("POST", `${itemPath}/adopt`, {})).statusCode).toBe(409);

    // The Landkreis changes its article and shares it anew: version 2, the adopter is told.
    now = new Date(now.getTime() + 10 * 60_000);
    const current = (await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`)).json()
      .article;
    const changed = await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`, {
      ...ausweis,
      body: `${ausweis.body}\n\nDie Gebühr beträgt 37 Euro.`,
      revision: current.revision,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const own = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}`);
    expect(own.json().items[0]).toMatchObject({ sourceChanged: true, adoptionCount: 1 });
    const second = await share(s, collectionId, { kind: "article", sourceId: articleId });
    expect(second.json()).toMatchObject({ id: itemId, version: 2, changed: true });
    const notices = await t.ctx.db
      .select()
      .from(userNotifications)
      .where(and(eq(userNotifications.orgId, s.gemeinde), eq(userNotifications.sharedItemId, itemId)));
    expect(notices).toMatchObject([
      { userId: s.gemeindeEditor.userId, kind: "shared_item_changed", actorLabel: "Landkreis Musterland" },
    ]);
    const mine = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/inbox/notifications`);
    expect(mine.json().notifications).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "shared_item_changed", sharedItemId: itemId })]),
    );

    const copyNow = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/articles/${copyId}`);
    expect(copyNow.json().origin).toMatchObject({ adoptedVersion: 1, updateAvailable: true });
    const waiting = await s.gemeindeEditor.request("GET", itemPath);
    expect(waiting.json().item).toMatchObject({ version: 2, updateAvailable: true, adoption: { adoptedVersion: 1 } });
    expect(waiting.json().changes).toMatchObject({ from: 1, to: 2 });
    const added = waiting.json().changes.body.filter((part: { kind: string }) => part.kind === "added");
    expect(added.map((part: { text: string }) => part.text).join("")).toContain("Die Gebühr beträgt 37 Euro.");
    const lists = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/collections`);
    // (Collections other tests share with all organisations are listed too.)
    const received = lists.json().received.find((c: { id: string }) => c.id === collectionId);
    expect(received.updatesAvailable).toBe(1);

    // Taken: the copy gets the new text as its next version.
    const taken = await s.gemeindeEditor.request("POST", `${itemPath}/adopt`, {});
    expect(taken.json()).toEqual({ targetId: copyId, version: 2 });
    const [copyRow] = await t.ctx.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, copyId));
    expect(copyRow).toMatchObject({ version: 2, status: "draft" });
    expect(copyRow?.body).toContain("37 Euro");

    // Version 3 left: no longer offered; version 4 is offered again.
    for (const fee of ["39", "41"]) {
      const before = (await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`)).json()
        .article;
      await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/knowledge/articles/${articleId}`, {
        ...ausweis,
        body: `${ausweis.body}\n\nDie Gebühr beträgt ${fee} Euro.`,
        revision: before.revision,
      });
      await share(s, collectionId, { kind: "article", sourceId: articleId });
      if (fee === "39") {
        const declined = await s.gemeindeEditor.request("POST", `${itemPath}/decline`);
        expect(declined.statusCode, declined.body).toBe(200);
        expect((await s.gemeindeEditor.request("GET", itemPath)).json().item.updateAvailable).toBe(false);
        expect((await s.gemeindeEditor.request("POST", `${itemPath}/decline`)).statusCode).toBe(409);
      }
    }
    expect((await s.gemeindeEditor.request("GET", itemPath)).json().item).toMatchObject({
      version: 4,
      updateAvailable: true,
    });
    expect(await auditActions(s.gemeinde)).toEqual(
      expect.arrayContaining(["shared_item.adopted", "shared_item.update_declined", "knowledge_article.created"]),
    );

    // Sharing an unchanged item again only confirms it as checked.
    now = new Date(now.getTime() + 10 * 60_000);
    const confirmed = await share(s, collectionId, { kind: "article", sourceId: articleId });
    expect(confirmed.json()).toMatchObject({ version: 4, changed: false });
    expect((await s.gemeindeEditor.request("GET", itemPath)).json().item.checkedAt).toBe(now.toISOString());

    // Withdrawn: the Gemeinde no longer sees the collection; its copy stays its own.
    const withdrawn = await s.kreisPress.request(
      "POST",
      `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/withdraw`,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/collections`);
    expect(after.json().received.map((c: { id: string }) => c.id)).not.toContain(collectionId);
    expect((await s.gemeindeEditor.request("GET", itemPath)).statusCode).toBe(404);
    expect(
      (await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/articles/${copyId}`)).statusCode,
    ).toBe(200);
  });

  it("refuses citizens' personal data unless overridden with a reason, which is audited", async () => {
    const s = await scene();
    const account = await buildChannelAccount(t.ctx, s.kreis, { network: "sandbox" });
    await ingestDirect(t.ctx, s.kreis, {
      channelAccountId: account.id,
      authorHandle: "erika_m",
      authorName: "Erika Mustermann",
      text: "Wann kann ich meinen Ausweis abholen?",
    });
    const collectionId = await collectionFor(s, [s.gemeinde]);

    const withName = await publishedArticle(s, {
      ...ausweis,
      title: "Ausweis abholen",
      body: "Wie Erika Mustermann fragte: Der Ausweis liegt nach vier Wochen bereit.",
    });
    const refused = await share(s, collectionId, { kind: "article", sourceId: withName });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "DRAHT_ERR_PERSONAL_DATA_FOUND",
      details: { findings: [{ kind: "name", text: "Erika Mustermann" }] },
    });

    const withPhone = await publishedArticle(s, {
      ...ausweis,
      title: "Ausweis: Rückfragen",
      body: "Rückfragen an buergerbuero@landkreis-musterland.de oder 05121 309-0.",
    });
    const second = await share(s, collectionId, { kind: "article", sourceId: withPhone });
    expect(second.json().error.details.findings).toEqual([
      { kind: "email", text: "buergerbuero@landkreis-musterland.de" },
      { kind: "phone", text: "05121 309-0" },
    ]);
    expect(
      (await share(s, collectionId, { kind: "article", sourceId: withPhone, personalDataOverride: "kurz" })).statusCode,
    ).toBe(400);
    const reason = "Dienstliche Adresse und Telefonzentrale des Kreises, keine Bürgerdaten";
    const overridden = await share(s, collectionId, {
      kind: "article",
      sourceId: withPhone,
      personalDataOverride: reason,
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const itemId = overridden.json<{ id: string }>().id;
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "shared_item.shared"));
    expect(audit.find((e) => e.targetId === itemId)?.data).toMatchObject({
      personalDataOverride: reason,
      personalDataFound: ["email", "phone"],
    });
    const ownView = await s.kreisPress.request("GET", `/api/orgs/${s.kreis}/knowledge/shared-items/${itemId}`);
    expect(ownView.json().versions[0].personalDataOverride).toBe(reason);
    const theirView = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`);
    expect(theirView.json().versions[0].personalDataOverride).toBeNull();
  });

  it("shares Textbausteine, the Netiquette and the guideline, adopted as a template and drafts", async () => {
    const s = await scene();
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const template = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/inbox/templates`, {
      title: "Sperrmüll anmelden",
      body: "Guten Tag {{name}}, Sperrmüll melden Sie online an. Freundliche Grüße, {{bearbeiter}}",
      tags: ["sperrmüll"],
    });
    expect(template.statusCode, template.body).toBe(201);
    const templateItem = await share(s, collectionId, { kind: "template", sourceId: template.json().id });
    expect(templateItem.statusCode, templateItem.body).toBe(200);
    const netiquette = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/netiquettes`, {
      title: "Netiquette des Landkreises",
      intro: "Regeln für den Dialog.",
      clauses: [{ number: 1, title: "Respekt", text: "Bitte bleiben Sie höflich." }],
    });
    expect(netiquette.statusCode, netiquette.body).toBe(201);
    const netiquetteItem = await share(s, collectionId, { kind: "netiquette" });
    expect(netiquetteItem.statusCode, netiquetteItem.body).toBe(200);
    const detail = await s.gemeindeEditor.request(
      "GET",
      `/api/orgs/${s.gemeinde}/knowledge/collections/${collectionId}`,
    );
    expect(
      detail
        .json()
        .items.map((i: { kind: string }) => i.kind)
        .sort(),
    ).toEqual(["netiquette", "template"]);
    const netiquetteView = await s.gemeindeEditor.request(
      "GET",
      `/api/orgs/${s.gemeinde}/knowledge/shared-items/${netiquetteItem.json().id}`,
    );
    expect(netiquetteView.json().item.body).toBe(
      "Regeln für den Dialog.\n\n## §1 Respekt\n\nBitte bleiben Sie höflich.",
    );

    const adoptedTemplate = await s.gemeindeEditor.request(
      "POST",
      `/api/orgs/${s.gemeinde}/knowledge/shared-items/${templateItem.json().id}/adopt`,
      { departmentId: s.buergerbuero },
    );
    expect(adoptedTemplate.statusCode, adoptedTemplate.body).toBe(200);
    const templates = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/inbox/templates`);
    expect(templates.json().templates).toMatchObject([
      {
        title: "Sperrmüll anmelden",
        departmentId: s.buergerbuero,
        origin: { itemId: templateItem.json().id, publisherName: "Landkreis Musterland" },
      },
    ]);

    // The Netiquette is the organisation's: an editor may not adopt it, an administrator adopts a draft.
    const netiquettePath = `/api/orgs/${s.gemeinde}/knowledge/shared-items/${netiquetteItem.json().id}/adopt`;
    expect((await s.gemeindeEditor.request("POST", netiquettePath, {})).statusCode).toBe(403);
    const adoptedNetiquette = await s.gemeindeAdmin.request("POST", netiquettePath, {});
    expect(adoptedNetiquette.statusCode, adoptedNetiquette.body).toBe(200);
    const [draft] = await t.ctx.db.select().from(netiquettes).where(eq(netiquettes.orgId, s.gemeinde));
    expect(draft).toMatchObject({ title: "Netiquette des Landkreises", publishedAt: null });

    // The guideline in force, document and rules, adopted as a draft version owned by the adopter.
    expect((await share(s, collectionId, { kind: "guideline" })).statusCode).toBe(404);
    const rules = {
      addressForm: { required: "formal", severity: "blocker" },
      forbiddenTerms: [{ term: "Behördendeutsch", severity: "warning" }],
      // Scoped to one of the Landkreis' channels: the receiver has none of them, so it applies to all channels.
      requiredSignature: [{ channelAccountIds: [(await buildChannelAccount(t.ctx, s.kreis)).id], text: "^LK" }],
    };
    const guideline = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/guidelines`, {
      title: "Social-Media-Richtlinie des Kreises",
      document: "## Ton\n\nWir siezen.",
      rules,
      reviewBy: "2027-06-30",
    });
    expect(guideline.statusCode, guideline.body).toBe(201);
    await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/guidelines/${guideline.json().id}/activate`);
    const guidelineItem = await share(s, collectionId, { kind: "guideline" });
    expect(guidelineItem.statusCode, guidelineItem.body).toBe(200);
    const guidelinePath = `/api/orgs/${s.gemeinde}/knowledge/shared-items/${guidelineItem.json().id}/adopt`;
    expect((await s.gemeindeEditor.request("POST", guidelinePath, {})).statusCode).toBe(403);
    const adoptedGuideline = await s.gemeindeAdmin.request("POST", guidelinePath, {});
    expect(adoptedGuideline.statusCode, adoptedGuideline.body).toBe(200);
    const [guidelineDraft] = await t.ctx.db.select().from(guidelines).where(eq(guidelines.orgId, s.gemeinde));
    expect(guidelineDraft).toMatchObject({
      title: "Social-Media-Richtlinie des Kreises",
      document: "## Ton\n\nWir siezen.",
      status: "draft",
      ownerUserId: s.gemeindeAdmin.userId,
      reviewBy: "2027-12-07",
    });
    expect(guidelineDraft?.rules).toMatchObject({
      ...rules,
      requiredSignature: [{ channelAccountIds: null, text: "^LK" }],
    });
  });

  it("shares a campaign as a template (name, hashtag, length, texts; not its dates or people), adopted as a campaign", async () => {
    const s = await scene();
    const collectionId = await collectionFor(s, [s.gemeinde]);
    const campaign = {
      name: "24 Stunden Kreisverwaltung",
      hashtag: "#24hKreis",
      startsAt: "2026-11-01T06:00:00Z",
      endsAt: "2026-11-02T06:00:00Z",
      participantIds: [s.kreisPress.userId],
      templates: [
        { id: "start", title: "Start", text: "Heute zeigen wir 24 Stunden lang, was die Verwaltung tut. #24hKreis" },
        { id: "nacht", title: "Nachtschicht", text: "Auch nachts ist jemand da." },
      ],
    };
    const created = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/campaigns`, campaign);
    expect(created.statusCode, created.body).toBe(201);
    const campaignId = created.json<{ id: string }>().id;
    expect((await share(s, collectionId, { kind: "campaign" })).statusCode).toBe(400);
    const shared = await share(s, collectionId, { kind: "campaign", sourceId: campaignId });
    expect(shared.statusCode, shared.body).toBe(200);
    const itemId = shared.json<{ id: string }>().id;
    const item = await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}`);
    expect(item.json().item).toMatchObject({ kind: "campaign", title: "24 Stunden Kreisverwaltung" });
    expect(item.json().item.body).toContain("Hashtag: #24hKreis");
    expect(item.json().item.body).toContain("Dauer: 1 Tag");
    expect(item.json().item.body).toContain("### Nachtschicht");

    // Adopting makes a campaign: for people who manage campaigns, starting when they say.
    const adoptPath = `/api/orgs/${s.gemeinde}/knowledge/shared-items/${itemId}/adopt`;
    const startsAt = "2027-03-01T07:00:00Z";
    expect((await s.gemeindeEditor.request("POST", adoptPath, { startsAt })).statusCode).toBe(403);
    const noStart = await s.gemeindeAdmin.request("POST", adoptPath, {});
    expect(noStart.statusCode).toBe(400);
    expect(noStart.json()).toMatchObject({ error: { details: { field: "startsAt", problem: "required" } } });
    const adopted = await s.gemeindeAdmin.request("POST", adoptPath, { startsAt });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const copyId = adopted.json<{ targetId: string }>().targetId;
    const campaignCopy = async () => {
      const list = await s.gemeindeAdmin.request("GET", `/api/orgs/${s.gemeinde}/campaigns`);
      return list
        .json<{ campaigns: { id: string; templates: { id: string }[]; startsAt: string }[] }>()
        .campaigns.find((c) => c.id === copyId);
    };
    expect(await campaignCopy()).toMatchObject({
      name: "24 Stunden Kreisverwaltung",
      hashtag: "#24hKreis",
      startsAt: "2027-03-01T07:00:00.000Z",
      endsAt: "2027-03-02T07:00:00.000Z",
      participantIds: [],
      templates: campaign.templates,
    });

    // A newer version (another text) replaces name, hashtag and texts of the copy, and keeps its dates.
    const changed = await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/campaigns/${campaignId}`, {
      ...campaign,
      templates: [...campaign.templates, { id: "ende", title: "Ende", text: "Danke fürs Mitlesen!" }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const reshared = await share(s, collectionId, { kind: "campaign", sourceId: campaignId });
    expect(reshared.json(), reshared.body).toMatchObject({
      version: 2,
      changed: true,
    });
    expect((await s.gemeindeAdmin.request("POST", adoptPath, {})).json()).toMatchObject({
      targetId: copyId,
      version: 2,
    });
    const updated = await campaignCopy();
    expect(updated?.templates.map((x) => x.id)).toEqual(["start", "nacht", "ende"]);
    expect(updated?.startsAt).toBe("2027-03-01T07:00:00.000Z");

    // A campaign text with a citizen's address is refused like any other item.
    const withAddress = await s.kreisPress.request("PUT", `/api/orgs/${s.kreis}/campaigns/${campaignId}`, {
      ...campaign,
      templates: [{ id: "kontakt", title: "Kontakt", text: "Fragen an max.mustermann@gmail.com" }],
    });
    expect(withAddress.statusCode).toBe(200);
    const refused = await share(s, collectionId, { kind: "campaign", sourceId: campaignId });
    expect(refused.json()).toMatchObject({ error: { code: "DRAHT_ERR_PERSONAL_DATA_FOUND" } });
  });

  it("refuses what cannot be shared with a clear error, and changes nothing", async () => {
    const s = await scene();
    const base = `/api/orgs/${s.kreis}/knowledge/collections`;
    const noReceivers = await s.kreisPress.request("POST", base, {
      title: "Leer",
      audience: "chosen",
      receiverOrgIds: [],
    });
    expect(noReceivers.statusCode).toBe(400);
    const unknown = await s.kreisPress.request("POST", base, {
      title: "Unbekannt",
      audience: "chosen",
      receiverOrgIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toMatchObject({ field: "receiverOrgIds", problem: "unknown_organisation" });
    const itself = await s.kreisPress.request("POST", base, {
      title: "Selbst",
      audience: "chosen",
      receiverOrgIds: [s.kreis],
    });
    expect(itself.statusCode).toBe(400);

    const collectionId = await collectionFor(s, [s.gemeinde]);
    const draft = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/knowledge/articles`, ausweis);
    expect((await share(s, collectionId, { kind: "article", sourceId: draft.json().id })).statusCode).toBe(409);
    expect((await share(s, collectionId, { kind: "article" })).statusCode).toBe(400);
    const medium = await buildMedia(t.ctx, s.kreis);
    const withPicture = await publishedArticle(s, {
      ...ausweis,
      title: "Ausweis mit Bild",
      body: `So sieht er aus:\n\n![Der neue Ausweis](media:${medium.id})`,
    });
    const picture = await share(s, collectionId, { kind: "article", sourceId: withPicture });
    expect(picture.statusCode).toBe(400);
    expect(picture.json().error.details).toMatchObject({ problem: "article_has_pictures" });
    expect((await share(s, collectionId, { kind: "netiquette" })).statusCode).toBe(404);
    // Nothing of it was shared.
    expect(
      (await s.gemeindeEditor.request("GET", `/api/orgs/${s.gemeinde}/knowledge/collections/${collectionId}`)).json()
        .items,
    ).toEqual([]);
  });
});
