import { describe, expect, it } from "vitest";
import { GENESIS_HASH, type StoredAuditEvent, canonicalJson, computeAuditHash, verifyChain } from "./auditChain.js";

function chain(length: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content = {
      chainId: "org",
      seq,
      occurredAt: new Date(Date.UTC(2026, 10, 24, 10, seq)),
      actorUserId: "u1",
      actorLabel: "a@example.org",
      action: "department.created",
      targetType: "department",
      targetId: `d${seq}`,
      data: { name: `Amt ${seq}`, nested: { b: 1, a: [1, 2] } },
      prevHash,
    };
    const hash = computeAuditHash(content);
    events.push({ ...content, id: `e${seq}`, hash });
    prevHash = hash;
  }
  return events;
}
const headOf = (events: StoredAuditEvent[]) => ({
  lastSeq: events.length,
  lastHash: events.at(-1)?.hash ?? GENESIS_HASH,
});

describe("audit chain", () => {
  it("serialises objects independent of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it("verifies an intact chain", () => {
    const events = chain(5);
    expect(verifyChain(events, headOf(events))).toEqual([]);
  });

  it("detects an altered event", () => {
    const events = chain(5);
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, data: { name: "Anders" } } : e));
    expect(verifyChain(tampered, headOf(events))).toContainEqual({ kind: "hash_mismatch", seq: 3, eventId: "e3" });
  });

  it("detects a deleted event in the middle", () => {
    const events = chain(5);
    const problems = verifyChain(
      events.filter((e) => e.seq !== 2),
      headOf(events),
    );
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["sequence_gap", "broken_link"]));
  });

  it("detects deletion of the newest events through the chain head", () => {
    const events = chain(5);
    expect(verifyChain(events.slice(0, 4), headOf(events))).toEqual([
      { kind: "head_mismatch", expectedSeq: 5, foundSeq: 4 },
    ]);
  });

  it("detects an inserted event even if its own hash is right", () => {
    const events = chain(3);
    const forgedContent = { ...events[1]!, targetId: "forged", seq: 2, prevHash: events[0]!.hash };
    const forged = { ...forgedContent, id: "x", hash: computeAuditHash(forgedContent) };
    const withInsert = [events[0]!, forged, ...events.slice(1).map((e) => ({ ...e, seq: e.seq + 1 }))];
    const problems = verifyChain(withInsert, { lastSeq: 4, lastHash: events[2]!.hash });
    expect(problems.length).toBeGreaterThan(0);
  });
});
