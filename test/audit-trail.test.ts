import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorAuditChains } from "../src/app/audit/anchor-audit-chains.js";
import { appendAuditEvent } from "../src/app/audit/auditTrail.js";
import { exportAuditHeads } from "../src/app/audit/export-audit-heads.js";
import { resealAuditChain } from "../src/app/audit/reseal-audit-chain.js";
import { verifyAuditTrail } from "../src/app/audit/verify-audit-trail.js";
import { auditChains, auditEvents } from "../src/db/schema/index.js";
import { GENESIS_HASH, computeAuditHash } from "../src/domain/auditChain.js";
import { rewriteChainWithPublicAlgorithm } from "./support/auditAttack.js";
import { SYSTEM, buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Simulates an attacker with database rights who bypasses the append-only trigger. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
}

async function orgWithHistory() {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const admin = await signIn(t.app, member.email, member.password);
  for (const name of ["Bürgeramt", "Ordnungsamt", "Tiefbauamt"])
    await admin.request("POST", `/api/orgs/${org.id}/departments`, { name });
  return { org, admin, member };
}

const problemsOf = async (chainId: string) => (await verifyAuditTrail(t.ctx, { chainId }))[0]?.problems ?? [];

describe("audit trail", () => {
  it("records who did what to which target, visible to the organisation's administrators", async () => {
    const { org, admin, member } = await orgWithHistory();
    const events = (await admin.request("GET", `/api/orgs/${org.id}/audit`)).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      "department.created",
      "department.created",
      "department.created",
      "auth.login",
      "member.added",
      "org.created",
    ]);
    expect(events[0]).toMatchObject({
      actorLabel: member.email,
      targetType: "department",
      data: { name: "Tiefbauamt" },
    });
    expect(await problemsOf(org.id)).toEqual([]);
  });

  it("is refused by the database when someone tries to change or delete an event", async () => {
    const { org } = await orgWithHistory();
    await expect(
      t.ctx.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE chain_id = ${org.id}`),
    ).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`DELETE FROM audit_events WHERE chain_id = ${org.id}`)).rejects.toThrow();
  });

  it("detects an altered event", async () => {
    const { org } = await orgWithHistory();
    await tamper(sql`UPDATE audit_events SET data = '{"name":"Anderes Amt"}' WHERE chain_id = ${org.id} AND seq = 4`);
    expect(await problemsOf(org.id)).toEqual([expect.objectContaining({ kind: "hash_mismatch", seq: 4 })]);
  });

  it("detects a deleted event", async () => {
    const { org } = await orgWithHistory();
    await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${org.id} AND seq = 3`);
    const kinds = (await problemsOf(org.id)).map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(["sequence_gap", "broken_link"]));
  });

  it("detects deletion of the newest event", async () => {
    const { org } = await orgWithHistory();
    await tamper(
      sql`DELETE FROM audit_events WHERE chain_id = ${org.id} AND seq = (SELECT max(seq) FROM audit_events WHERE chain_id = ${org.id})`,
    );
    expect((await problemsOf(org.id)).map((p) => p.kind)).toEqual(["head_mismatch"]);
  });

  it("detects a chain rewritten with the public algorithm and a matching head, made without the audit key", async () => {
    const { org } = await orgWithHistory();
    expect(await problemsOf(org.id)).toEqual([]);
    await rewriteChainWithPublicAlgorithm(t.ctx.db, { chainId: org.id, seq: 2, change: { actorLabel: "jemand" } });
    expect(await problemsOf(org.id)).not.toEqual([]);
  });

  it("detects an inserted event", async () => {
    const { org } = await orgWithHistory();
    await tamper(sql`
      INSERT INTO audit_events (chain_id, seq, org_id, actor_label, action, data, occurred_at, prev_hash, hash)
      SELECT chain_id, 100, org_id, 'eindringling', 'member.added', '{}', now(), hash, repeat('a', 64)
      FROM audit_events WHERE chain_id = ${org.id} ORDER BY seq DESC LIMIT 1`);
    expect((await problemsOf(org.id)).length).toBeGreaterThan(0);
  });

  it.each([
    ["a made-up MAC", "ab".repeat(32)],
    ["no MAC", null],
  ])(
    "refuses to extend a chain whose newest events were deleted and whose head was set by hand (%s), so verify still sees it",
    async (_label, forgedMac) => {
      const { org, admin } = await orgWithHistory();
      await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${org.id} AND seq > 4`);
      await t.ctx.db.execute(sql`
        UPDATE audit_chains SET last_seq = 4, head_mac = ${forgedMac},
          last_hash = (SELECT hash FROM audit_events WHERE chain_id = ${org.id} AND seq = 4)
        WHERE chain_id = ${org.id}`);
      expect(await problemsOf(org.id)).toEqual([{ kind: "head_not_signed" }]);

      // Any ordinary action appends to the chain: it must not sign the forged head anew.
      const response = await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" });
      expect(response.statusCode).toBe(500);
      expect(response.json().error).toMatchObject({
        code: "DRAHT_ERR_AUDIT_TRAIL_DAMAGED",
        details: { chainId: org.id, reason: "head_not_signed" },
      });
      expect(await problemsOf(org.id)).toEqual([{ kind: "head_not_signed" }]);
      const names = (await admin.request("GET", `/api/orgs/${org.id}/departments`)).json();
      expect(JSON.stringify(names)).not.toContain("Stadtkasse");
    },
  );

  it("takes actions again once the operator has resealed the chain, which keeps the head it found", async () => {
    const { org, admin } = await orgWithHistory();
    await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${org.id} AND seq > 4`);
    await t.ctx.db.execute(sql`
      UPDATE audit_chains SET last_seq = 4, head_mac = NULL,
        last_hash = (SELECT hash FROM audit_events WHERE chain_id = ${org.id} AND seq = 4)
      WHERE chain_id = ${org.id}`);
    expect((await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" })).statusCode).toBe(
      500,
    );

    const operator = { userId: null, label: "cli" };
    expect(await resealAuditChain(t.ctx, { chainId: org.id, actor: operator })).toEqual({
      chainId: org.id,
      outcome: "resealed",
      problems: [{ kind: "head_not_signed" }],
      resealedAtSeq: 5,
    });
    expect(await resealAuditChain(t.ctx, { chainId: org.id, actor: operator })).toMatchObject({
      outcome: "not_needed",
      problems: [],
    });
    expect((await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" })).statusCode).toBe(
      201,
    );
    expect(await problemsOf(org.id)).toEqual([]);
    const events = (await admin.request("GET", `/api/orgs/${org.id}/audit`)).json().events;
    expect(events[1]).toMatchObject({
      action: "audit.chain_resealed",
      actorLabel: "cli",
      data: { foundHead: { lastSeq: 4, signed: false }, resealedAfterSeq: 4, problemCount: 1 },
    });
  });

  it("refuses to start a chain afresh whose head row was deleted while its events remain", async () => {
    const { org, admin } = await orgWithHistory();
    await t.ctx.db.delete(auditChains).where(eq(auditChains.chainId, org.id));
    const response = await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" });
    expect(response.json().error).toMatchObject({
      code: "DRAHT_ERR_AUDIT_TRAIL_DAMAGED",
      details: { chainId: org.id, reason: "head_mismatch" },
    });
    const resealed = await resealAuditChain(t.ctx, { chainId: org.id, actor: { userId: null, label: "cli" } });
    expect(resealed).toMatchObject({ outcome: "resealed", resealedAtSeq: 7 });
    expect((await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" })).statusCode).toBe(
      201,
    );
    expect(await problemsOf(org.id)).toEqual([]);
  });

  it("keeps chains of concurrent writers gapless", async () => {
    const { org, admin } = await orgWithHistory();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        admin.request("POST", `/api/orgs/${org.id}/departments`, { name: `Amt ${i}` }),
      ),
    );
    const [report] = await verifyAuditTrail(t.ctx, { chainId: org.id });
    expect(report).toMatchObject({ events: 18, problems: [] });
  });
});

