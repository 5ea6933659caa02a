import { describe, expect, it } from "vitest";
import { BUILT_IN_PHASES, type CommentFacts, type CommentPhase, runCommentPipeline } from "./commentPipeline.js";

const facts = (overrides: Partial<CommentFacts> = {}): CommentFacts => ({
  text: "Wann wird die Kita eröffnet?",
  preModeration: "none",
  earlierVisibleBySession: 0,
  sameTextElsewhere: 0,
  ...overrides,
});

describe("comment pipeline", () => {
  it("publishes a comment no phase objects to, recording each phase", async () => {
    const result = await runCommentPipeline(BUILT_IN_PHASES, facts());
    expect(result.status).toBe("visible");
    expect(result.trail.map((t) => t.outcome)).toEqual(["pass", "pass", "pass"]);
  });

  it("holds every comment under full pre-moderation, and only the first one under first-comment moderation", async () => {
    expect((await runCommentPipeline(BUILT_IN_PHASES, facts({ preModeration: "all", earlierVisibleBySession: 3 }))).status).toBe("held");
    expect((await runCommentPipeline(BUILT_IN_PHASES, facts({ preModeration: "first_comment" }))).status).toBe("held");
    expect((await runCommentPipeline(BUILT_IN_PHASES, facts({ preModeration: "first_comment", earlierVisibleBySession: 1 }))).status).toBe("visible");
  });

  it("holds link spam and text pasted under other posts, citing the advertising clause", async () => {
    const links = await runCommentPipeline(BUILT_IN_PHASES, facts({ text: "https://a.de https://b.de www.c.de http://d.de" }));
    expect(links.trail.at(-1)).toEqual({ phase: "many_links", outcome: "held", reason: "many_links", clause: 5 });
    expect((await runCommentPipeline(BUILT_IN_PHASES, facts({ sameTextElsewhere: 2 }))).trail.at(-1)?.reason).toBe("repeated_elsewhere");
  });

  it("stops at the first verdict and treats a failing phase as that phase declares", async () => {
    const hide: CommentPhase<CommentFacts> = { id: "hide", onError: "hold", run: () => ({ status: "hidden", reason: "test", clause: 3 }) };
    const never: CommentPhase<CommentFacts> = { id: "never", onError: "hold", run: () => { throw new Error("must not run"); } };
    expect((await runCommentPipeline([hide, never], facts())).status).toBe("hidden");
    const broken = (onError: "hold" | "pass"): CommentPhase<CommentFacts> => ({ id: "broken", onError, run: () => { throw new Error("model missing"); } });
    const held = await runCommentPipeline([broken("hold")], facts());
    expect(held).toMatchObject({ status: "held", trail: [{ phase: "broken", outcome: "failed", reason: "on_error_hold" }] });
    expect(held.failures).toHaveLength(1);
    expect((await runCommentPipeline([broken("pass")], facts())).status).toBe("visible");
  });
});
