// The moderation settings' word rules as administrators type them (web/src/pages/admin/wordRules.ts).
import { describe, expect, it } from "vitest";
import { formatRules, parseRules } from "../web/src/pages/admin/wordRules.js";

const words: Record<string, string> = {
  "moderationSettings.ruleHide": "ausblenden",
  "moderationSettings.ruleHold": "zurückhalten",
  "moderationSettings.ruleUnreadable": "unlesbar",
};
const t = (key: string) => words[key] ?? key;

describe("word rules as typed", () => {
  it("reads German words, the codes and a regular expression with | of its own, and writes them back alike", () => {
    const typed = "Kaffeefahrt | ausblenden | 5\nre:(gewinn|preis)spiel | zurückhalten | 6\nTest | hold\nre:a|b";
    const { rules, problem } = parseRules(typed, t);
    expect(problem).toBeNull();
    expect(rules.map((r) => [r.match, r.pattern, r.action, r.clause])).toEqual([
      ["word", "Kaffeefahrt", "hide", 5],
      ["regex", "(gewinn|preis)spiel", "hold", 6],
      ["word", "Test", "hold", 3],
      ["regex", "a|b", "hold", 3],
    ]);
    expect(parseRules(formatRules(rules, t), t).rules).toEqual(rules);
  });

  it("refuses an action it does not know or a plain word with |, and keeps the notes rules had", () => {
    expect(parseRules("Kaffeefahrt | wegmachen | 5", t)).toEqual({ rules: [], problem: "unlesbar" });
    const before = [{ pattern: "Kaffeefahrt", match: "word", action: "hide", clause: 5, note: "Werbung" }] as const;
    expect(parseRules("Kaffeefahrt | ausblenden | 5", t, before).rules[0]?.note).toBe("Werbung");
  });
});
