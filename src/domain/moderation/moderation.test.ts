import { describe, expect, it } from "vitest";
import { casePriority, reviewRefusal } from "./decisions.js";
import { type EvidenceContent, evidenceHash, verifyEvidence } from "./evidence.js";
import { detectStorm } from "./shitstorm.js";

describe("shitstorm detection (median/MAD)", () => {
  const quiet = [0, 1, 0, 2, 1, 0, 1, 1, 0, 0, 1, 2, 0, 1];
  it("alerts when the current window is far above the robust normal level", () => {
    const verdict = detectStorm({ history: quiet, current: 15, threshold: 6, minOffensive: 8 });
    expect(verdict).toMatchObject({ alert: true, median: 1, current: 15 });
    expect(verdict.score).toBeGreaterThan(6);
  });
  it("does not alert on an ordinary rise, below the minimum, or because of one earlier storm in the history", () => {
    expect(detectStorm({ history: quiet, current: 3, threshold: 6, minOffensive: 8 }).alert).toBe(false);
    expect(detectStorm({ history: [0, 0, 0, 0], current: 7, threshold: 6, minOffensive: 8 }).alert).toBe(false);
    const withStorm = [...quiet, 40];
    expect(detectStorm({ history: withStorm, current: 15, threshold: 6, minOffensive: 8 }).alert).toBe(true);
  });
  it("takes a busy channel's spread into account", () => {
    const busy = [10, 14, 8, 12, 20, 9, 15, 11, 13, 16];
    expect(detectStorm({ history: busy, current: 18, threshold: 6, minOffensive: 8 }).alert).toBe(false);
    expect(detectStorm({ history: busy, current: 60, threshold: 6, minOffensive: 8 }).alert).toBe(true);
  });
});

describe("evidence packages", () => {
  const content: EvidenceContent = {
    organisation: { id: "o", name: "Musterstadt" },
    channel: { network: "website", accountId: "a", accountName: "Website" },
    message: {
      id: "m",
      externalId: "e",
      kind: "comment",
      text: "Drohung",
      normalisedText: "drohung",
      receivedAt: "2026-12-01T10:00:00.000Z",
      url: null,
      payload: { b: 1, a: 2 },
    },
    author: { handle: "h", name: "n", profileUrl: null },
    thread: [],
    analysis: { scores: { threat: 0.9 }, labels: ["THREAT"], reasons: [] },
    securedAt: "2026-12-01T10:00:01.000Z",
    securedBy: "system",
    caseId: "c",
  };
  it("hashes the canonical JSON, so key order (as jsonb stores it) does not matter, and any change shows", () => {
    const hash = evidenceHash(content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyEvidence({ ...content, message: { ...content.message, payload: { a: 2, b: 1 } } }, hash)).toBe(true);
    expect(verifyEvidence({ ...content, message: { ...content.message, text: "Drohung!" } }, hash)).toBe(false);
  });
});

describe("cases and decisions", () => {
  it("puts threats first, then objections, then what was hidden, then held", () => {
    expect(casePriority({ threat: true, pipelineStatus: "held", appealed: false })).toBe(4);
    expect(casePriority({ threat: false, pipelineStatus: "held", appealed: true })).toBe(3);
    expect(casePriority({ threat: false, pipelineStatus: "hidden", appealed: false })).toBe(2);
    expect(casePriority({ threat: false, pipelineStatus: "held", appealed: false })).toBe(1);
  });
  it("lets only a second person review a decided case", () => {
    expect(reviewRefusal({ status: "decided", decidedBy: "u1", reviewer: "u1" })).toBe("own_decision");
    expect(reviewRefusal({ status: "open", decidedBy: null, reviewer: "u2" })).toBe("not_decided");
    expect(reviewRefusal({ status: "decided", decidedBy: "u1", reviewer: "u2" })).toBeNull();
  });
});