/** A chain as draht wrote it before the audit key: public SHA-256 hashes and an unsigned head. */
async function writeChainFromBeforeTheKey(events: number): Promise<string> {
  const chainId = randomUUID();
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= events; seq++) {
    const content = {
      chainId,
      seq,
      occurredAt: new Date(Date.UTC(2025, 0, 1, 9, seq)),
      actorUserId: null,
      actorLabel: "cli",
      action: "department.created",
      targetType: null,
      targetId: null,
      data: { name: `Amt ${seq}` },
      prevHash,
    };
    prevHash = computeAuditHash(content);
    await t.ctx.db.insert(auditEvents).values({ ...content, orgId: chainId, hash: prevHash });
  }
  await t.ctx.db.insert(auditChains).values({ chainId, lastSeq: events, lastHash: prevHash });
  return chainId;
}

const appendTo = (chainId: string, name: string) =>
  appendAuditEvent(t.ctx.db, {
    orgId: chainId,
    actor: SYSTEM,
    action: "department.created",
    data: { name },
    occurredAt: new Date(),
  });

describe("audit trail begun before the audit key", () => {
  it("reports its plain events until anchored once, then verifies old and new events", async () => {
    const chainId = await writeChainFromBeforeTheKey(3);
    await appendTo(chainId, "Neues Amt");
    expect(await problemsOf(chainId)).toEqual([{ kind: "not_keyed", fromSeq: 1, toSeq: 3 }]);

    expect(await anchorAuditChains(t.ctx, { chainId })).toEqual([{ chainId, outcome: "anchored", keyedFromSeq: 4 }]);
    expect(await anchorAuditChains(t.ctx, { chainId })).toEqual([{ chainId, outcome: "already_anchored" }]);
    await appendTo(chainId, "Noch ein Amt");
    const [report] = await verifyAuditTrail(t.ctx, { chainId });
    expect(report).toMatchObject({ events: 5, keyedFromSeq: 4, problems: [] });

    await rewriteChainWithPublicAlgorithm(t.ctx.db, { chainId, seq: 2, change: { actorLabel: "jemand" } });
    expect((await problemsOf(chainId)).map((p) => p.kind)).toEqual(expect.arrayContaining(["not_keyed"]));
  });

  it("refuses an unsigned head on an anchored chain whose keyed events were deleted down to the plain prefix", async () => {
    const chainId = await writeChainFromBeforeTheKey(3);
    await appendTo(chainId, "Neues Amt");
    await anchorAuditChains(t.ctx, { chainId });
    await appendTo(chainId, "Noch ein Amt");
    await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${chainId} AND seq > 3`);
    await t.ctx.db.execute(sql`
      UPDATE audit_chains SET last_seq = 3, head_mac = NULL,
        last_hash = (SELECT hash FROM audit_events WHERE chain_id = ${chainId} AND seq = 3)
      WHERE chain_id = ${chainId}`);
    await expect(appendTo(chainId, "Amt nach dem Löschen")).rejects.toMatchObject({ code: "AUDIT_TRAIL_DAMAGED" });
    expect(await problemsOf(chainId)).toEqual([{ kind: "head_not_signed" }]);
  });

  it("refuses to anchor a chain whose keyed events were deleted and whose head was set by hand", async () => {
    const chainId = await writeChainFromBeforeTheKey(2);
    for (const name of ["Neues Amt", "Noch ein Amt"]) await appendTo(chainId, name);
    await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${chainId} AND seq > 3`);
    await t.ctx.db.execute(sql`
      UPDATE audit_chains SET last_seq = 3, head_mac = NULL,
        last_hash = (SELECT hash FROM audit_events WHERE chain_id = ${chainId} AND seq = 3)
      WHERE chain_id = ${chainId}`);
    expect(await anchorAuditChains(t.ctx, { chainId })).toEqual([
      { chainId, outcome: "refused", problems: [{ kind: "head_not_signed" }] },
    ]);
    expect((await problemsOf(chainId)).map((p) => p.kind)).toContain("head_not_signed");
  });

  it("anchors a chain without keyed events after its last event, and refuses to anchor a broken one", async () => {
    const intact = await writeChainFromBeforeTheKey(2);
    expect(await anchorAuditChains(t.ctx, { chainId: intact })).toEqual([
      { chainId: intact, outcome: "anchored", keyedFromSeq: 3 },
    ]);
    expect(await problemsOf(intact)).toEqual([]);

    const broken = await writeChainFromBeforeTheKey(3);
    await tamper(sql`UPDATE audit_events SET actor_label = 'jemand' WHERE chain_id = ${broken} AND seq = 2`);
    const [outcome] = await anchorAuditChains(t.ctx, { chainId: broken });
    expect(outcome).toMatchObject({ outcome: "refused" });
  });
});

