// One version of an article's text as written, with its author: the first when it is created, the next on
// every change of title, text or tags. And a new article as a draft with its first version, in the audit trail
// (written by a person, or adopted from another organisation's collection).
import type { Tx } from "../../db/client.js";
import { knowledgeArticleVersions, knowledgeArticles } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
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

export async function insertNewArticle(
  tx: Tx,
  args: { orgId: string; input: TArticleInput; actor: OrgActor; now: Date },
): Promise<string> {
  const { orgId, input, actor, now } = args;
  const { note, ...fields } = input;
  const [created] = await tx
    .insert(knowledgeArticles)
    .values({
      orgId,
      ...fields,
      ownerUserId: input.ownerUserId ?? actor.userId,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: knowledgeArticles.id });
  if (!created) throw new Error("article insert returned nothing");
  await insertArticleVersion(tx, { articleId: created.id, version: 1, input, actor, now });
  await appendAuditEvent(tx, {
    orgId,
    actor,
    action: "knowledge_article.created",
    target: { type: "knowledge_article", id: created.id },
    data: { title: input.title, departmentId: input.departmentId, ...(note ? { note } : {}) },
    occurredAt: now,
  });
  return created.id;
}
