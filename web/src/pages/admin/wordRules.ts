// The moderation settings' word rules as people type them, one per line: "pattern | zurückhalten or ausblenden |
// clause", e.g. "Kaffeefahrt | ausblenden | 5"; "re:" starts a regular expression, which may itself contain "|".
/** The shape of a stored rule (the contract's word rule); kept here so plain tests can import this module. */
interface WordRule {
  pattern: string;
  match: "word" | "regex";
  action: "hold" | "hide";
  clause: number;
  note: string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a rule does, in the words people type: this language's, the other one's, and the codes themselves. */
function actionOf(word: string, t: Translate): WordRule["action"] | null {
  const folded = word.toLocaleLowerCase("de-DE");
  const hide = ["hide", "ausblenden", "verbergen", t("moderationSettings.ruleHide").toLocaleLowerCase("de-DE")];
  const hold = ["hold", "zurückhalten", "zurueckhalten", t("moderationSettings.ruleHold").toLocaleLowerCase("de-DE")];
  if (hold.includes(folded)) return "hold";
  return hide.includes(folded) ? "hide" : null;
}

/**
 * The rules of the text, read from the right (clause, then action), so a pattern keeps any "|" of its own; a rule
 * keeps the note it had (`before`). A line that cannot be read is named, and no rule is returned for saving.
 */
export function parseRules(
  text: string,
  t: Translate,
  before: readonly WordRule[] = [],
): { rules: WordRule[]; problem: string | null } {
  const rules: WordRule[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    let rest = line;
    let clause = 3;
    let action: WordRule["action"] = "hold";
    let bar = rest.lastIndexOf("|");
    if (bar >= 0 && /^\d+$/.test(rest.slice(bar + 1).trim())) {
      clause = Number(rest.slice(bar + 1).trim());
      rest = rest.slice(0, bar);
      bar = rest.lastIndexOf("|");
    }
    const named = bar >= 0 ? actionOf(rest.slice(bar + 1).trim(), t) : null;
    if (named) {
      action = named;
      rest = rest.slice(0, bar);
    }
    const pattern = rest.trim();
    const regex = pattern.startsWith("re:");
    const plain = !regex && pattern.includes("|");
    if (!pattern || plain || clause < 1)
      return { rules: [], problem: t("moderationSettings.ruleUnreadable", { line: index + 1, text: line }) };
    const rule = { pattern: regex ? pattern.slice(3).trim() : pattern, match: regex ? "regex" : "word" } as const;
    const note = before.find((b) => b.pattern === rule.pattern && b.match === rule.match)?.note ?? "";
    rules.push({ ...rule, action, clause, note });
  }
  return { rules, problem: null };
}

export const formatRules = (rules: readonly WordRule[], t: Translate) =>
  rules
    .map(
      (r) =>
        `${r.match === "regex" ? "re:" : ""}${r.pattern} | ${t(r.action === "hide" ? "moderationSettings.ruleHide" : "moderationSettings.ruleHold")} | ${r.clause}`,
    )
    .join("\n");
