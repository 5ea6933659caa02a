// Moderators' threat labels on the real database: kept per case with the text and the analyser's verdict,
// replaced by a later decision and kept through an overturning review; a "threat" the pipeline missed takes
// the threat path once (evidence, alert, audit); a pipeline threat labelled "not a threat" keeps its evidence;
// a citizen's own deletion takes the label's text; and only moderators may label.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  evidencePackages,
  inboundMessages,
  moderationCases,
  threatLabels,
  userNotifications,
} from "../src/db/schema/index.js";
import { buildMember } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-24T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const INSULT = "Der Bürgermeister ist ein unfähiger Vollidiot und Versager";
const THREAT = "Den Bürgermeister sollte man aufhängen, wir wissen wo er wohnt.";

async function labelScene() {
  const scene = await buildWebsiteScene(t.ctx);
  const moderator = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
  const colleague = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
  const citizen = await startCitizen(t.app, scene.org.slug, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
  await citizen.acceptNetiquette(scene.netiquette.id);
  const mod = await signIn(t.app, moderator.email, moderator.password);
  const second = await signIn(t.app, colleague.email, colleague.password);
  const base = `/api/orgs/${scene.org.id}/moderation/cases`;
  return {
    ...scene,
    moderator,
    colleague,
    citizen,
    mod,
    second,
    /** A citizen's comment and the case the pipeline opened for it. */
    async caseFor(text: string) {
      const posted = await citizen.comment(scene.entryId, { text });
      expect(posted.statusCode).toBe(201);
      const { id: commentId, deleteUrl } = posted.json() as { id: string; deleteUrl: string };
      const [row] = await t.ctx.db
        .select({ c: moderationCases, analysis: inboundMessages.analysis })
        .from(moderationCases)
        .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
        .where(eq(inboundMessages.externalId, commentId));
      if (!row) throw new Error("the comment opened no case");
      return { ...row.c, commentId, deleteToken: new URL(deleteUrl).searchParams.get("token") ?? "", row };
    },
    decide: (who: SignedIn, caseId: string, body: Record<string, unknown>) =>
      who.request("POST", `${base}/${caseId}/decision`, { action: "hide", clause: 3, reason: "Geprüft", ...body }),
    reopen: (caseId: string) => mod.request("POST", `${base}/${caseId}/appeal`, { text: "Einspruch per Telefon" }),
    detail: async (caseId: string) =>
      (await mod.request("GET", `${base}/${caseId}`)).json() as { threat: boolean; threatLabel: string | null },
  };
}

const labelsOf = (caseId: string) => t.ctx.db.select().from(threatLabels).where(eq(threatLabels.caseId, caseId));
const evidenceOf = (caseId: string) =>
  t.ctx.db.select().from(evidencePackages).where(eq(evidencePackages.caseId, caseId));
const escalationsOf = (caseId: string) =>
  t.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, caseId), eq(auditEvents.action, "moderation.threat_escalated")));
const threatAlertsOf = (caseId: string) =>
  t.ctx.db
    .select()
    .from(userNotifications)
    .where(and(eq(userNotifications.moderationCaseId, caseId), eq(userNotifications.kind, "threat")));

