// One version of an article's text as written, with its author: the first when it is created, the next on
// every change of title, text or tags.
import type { Tx } from "../../db/client.js";
import { knowledgeArticleVersions } from "../../db/schema/index.js";
import type { TArticleInput } from "../../domain/knowledge/articleWorkflow.js";
import type { OrgActor } from "../authorization.js";

export async function insertArticleVersion(
  tx: Tx,
  args: { articleId: string; version: number; input: TArticleInput; actor: OrgActor; now: Date },
): Promise<void> {
  const { input, actor } = args;
  await tx.insert(knowledgeArticleVersions).values({
    articleId: args.articleId,
    version: args.version,
    title: input.title,
    body: input.body,
    tags: input.tags,
    note: input.note,
    authorUserId: actor.userId,
    authorLabel: actor.label,
    createdAt: args.now,
  });
}
