// Moderation end to end on the real database: the pipeline on every inbound message, the queue with
// scores and reasons, decisions citing the Netiquette, four-eyes review, objections, threats with
// evidence packages, actions on a network through its connector, and shitstorm alerts.
import { eq, sql } from "drizzle-orm";
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectShitstorms } from "../src/app/moderation/detect-shitstorms.js";
import { updateModerationSettings } from "../src/app/moderation/moderation-settings.js";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import {
  auditEvents,
  evidencePackages,
  inboundMessages,
  moderationAlerts,
  moderationCases,
  sandboxDeliveries,
  userNotifications,
  websiteComments,
} from "../src/db/schema/index.js";
import { evidenceHash } from "../src/domain/moderation/evidence.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf, uniqueSuffix } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-24T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

type Case = {
  id: string;
  status: string;
  threat: boolean;
  pipelineStatus: string;
  pipelineReason: string | null;
  message: { id: string; text: string; scores: Record<string, number>; reasons: string[]; labels: string[] };
};

async function moderationScene() {
  const scene = await buildWebsiteScene(t.ctx);
  const moderator = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
  const colleague = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
  const citizen = await startCitizen(t.app, scene.org.slug, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
  await citizen.acceptNetiquette(scene.netiquette.id);
  return {
    ...scene,
    moderator,
    colleague,
    citizen,
    mod: await signIn(t.app, moderator.email, moderator.password),
    second: await signIn(t.app, colleague.email, colleague.password),
  };
}

const queueOf = async (s: Awaited<ReturnType<typeof moderationScene>>, view = "open") =>
  ((await s.mod.request("GET", `/api/orgs/${s.org.id}/moderation/cases?view=${view}`)).json() as { cases: Case[] })
    .cases;

describe("the moderation pipeline and queue", () => {
  it("holds an insulting comment with scores and reasons; a moderator hides it citing §3; the decision is in the trail", async () => {
    const s = await moderationScene();
    const friendly = await s.citizen.comment(s.entryId, { text: "Wann öffnet der neue Wochenmarkt am Rathausplatz?" });
    expect((friendly.json() as { status: string }).status).toBe("visible");
    const posted = await s.citizen.comment(s.entryId, {
      text: "Der Bürgermeister ist ein unfähiger Vollidiot und Versager",
    });
    expect(posted.statusCode).toBe(201);
    expect((posted.json() as { status: string }).status).toBe("held");

    const cases = await queueOf(s);
    expect(cases).toHaveLength(1);
    const [held] = cases as [Case];
    expect(held).toMatchObject({
      status: "open",
      pipelineStatus: "held",
      pipelineReason: "offensive_language",
      threat: false,
    });
    expect(held.message.scores.offense).toBeGreaterThan(0.5);
    expect(held.message.labels).toContain("OFFENSE");
    expect(held.message.reasons).toEqual(expect.arrayContaining(["lexicon:insult:vollidiot"]));
    expect(held.message.reasons.some((r) => r.startsWith("model:"))).toBe(true);

    const refused = await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/decision`, {
      action: "hide",
      clause: 42,
      reason: "Beleidigung",
    });
    expect(refused.statusCode).toBe(400);
    const decided = await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/decision`, {
      action: "hide",
      clause: 3,
      reason: "Beleidigung des Bürgermeisters",
    });
    expect(decided.statusCode).toBe(200);
    const [comment] = await t.ctx.db
      .select()
      .from(websiteComments)
      .where(eq(websiteComments.text, "Der Bürgermeister ist ein unfähiger Vollidiot und Versager"));
    expect(comment?.status).toBe("hidden");
    const page = await t.app.inject({ method: "GET", url: `/p/${s.org.slug}/beitrag/${s.entryId}` });
    expect(page.body).not.toContain("Vollidiot");
    expect(page.body).toContain("Wann öffnet der neue Wochenmarkt");
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, held.id));
    expect(audit.map((a) => a.action)).toContain("moderation.decided");
    expect(audit.find((a) => a.action === "moderation.decided")?.data).toMatchObject({
      action: "hide",
      clause: 3,
      netiquetteVersion: 1,
    });
    expect(await queueOf(s)).toHaveLength(0);
  });

  it("lets only a second moderator review a decision, and an objection reopens the case", async () => {
    const s = await moderationScene();
    const posted = await s.citizen.comment(s.entryId, { text: "Ihr seid alle Idioten und Trottel im Rathaus" });
    const commentId = (posted.json() as { id: string }).id;
    const [held] = (await queueOf(s)) as [Case];
    await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/decision`, {
      action: "hide",
      clause: 3,
      reason: "Beleidigung",
    });
    const own = await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/review`, {
      verdict: "confirmed",
      note: "passt",
    });
    expect(own.statusCode).toBe(403);
    const confirmed = await s.second.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/review`, {
      verdict: "confirmed",
      note: "Richtig entschieden",
    });
    expect(confirmed.json()).toMatchObject({ review: "confirmed" });

    const appeal = await s.citizen.call("POST", `/comments/${commentId}/appeal`, {
      text: "Das war doch nur Kritik, bitte prüfen Sie das noch einmal.",
    });
    expect(appeal.statusCode).toBe(200);
    const stranger = await startCitizen(t.app, s.org.slug, "198.51.100.250");
    expect(
      (await stranger.call("POST", `/comments/${commentId}/appeal`, { text: "Ich bin jemand anderes." })).statusCode,
    ).toBe(404);
    const [reopened] = (await queueOf(s)) as [Case];
    expect(reopened).toMatchObject({ id: held.id, status: "reopened" });
    const again = await s.second.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/decision`, {
      action: "approve",
      clause: 1,
      reason: "Nach Einspruch: zugespitzte Kritik, noch zulässig",
    });
    expect(again.statusCode).toBe(200);
    const [comment] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, commentId));
    expect(comment?.status).toBe("visible");
    const detail = (await s.mod.request("GET", `/api/orgs/${s.org.id}/moderation/cases/${held.id}`)).json() as {
      decisions: { kind: string; action: string | null }[];
    };
    expect(detail.decisions.map((d) => `${d.kind}:${d.action ?? ""}`)).toEqual([
      "decision:hide",
      "review:confirmed",
      "appeal:",
      "decision:approve",
    ]);
  });

  it("hides a threat pending review, secures evidence whose hash verifies, tells the moderators, and keeps the evidence after deletion", async () => {
    const s = await moderationScene();
    const posted = await s.citizen.comment(s.entryId, {
      text: "Den Bürgermeister sollte man aufhängen, wir wissen wo er wohnt.",
    });
    expect((posted.json() as { status: string }).status).toBe("hidden");
    const [threat] = (await queueOf(s)) as [Case];
    expect(threat).toMatchObject({ threat: true, pipelineStatus: "hidden", pipelineReason: "threat" });
    expect(threat.message.labels).toContain("THREAT");

    const notified = await t.ctx.db
      .select()
      .from(userNotifications)
      .where(eq(userNotifications.moderationCaseId, threat.id));
    expect(notified.map((n) => n.userId)).toEqual(expect.arrayContaining([s.moderator.userId, s.colleague.userId]));
    expect(notified.every((n) => n.kind === "threat")).toBe(true);

    const detail = (await s.mod.request("GET", `/api/orgs/${s.org.id}/moderation/cases/${threat.id}`)).json() as {
      evidence: { id: string; sha256: string; verified: boolean }[];
    };
    expect(detail.evidence).toHaveLength(1);
    const [evidence] = detail.evidence as [{ id: string; sha256: string; verified: boolean }];
    expect(evidence.verified).toBe(true);
    const json = await s.mod.request(
      "GET",
      `/api/orgs/${s.org.id}/moderation/cases/${threat.id}/evidence/${evidence.id}/json`,
    );
    expect(json.headers["content-disposition"]).toContain("attachment");
    const file = json.json() as { sha256: string; content: Parameters<typeof evidenceHash>[0] };
    expect(evidenceHash(file.content)).toBe(file.sha256);
    expect(file.content.message.text).toContain("aufhängen");
    expect(file.content.message.payload).toMatchObject({ source: "website" });
    const pdf = await s.mod.request(
      "GET",
      `/api/orgs/${s.org.id}/moderation/cases/${threat.id}/evidence/${evidence.id}/pdf`,
    );
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(pdf.rawPayload)).getSubject()).toBe(`SHA-256: ${evidence.sha256}`);
    // People read words, not codes: labels, scores as percentages, reasons, the author's website session, and
    // times in the organisation's time zone, named.
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("Alle Zeitangaben in der Zeitzone Europe/Berlin.");
    expect(text).toMatch(/Kennzeichen: .*Drohung/);
    expect(text).toMatch(/Einschätzung: [\s\S]*Drohung\s\d+\s%/);
    expect(text).toContain("Website-Sitzung");
    expect(text).toMatch(/Gesichert am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} MEZ/);
    for (const code of ["THREAT", "OFFENSE", "(UTC)", "session:", "threat:", "lexicon:", "model:"])
      expect(text).not.toContain(code);
    expect(text).not.toMatch(/\b0\.\d{2,}\b/);

    await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${threat.id}/decision`, {
      action: "delete",
      clause: 4,
      reason: "Gewaltaufruf, Anzeige erstattet",
    });
    const [kept] = await t.ctx.db.select().from(evidencePackages).where(eq(evidencePackages.caseId, threat.id));
    expect(kept?.content.message.text).toContain("aufhängen");
    const tampering = await t.ctx.db
      .execute(sql`update evidence_packages set sha256 = 'x' where case_id = ${threat.id}`)
      .catch((e: unknown) => e as Error & { cause?: Error });
    expect(String((tampering as { cause?: Error }).cause?.message ?? tampering)).toMatch(/append-only/);
  });

  it("decides the waiting case when the comment is released from the website comment list", async () => {
    const s = await moderationScene();
    const posted = await s.citizen.comment(s.entryId, { text: "Ihr seid doch alle unfähige Trottel im Amt" });
    const commentId = (posted.json() as { id: string }).id;
    const [held] = (await queueOf(s)) as [Case];
    const released = await s.mod.request("POST", `/api/orgs/${s.org.id}/website/comments/${commentId}/decision`, {
      decision: "release",
      reason: "Zugespitzt, aber zulässig",
    });
    expect(released.statusCode).toBe(200);
    expect(await queueOf(s)).toHaveLength(0);
    const [decided] = await t.ctx.db.select().from(moderationCases).where(eq(moderationCases.id, held.id));
    expect(decided).toMatchObject({ status: "decided", action: "approve", decidedByUserId: s.moderator.userId });
  });

  it("applies the organisation's word rules and refuses what the website channel cannot do", async () => {
    const s = await moderationScene();
    await updateModerationSettings(t.ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      input: { wordRules: [{ pattern: "Kaffeefahrt", action: "hide", clause: 5 }] },
    });
    const posted = await s.citizen.comment(s.entryId, { text: "Tolle Kaffeefahrt nach Bad Wörishofen, jetzt buchen!" });
    expect((posted.json() as { status: string }).status).toBe("hidden");
    const [ad] = (await queueOf(s)) as [Case];
    expect(ad.pipelineReason).toBe("word_rule:Kaffeefahrt");
    const block = await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${ad.id}/decision`, {
      action: "block",
      clause: 5,
      reason: "Werbung",
    });
    expect(block.statusCode).toBe(409);
    expect((block.json() as { error: { code: string } }).error.code).toBe("DRAHT_ERR_CHANNEL_UNSUPPORTED");
    const badClause = await updateModerationSettings(t.ctx, {
      actor: systemAdminOf(s.org.id),
      orgId: s.org.id,
      input: { insultClause: 77 },
    }).catch((e: unknown) => e);
    expect(badClause).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("moderation on another network", () => {
  it("holds an insult from the sandbox network and blocks its author there through the connector", async () => {
    const org = await buildOrg(t.ctx);
    await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
    const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox", name: "Mastodon (Sandbox)" });
    const moderator = await buildMember(t.ctx, org.id, { roles: ["moderator"] });
    const mod = await signIn(t.app, moderator.email, moderator.password);
    const base = {
      channelAccountId: account.id,
      kind: "reply",
      authorHandle: "@troll@example.social",
      authorName: "Troll",
      language: "de",
      threadExternalId: "post-1",
      inReplyToExternalId: "post-1",
      visibility: "visible",
      receivedAt: now,
      raw: { account: { url: "https://example.social/@troll" } },
    };
    const outcomes = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: org.id,
        analyser: t.ctx.analyser,
        now,
        publicUrl: t.ctx.publicUrl,
        messages: [{ ...base, externalId: `m-${uniqueSuffix()}`, text: "Du bist so ein dummes Arschloch" }],
      }),
    );
    const [stored] = await t.ctx.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.id, (outcomes[0] as { id: string }).id));
    expect(stored?.visibility).toBe("held");
    const [item] = ((await mod.request("GET", `/api/orgs/${org.id}/moderation/cases`)).json() as { cases: Case[] })
      .cases as [Case];
    const blocked = await mod.request("POST", `/api/orgs/${org.id}/moderation/cases/${item.id}/decision`, {
      action: "block",
      clause: 3,
      reason: "Wiederholte Beleidigungen",
    });
    expect(blocked.statusCode).toBe(200);
    const deliveries = await t.ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, account.id));
    expect(deliveries.map((d) => d.text)).toEqual([
      expect.stringMatching(/^block .* \(@troll@example\.social\): Wiederholte Beleidigungen$/),
    ]);
  });
});