describe("a moderator's threat label", () => {
  it("is kept with the text as analysed, the analyser's name and threat score, who decided and when", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    expect(held.threat).toBe(false);
    const decided = await s.decide(s.mod, held.id, { threat: "not_threat" });
    expect(decided.statusCode).toBe(200);

    const analysis = held.row.analysis as { analyser: string; scores: { threat: number } };
    expect(await labelsOf(held.id)).toEqual([
      expect.objectContaining({
        orgId: s.org.id,
        text: INSULT,
        label: "not_threat",
        analyser: analysis.analyser,
        threatScore: expect.closeTo(analysis.scores.threat, 5),
        decidedByUserId: s.moderator.userId,
        decidedAt: now,
      }),
    ]);
    expect(analysis.analyser).toMatch(/\w/);
    expect((await s.detail(held.id)).threatLabel).toBe("not_threat");
    const [audit] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, held.id), eq(auditEvents.action, "moderation.decided")));
    expect(audit?.data).toMatchObject({ threatLabel: "not_threat" });
    // Saying "not a threat" about a case that was none changes nothing else.
    expect(await evidenceOf(held.id)).toHaveLength(0);
    expect(await threatAlertsOf(held.id)).toHaveLength(0);
  });

  it("keeps nothing when the moderator says nothing", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    expect((await s.decide(s.mod, held.id, {})).statusCode).toBe(200);
    expect(await labelsOf(held.id)).toEqual([]);
    expect((await s.detail(held.id)).threatLabel).toBeNull();
  });

  it("stays through an overturning review and is replaced by the next decision's label", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    await s.decide(s.mod, held.id, { threat: "not_threat" });
    const overturned = await s.second.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/review`, {
      verdict: "overturned",
      note: "Das ist eine versteckte Drohung",
    });
    expect(overturned.json()).toMatchObject({ status: "reopened" });
    expect((await labelsOf(held.id)).map((l) => l.label)).toEqual(["not_threat"]);

    now = new Date(now.getTime() + 60_000);
    expect((await s.decide(s.second, held.id, { threat: "threat" })).statusCode).toBe(200);
    const labels = await labelsOf(held.id);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ label: "threat", decidedByUserId: s.colleague.userId, decidedAt: now });
  });

  it("takes a threat the pipeline missed down the threat path: priority, evidence and the alert, exactly once", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    expect(held).toMatchObject({ threat: false, priority: 1 });
    expect(await evidenceOf(held.id)).toHaveLength(0);

    expect((await s.decide(s.mod, held.id, { threat: "threat" })).statusCode).toBe(200);
    const [escalated] = await t.ctx.db.select().from(moderationCases).where(eq(moderationCases.id, held.id));
    expect(escalated).toMatchObject({ threat: true, priority: 4, status: "decided" });
    expect((await s.detail(held.id)).threat).toBe(true);
    const evidence = await evidenceOf(held.id);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.content).toMatchObject({ securedBy: s.moderator.email, message: { text: INSULT } });
    const alerts = await threatAlertsOf(held.id);
    expect(alerts.map((a) => a.userId)).toEqual(expect.arrayContaining([s.moderator.userId, s.colleague.userId]));
    const escalations = await escalationsOf(held.id);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actorUserId: s.moderator.userId });
    expect(escalations[0]?.data).toMatchObject({ evidenceId: evidence[0]?.id, sha256: evidence[0]?.sha256 });

    // Reopened and labelled a threat again: the case is one already, nothing is raised twice.
    expect((await s.reopen(held.id)).statusCode).toBe(200);
    expect((await s.decide(s.second, held.id, { threat: "threat" })).statusCode).toBe(200);
    expect(await evidenceOf(held.id)).toHaveLength(1);
    expect(await threatAlertsOf(held.id)).toHaveLength(alerts.length);
    expect(await escalationsOf(held.id)).toHaveLength(1);
  });

  it("names evidence secured earlier on request instead of securing another package", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    const secured = await s.mod.request("POST", `/api/orgs/${s.org.id}/moderation/cases/${held.id}/evidence`);
    expect(secured.statusCode).toBe(201);
    await s.decide(s.mod, held.id, { threat: "threat" });
    const evidence = await evidenceOf(held.id);
    expect(evidence.map((e) => e.id)).toEqual([(secured.json() as { id: string }).id]);
    const [escalation] = await escalationsOf(held.id);
    expect(escalation?.data).toMatchObject({ evidenceId: evidence[0]?.id, evidenceSecuredBefore: true });
  });

  it("records 'not a threat' on a threat the pipeline found, and keeps its evidence and its one alert", async () => {
    const s = await labelScene();
    const threat = await s.caseFor(THREAT);
    expect(threat.threat).toBe(true);
    const evidence = await evidenceOf(threat.id);
    expect(evidence).toHaveLength(1);
    const alerts = (await threatAlertsOf(threat.id)).length;

    expect((await s.decide(s.mod, threat.id, { action: "delete", clause: 4, threat: "not_threat" })).statusCode).toBe(
      200,
    );
    expect((await labelsOf(threat.id)).map((l) => l.label)).toEqual(["not_threat"]);
    expect(await evidenceOf(threat.id)).toEqual(evidence);
    expect(await threatAlertsOf(threat.id)).toHaveLength(alerts);
    expect(await escalationsOf(threat.id)).toHaveLength(1);
    expect((await s.detail(threat.id)).threat).toBe(true);
  });

  it("goes with the text when the citizen deletes their comment; the evidence stays", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    await s.decide(s.mod, held.id, { threat: "threat" });
    expect(await labelsOf(held.id)).toHaveLength(1);
    const deleted = await s.citizen.call("POST", `/comments/${held.commentId}/delete`, { token: held.deleteToken });
    expect(deleted.statusCode).toBe(200);
    expect(await labelsOf(held.id)).toEqual([]);
    expect(await evidenceOf(held.id)).toHaveLength(1);
  });

  it("can be given only by people who may decide moderation, and only as threat or not_threat", async () => {
    const s = await labelScene();
    const held = await s.caseFor(INSULT);
    const editor = await buildMember(t.ctx, s.org.id, { roles: ["editor"] });
    const refused = await s.decide(await signIn(t.app, editor.email, editor.password), held.id, { threat: "threat" });
    expect(refused.statusCode).toBe(403);
    const invalid = await s.decide(s.mod, held.id, { threat: "vielleicht" });
    expect(invalid.statusCode).toBe(400);
    expect(await labelsOf(held.id)).toEqual([]);
    const [unchanged] = await t.ctx.db.select().from(moderationCases).where(eq(moderationCases.id, held.id));
    expect(unchanged).toMatchObject({ threat: false, status: "open" });
    expect(await evidenceOf(held.id)).toHaveLength(0);
  });
});
