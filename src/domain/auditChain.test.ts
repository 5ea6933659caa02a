import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AuditEventContent,
  type ChainHead,
  GENESIS_HASH,
  type StoredAuditEvent,
  anchorMac,
  canonicalJson,
  checkExportedHead,
  computeAuditHash,
  computeKeyedAuditHash,
  headMac,
  proposeAnchor,
  verifyChain,
} from "./auditChain.js";

const key = randomBytes(32);

/** A chain of `length` events; those before `keyedFromSeq` hashed the old, public way. */
function chain(length: number, keyedFromSeq = 1): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content: AuditEventContent = {
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
    const hash = seq < keyedFromSeq ? computeAuditHash(content) : computeKeyedAuditHash(content, key);
    events.push({ ...content, id: `e${seq}`, hash });
    prevHash = hash;
  }
  return events;
}
const headOf = (events: StoredAuditEvent[]): ChainHead => {
  const head = { lastSeq: events.length, lastHash: events.at(-1)?.hash ?? GENESIS_HASH };
  return { ...head, mac: headMac(key, "org", head) };
};
const verify = (
  events: StoredAuditEvent[],
  head = headOf(events),
  anchor: Parameters<typeof verifyChain>[2]["anchor"] = null,
) => verifyChain("org", events, { key, head, anchor });

/** What someone with database access but without the key can do: recompute with the public hash. */
function rewritePublicly(events: StoredAuditEvent[], fromSeq: number): StoredAuditEvent[] {
  const out: StoredAuditEvent[] = [];
  for (const event of events) {
    if (event.seq < fromSeq) out.push(event);
    else {
      const prevHash = out.at(-1)?.hash ?? GENESIS_HASH;
      const changed = { ...event, actorLabel: event.seq === fromSeq ? "jemand" : event.actorLabel, prevHash };
      out.push({ ...changed, hash: computeAuditHash(changed) });
    }
  }
  return out;
}
const plainHead = (events: StoredAuditEvent[]): ChainHead => ({
  lastSeq: events.length,
  lastHash: events.at(-1)?.hash ?? GENESIS_HASH,
  mac: null,
});

describe("audit chain", () => {
  it("serialises objects independent of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it("verifies an intact chain", () => {
    expect(verify(chain(5))).toEqual([]);
  });

  it("detects an altered event", () => {
    const events = chain(5);
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, data: { name: "Anders" } } : e));
    expect(verify(tampered, headOf(events))).toContainEqual({ kind: "hash_mismatch", seq: 3, eventId: "e3" });
  });

  it("detects a deleted event in the middle", () => {
    const events = chain(5);
    const problems = verify(
      events.filter((e) => e.seq !== 2),
      headOf(events),
    );
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["sequence_gap", "broken_link"]));
  });

  it("detects deletion of the newest events through the chain head", () => {
    const events = chain(5);
    expect(verify(events.slice(0, 4), headOf(events))).toEqual([
      { kind: "head_mismatch", expectedSeq: 5, foundSeq: 4 },
    ]);
  });

  it("detects a head set by hand after deleting the newest events, unless an old signed head is replayed", () => {
    const events = chain(5);
    const shortened = events.slice(0, 4);
    expect(verify(shortened, plainHead(shortened))).toEqual([{ kind: "head_not_signed" }]);
    // The limit: a signed head copied earlier matches the shortened chain; only an exported head tells.
    expect(verify(shortened, headOf(shortened))).toEqual([]);
    const exported = { chainId: "org", seq: 5, hash: events[4]?.hash ?? "" };
    expect(checkExportedHead(shortened, exported)).toEqual({
      kind: "exported_head_missing",
      seq: 5,
      hash: exported.hash,
    });
    expect(checkExportedHead(events, exported)).toBeNull();
  });

  it("detects an inserted event even if its own hash is right", () => {
    const [first, second, third] = chain(3);
    if (!first || !second || !third) throw new Error("chain too short");
    const forgedContent = { ...second, targetId: "forged", seq: 2, prevHash: first.hash };
    const forged = { ...forgedContent, id: "x", hash: computeAuditHash(forgedContent) };
    const withInsert = [first, forged, { ...second, seq: 3 }, { ...third, seq: 4 }];
    const problems = verify(withInsert, { lastSeq: 4, lastHash: third.hash, mac: null });
    expect(problems.length).toBeGreaterThan(0);
  });

  it("detects a chain rewritten with the public hash and a matching head, without the key", () => {
    const rewritten = rewritePublicly(chain(5), 2);
    expect(verify(rewritten, plainHead(rewritten))).toEqual([
      { kind: "not_keyed", fromSeq: 2, toSeq: 5 },
      { kind: "head_not_signed" },
    ]);
  });

  it("accepts the plain prefix of a chain begun before the key only behind a valid anchor", () => {
    const events = chain(6, 4);
    expect(verify(events)).toEqual([{ kind: "not_keyed", fromSeq: 1, toSeq: 3 }]);
    const proposed = proposeAnchor(events, key);
    expect(proposed).toEqual({ keyedFromSeq: 4, prevHash: events[2]?.hash });
    if (!proposed) throw new Error("no anchor proposed");
    const anchor = { ...proposed, mac: anchorMac(key, "org", proposed) };
    expect(verify(events, headOf(events), anchor)).toEqual([]);

    // Moving the anchor to pass keyed events off as plain ones needs the key.
    const moved = { ...anchor, keyedFromSeq: 7 };
    expect(verify(rewritePublicly(events, 5), undefined, moved)).toContainEqual({ kind: "anchor_invalid" });
    // Rewriting the plain prefix breaks the link into the first keyed event.
    const prefixRewritten = rewritePublicly(events.slice(0, 3), 2).concat(events.slice(3));
    expect(verify(prefixRewritten, headOf(events), anchor).map((p) => p.kind)).toEqual(
      expect.arrayContaining(["broken_link"]),
    );
  });

  it("anchors a chain with no keyed events after its last event, binding the whole prefix", () => {
    const events = chain(3, 4);
    const proposed = proposeAnchor(events, key);
    expect(proposed).toEqual({ keyedFromSeq: 4, prevHash: events[2]?.hash });
    if (!proposed) throw new Error("no anchor proposed");
    const anchor = { ...proposed, mac: anchorMac(key, "org", proposed) };
    expect(verify(events, headOf(events), anchor)).toEqual([]);
    const rewritten = rewritePublicly(events, 2);
    expect(verify(rewritten, headOf(rewritten), anchor)).toEqual([{ kind: "anchor_invalid" }]);
    expect(proposeAnchor(chain(3), key)).toBeNull();
  });
});