describe("shitstorm alerts", () => {
  it("alerts once when offensive messages under a post rise far above their median, and tells the moderators", async () => {
    const org = await buildOrg(t.ctx);
    const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox", name: "Sandbox" });
    const moderator = await buildMember(t.ctx, org.id, { roles: ["moderator"] });
    const ingest = (at: Date, texts: string[], thread: string) =>
      t.ctx.db.transaction((tx) =>
        ingestMessages(tx, {
          orgId: org.id,
          analyser: t.ctx.analyser,
          now: at,
          publicUrl: t.ctx.publicUrl,
          messages: texts.map((text, i) => ({
            channelAccountId: account.id,
            externalId: `s-${uniqueSuffix()}-${i}`,
            kind: "reply",
            authorHandle: `@user${i}@example.social`,
            authorName: `Nutzer ${i}`,
            text,
            language: "de",
            threadExternalId: thread,
            inReplyToExternalId: thread,
            visibility: "visible",
            receivedAt: at,
            raw: {},
          })),
        }),
      );
    const start = new Date("2026-11-20T00:30:00Z").getTime();
    // A normal week: a question every few hours, now and then one rude reply.
    for (let hour = 0; hour < 96; hour += 3)
      await ingest(
        new Date(start + hour * 3_600_000),
        hour % 24 === 0 ? ["Ihr seid doch alle Idioten"] : ["Wann kommt der Bus wieder?"],
        "post-a",
      );
    now = new Date(start + 100 * 3_600_000);
    expect((await detectShitstorms(t.ctx, { orgId: org.id })).alerts).toBe(0);
    await ingest(
      now,
      Array.from({ length: 14 }, (_, i) => `Ihr Vollidioten im Rathaus seid das Letzte, Versager Nummer ${i}`),
      "post-a",
    );
    expect((await detectShitstorms(t.ctx, { orgId: org.id })).alerts).toBeGreaterThanOrEqual(1);
    expect((await detectShitstorms(t.ctx, { orgId: org.id })).alerts).toBe(0);
    const alerts = await t.ctx.db.select().from(moderationAlerts).where(eq(moderationAlerts.orgId, org.id));
    expect(alerts.find((a) => a.threadExternalId === "post-a")).toMatchObject({ offensive: 14, status: "open" });
    const told = await t.ctx.db.select().from(userNotifications).where(eq(userNotifications.userId, moderator.userId));
    expect(told.some((n) => n.kind === "shitstorm")).toBe(true);
    const cases = await t.ctx.db.select().from(moderationCases).where(eq(moderationCases.orgId, org.id));
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });
});

/** The text a PDF made by pdf-lib draws: each page content stream inflated, each shown string decoded. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const shown: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1] ?? "", "latin1")).toString("latin1");
    } catch {
      continue; // not a compressed content stream (fonts, metadata)
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      shown.push(Buffer.from(text[1] ?? "", "hex").toString("latin1"));
  }
  return shown.join("\n");
}
