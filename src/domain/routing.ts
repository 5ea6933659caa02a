// Routing rules of the inbox: the first rule that matches a new conversation (by channel account,
// keywords in the citizen's text and intent) names the department and, optionally, the person who
// looks after it. Without a match the channel account's own department takes it. Pure.
import { z } from "zod";
import { INTENTS, type Intent } from "../text/analysis.js";
import { foldGerman } from "../text/normalise.js";

export const ZRoutingRule = z
  .object({
    name: z.string().trim().min(1).max(120),
    channelAccountId: z.uuid().nullable().default(null),
    /** Any of these words (a word beginning: "kita" matches "Kitaplatz") in the text; empty = any text. */
    keywords: z.array(z.string().trim().min(2).max(60)).max(50).default([]),
    intent: z.enum(INTENTS).nullable().default(null),
    departmentId: z.uuid().nullable().default(null),
    assigneeUserId: z.uuid().nullable().default(null),
  })
  .refine((r) => r.departmentId !== null || r.assigneeUserId !== null, {
    message: "a rule routes to a department or a person",
    path: ["departmentId"],
  });
export type TRoutingRule = z.infer<typeof ZRoutingRule>;

export const ZRoutingRules = z.array(ZRoutingRule).max(200);

export interface RoutingInput {
  channelAccountId: string;
  text: string;
  intent: Intent;
}

export interface RoutingDecision {
  /** Index of the rule that matched, null for the channel account's department. */
  ruleIndex: number | null;
  departmentId: string | null;
  assigneeUserId: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function keywordMatches(keywords: readonly string[], text: string): boolean {
  if (keywords.length === 0) return true;
  const folded = foldGerman(text);
  return keywords.some((keyword) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(foldGerman(keyword))}`, "u").test(folded),
  );
}

export function routeConversation(
  rules: readonly TRoutingRule[],
  input: RoutingInput,
  accountDepartmentId: string | null,
): RoutingDecision {
  const index = rules.findIndex(
    (rule) =>
      (rule.channelAccountId === null || rule.channelAccountId === input.channelAccountId) &&
      (rule.intent === null || rule.intent === input.intent) &&
      keywordMatches(rule.keywords, input.text),
  );
  const rule = rules[index];
  if (!rule) return { ruleIndex: null, departmentId: accountDepartmentId, assigneeUserId: null };
  return {
    ruleIndex: index,
    departmentId: rule.departmentId ?? accountDepartmentId,
    assigneeUserId: rule.assigneeUserId,
  };
}
