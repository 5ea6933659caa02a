import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { actionsToSubmit, checkApprover, nextStatus, strictestMode } from "./postWorkflow.js";

describe("post workflow", () => {
  it("moves a draft through review to scheduled and refuses edits in review", () => {
    expect(nextStatus("draft", "submit_for_review")).toBe("in_review");
    expect(nextStatus("in_review", "approve_final")).toBe("scheduled");
    expect(() => nextStatus("in_review", "edit")).toThrow(AppError);
    expect(() => nextStatus("published", "withdraw")).toThrow(/INVALID_TRANSITION/);
  });

  it("lets a failed post be retried", () => {
    expect(nextStatus("failed", "retry")).toBe("scheduled");
  });

  it("takes the strictest approval mode of all target accounts", () => {
    expect(strictestMode(["none", "four_eyes", "single"])).toBe("four_eyes");
    expect(strictestMode([])).toBe("none");
  });
});

describe("what submitting asks of the author", () => {
  it("asks only for the right to submit when the post goes to approval, with or without a time", () => {
    expect(actionsToSubmit({ mode: "single", immediately: true })).toEqual(["post.submit"]);
    expect(actionsToSubmit({ mode: "chain", immediately: false })).toEqual(["post.submit"]);
  });

  it("asks for the right to publish or to schedule when the post goes straight out", () => {
    expect(actionsToSubmit({ mode: "none", immediately: true })).toEqual(["post.submit", "post.publish"]);
    expect(actionsToSubmit({ mode: "none", immediately: false })).toEqual(["post.submit", "post.schedule"]);
  });
});

describe("who may approve", () => {
  const base = { authorUserId: "author", approverRoles: ["press_office" as const] };

  it("never lets the author approve their own post", () => {
    expect(checkApprover({ ...base, mode: "single", approvals: [], approverUserId: "author" })).toEqual({
      ok: false,
      reason: "own_post",
    });
  });

  it("needs two different people under the four-eyes rule", () => {
    const first = checkApprover({ ...base, mode: "four_eyes", approvals: [], approverUserId: "p1" });
    expect(first).toEqual({ ok: true, step: 0, final: false });
    const again = checkApprover({
      ...base,
      mode: "four_eyes",
      approvals: [{ userId: "p1", step: 0 }],
      approverUserId: "p1",
    });
    expect(again).toEqual({ ok: false, reason: "already_approved" });
    const second = checkApprover({
      ...base,
      mode: "four_eyes",
      approvals: [{ userId: "p1", step: 0 }],
      approverUserId: "p2",
    });
    expect(second).toEqual({ ok: true, step: 1, final: true });
  });

  it("asks the department head first and the press office second in a chain", () => {
    const press = checkApprover({ ...base, mode: "chain", approvals: [], approverUserId: "p1" });
    expect(press).toEqual({ ok: false, reason: "step_role" });
    const head = checkApprover({
      ...base,
      mode: "chain",
      approvals: [],
      approverUserId: "h1",
      approverRoles: ["department_head"],
    });
    expect(head).toEqual({ ok: true, step: 0, final: false });
    const then = checkApprover({
      ...base,
      mode: "chain",
      approvals: [{ userId: "h1", step: 0 }],
      approverUserId: "p1",
    });
    expect(then).toEqual({ ok: true, step: 1, final: true });
  });
});

describe("campaign fast lane", () => {
  it("keeps only unchanged template text in the fast lane", async () => {
    const { campaignContentType } = await import("./postWorkflow.js");
    expect(
      campaignContentType({
        templateText: "Wir sind  unterwegs! #24hPolizei",
        text: "Wir sind unterwegs! #24hPolizei\n",
      }),
    ).toBe("campaign_template");
    expect(
      campaignContentType({ templateText: "Wir sind unterwegs! #24hPolizei", text: "Wir sind gleich da! #24hPolizei" }),
    ).toBe("campaign_free");
    expect(campaignContentType({ templateText: null, text: "Frei geschrieben #24hPolizei" })).toBe("campaign_free");
  });
});