describe("exported heads", () => {
  it("show that the newest events were deleted even when an older head row is put back", async () => {
    const { org, admin } = await orgWithHistory();
    const [snapshot] = await t.ctx.db.select().from(auditChains).where(eq(auditChains.chainId, org.id));
    if (!snapshot) throw new Error("no head");
    await admin.request("POST", `/api/orgs/${org.id}/departments`, { name: "Stadtkasse" });
    const { exported } = await exportAuditHeads(t.ctx, { chainId: org.id });
    if (!exported) throw new Error("nothing exported");
    expect(exported.heads).toEqual([expect.objectContaining({ chainId: org.id, seq: snapshot.lastSeq + 1 })]);
    expect(await verifyAuditTrail(t.ctx, { chainId: org.id, exportedHeads: exported })).toEqual([
      expect.objectContaining({ problems: [] }),
    ]);

    await tamper(sql`DELETE FROM audit_events WHERE chain_id = ${org.id} AND seq > ${snapshot.lastSeq}`);
    await t.ctx.db.update(auditChains).set(snapshot).where(eq(auditChains.chainId, org.id));
    // Without the exported head the shortened chain looks whole: that is what exporting is for.
    expect(await problemsOf(org.id)).toEqual([]);
    const [report] = await verifyAuditTrail(t.ctx, { chainId: org.id, exportedHeads: exported });
    expect(report?.problems).toEqual([
      { kind: "exported_head_missing", seq: snapshot.lastSeq + 1, hash: exported.heads[0]?.hash },
    ]);
  });

  it("are refused when not signed with this installation's audit key", async () => {
    const { org } = await orgWithHistory();
    const { exported } = await exportAuditHeads(t.ctx, { chainId: org.id });
    if (!exported) throw new Error("nothing exported");
    const forged = { ...exported, heads: exported.heads.map((h) => ({ ...h, seq: h.seq - 1 })) };
    await expect(verifyAuditTrail(t.ctx, { exportedHeads: forged })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("are not made for a damaged chain", async () => {
    const { org } = await orgWithHistory();
    await rewriteChainWithPublicAlgorithm(t.ctx.db, { chainId: org.id, seq: 3, change: { actorLabel: "jemand" } });
    const result = await exportAuditHeads(t.ctx, { chainId: org.id });
    expect(result.exported).toBeNull();
    expect(result.damaged).toHaveLength(1);
  });
});
