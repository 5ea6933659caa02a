// Writing a new knowledge article: a draft, version 1 with its author, in the audit trail.
import { ZArticleInput } from "../../domain/knowledge/articleWorkflow.js";
import { scoped } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkArticleReferences } from "./articleReferences.js";
import { insertNewArticle } from "./insertArticleVersion.js";

export async function createArticle(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZArticleInput.parse(options.input);
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: input.departmentId }));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await checkArticleReferences(ctx, tx, { actor, orgId, input });
    return { id: await insertNewArticle(tx, { orgId, input, actor, now }) };
  });
}
