import { describe, expect, it } from "vitest";
import { ANSWER_WINDOW_MS, answerWindowOf } from "./answerWindow.js";

const wrote = new Date("2026-12-06T10:00:00Z");
const at = (ms: number) => new Date(wrote.getTime() + ms);

describe("the answer window", () => {
  it("is open for 24 hours after the citizen's last message on WhatsApp, then closed", () => {
    const open = answerWindowOf({
      network: "whatsapp",
      direct: true,
      citizenLastWroteAt: wrote,
      now: at(ANSWER_WINDOW_MS - 1),
    });
    expect(open).toEqual({ closesAt: new Date("2026-12-07T10:00:00Z"), open: true });
    expect(
      answerWindowOf({ network: "whatsapp", direct: true, citizenLastWroteAt: wrote, now: at(ANSWER_WINDOW_MS) })?.open,
    ).toBe(false);
  });

  it("applies to Messenger and Instagram direct messages, not to comments under a post", () => {
    expect(answerWindowOf({ network: "facebook", direct: true, citizenLastWroteAt: wrote, now: wrote })?.open).toBe(
      true,
    );
    expect(
      answerWindowOf({ network: "instagram", direct: true, citizenLastWroteAt: wrote, now: at(25 * 3_600_000) })?.open,
    ).toBe(false);
    expect(answerWindowOf({ network: "facebook", direct: false, citizenLastWroteAt: wrote, now: wrote })).toBeNull();
  });

  it("does not exist on networks without one", () => {
    for (const network of ["mastodon", "bluesky", "email", "telegram", "website"])
      expect(answerWindowOf({ network, direct: true, citizenLastWroteAt: wrote, now: at(30 * 86_400_000) })).toBeNull();
  });
});
