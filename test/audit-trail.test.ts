import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../src/app/audit/verify-audit-trail.js";
import { buildMember, buildOrg } from "./support/factories.js";
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

  it("detects an inserted event", async () => {
    const { org } = await orgWithHistory();
    await tamper(sql`
      INSERT INTO audit_events (chain_id, seq, org_id, actor_label, action, data, occurred_at, prev_hash, hash)
      SELECT chain_id, 100, org_id, 'eindringling', 'member.added', '{}', now(), hash, repeat('a', 64)
      FROM audit_events WHERE chain_id = ${org.id} ORDER BY seq DESC LIMIT 1`);
    expect((await problemsOf(org.id)).length).toBeGreaterThan(0);
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
