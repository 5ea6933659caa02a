// Writing an adopted shared item into the receiving organisation, by kind: an article becomes a draft of
// its own (or, when its copy exists, a new version of that copy), a Textbaustein a template of its own, a
// Netiquette a draft version on the Website page, to be read and published there. Each copy is the
// receiver's: its own rules (review, Freigabe, publishing) apply from here on. A guideline becomes a draft
// version on the Richtlinien page.
import { and, eq, isNull, max, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { campaigns, guidelines, knowledgeArticles, netiquettes, replyTemplates } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type Resource, organisationWide, scoped } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import type { SharedItemDetails, SharedItemKind } from "../../domain/knowledge/sharing.js";
import { ZReplyTemplate } from "../../domain/replyTemplates.js";
import { ZCampaignInput } from "../../contract/postSchemas.js";
import { insertGuidelineVersion } from "../guidelines/create-guideline-version.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { insertArticleVersion, insertNewArticle } from "../knowledge/insertArticleVersion.js";
import { checkOrgRefs } from "../orgRefs.js";

type SharedText = {
  kind: SharedItemKind;
  title: string;
  body: string;
  tags: string[];
  details: SharedItemDetails;
  version: number;
};

export interface CopyArgs {
  ctx: AppContext;
  actor: OrgActor;
  orgId: string;
  item: SharedText;
  /** Who shared it, for the copy's note ("Übernommen von …"). */
  publisherName: string;
  /** The department that owns a new copy. */
  departmentId: string | null;
  /** The existing copy, when a newer version is taken. */
  targetId: string | null;
  /** The organisation's calendar day, for a new article's first review (a year on). */
  today: string;
  /** When a new copy of a campaign template starts (ISO); it runs as long as the original. */
  startsAt?: string | null;
  now: Date;
}

function aYearAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 365 * 86_400_000).toISOString().slice(0, 10);
}

async function copyArticle(tx: Tx, args: CopyArgs): Promise<string> {
  const { ctx, actor, orgId, item, now } = args;
  const note = `Übernommen von ${args.publisherName} (geteilte Fassung ${item.version})`;
  // An archived copy is out of use: a newer version becomes a new copy (as when the copy is gone).
  const [current] = args.targetId
    ? await tx
        .select()
        .from(knowledgeArticles)
        .where(
          and(
            eq(knowledgeArticles.id, args.targetId),
            eq(knowledgeArticles.orgId, orgId),
            ne(knowledgeArticles.status, "archived"),
          ),
        )
        .for("update")
    : [];
  if (current) {
    requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: current.departmentId }));
    const version = current.version + 1;
    await tx
      .update(knowledgeArticles)
      .set({
        title: item.title,
        body: item.body,
        tags: item.tags,
        version,
        revision: current.revision + 1,
        updatedAt: now,
      })
      .where(eq(knowledgeArticles.id, current.id));
    const input = { ...current, title: item.title, body: item.body, tags: item.tags, note };
    await insertArticleVersion(tx, { articleId: current.id, version, input, actor, now });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_article.updated",
      target: { type: "knowledge_article", id: current.id },
      data: { version, contentChanged: true, note },
      occurredAt: now,
    });
    return current.id;
  }
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: args.departmentId }));
  await checkOrgRefs(tx, { orgId, departmentId: args.departmentId });
  const input = {
    title: item.title,
    body: item.body,
    tags: item.tags,
    departmentId: args.departmentId,
    ownerUserId: null,
    validUntil: null,
    reviewBy: aYearAfter(args.today),
    note,
  };
  return insertNewArticle(tx, { orgId, input, actor, now });
}

async function copyTemplate(tx: Tx, args: CopyArgs): Promise<string> {
  const { ctx, actor, orgId, item, now } = args;
  const [current] = args.targetId
    ? await tx
        .select()
        .from(replyTemplates)
        .where(
          and(eq(replyTemplates.id, args.targetId), eq(replyTemplates.orgId, orgId), isNull(replyTemplates.archivedAt)),
        )
        .for("update")
    : [];
  const departmentId = current ? current.departmentId : args.departmentId;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId }));
  if (!current) await checkOrgRefs(tx, { orgId, departmentId });
  // The organisation's own rules for templates apply to the copy (placeholders, lengths).
  const template = ZReplyTemplate.parse({ title: item.title, body: item.body, tags: item.tags, departmentId });
  let id = current?.id;
  if (id) {
    await tx
      .update(replyTemplates)
      .set({ title: template.title, body: template.body, tags: template.tags, updatedAt: now })
      .where(eq(replyTemplates.id, id));
  } else {
    const [created] = await tx
      .insert(replyTemplates)
      .values({ orgId, ...template, createdByUserId: actor.userId, updatedAt: now })
      .returning({ id: replyTemplates.id });
    if (!created) throw new Error("template insert returned nothing");
    id = created.id;
  }
  await appendAuditEvent(tx, {
    orgId,
    actor,
    action: current ? "reply_template.updated" : "reply_template.created",
    target: { type: "reply_template", id },
    data: { title: template.title, adoptedFrom: args.publisherName, sharedVersion: item.version },
    occurredAt: now,
  });
  return id;
}

/** A Netiquette is adopted as a draft version; the Website page offers it for publishing. */
async function copyNetiquette(tx: Tx, args: CopyArgs): Promise<string> {
  const { ctx, actor, orgId, item, now } = args;
  requireAllowed(ctx, actor, "guideline.manage", organisationWide(orgId));
  const netiquette = item.details.netiquette;
  if (!netiquette) throw new AppError("NOT_FOUND", { details: { problem: "no_netiquette" } });
  const [latest] = await tx
    .select({ version: max(netiquettes.version) })
    .from(netiquettes)
    .where(eq(netiquettes.orgId, orgId));
  const [draft] = await tx
    .insert(netiquettes)
    .values({
      orgId,
      version: (latest?.version ?? 0) + 1,
      title: item.title,
      intro: netiquette.intro,
      clauses: netiquette.clauses,
      publishedAt: null,
      createdByUserId: actor.userId,
      createdAt: now,
    })
    .returning({ id: netiquettes.id });
  if (!draft) throw new Error("netiquette insert returned nothing");
  return draft.id;
}

/**
 * A campaign template becomes a campaign of the receiver's own, starting when the adopter says and as long as
 * the original; a newer version replaces the copy's name, hashtag and texts and keeps its dates and people.
 */
async function copyCampaign(tx: Tx, args: CopyArgs): Promise<string> {
  const { ctx, actor, orgId, item, now } = args;
  const shared = item.details.campaign;
  if (!shared) throw new AppError("NOT_FOUND", { details: { problem: "no_campaign" } });
  const [current] = args.targetId
    ? await tx
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, args.targetId), eq(campaigns.orgId, orgId)))
        .for("update")
    : [];
  const departmentId = current ? current.departmentId : args.departmentId;
  requireAllowed(ctx, actor, "campaign.manage", scoped({ orgId, departmentId }));
  if (!current && !args.startsAt)
    throw new AppError("VALIDATION_FAILED", { details: { field: "startsAt", problem: "required" } });
  const startsAt = current ? current.startsAt : new Date(args.startsAt ?? "");
  const endsAt = current ? current.endsAt : new Date(startsAt.getTime() + shared.durationHours * 3_600_000);
  // The organisation's own rules for campaigns apply to the copy (hashtag, template ids and lengths).
  const campaign = ZCampaignInput.parse({
    name: item.title,
    hashtag: shared.hashtag,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    departmentId,
    templates: shared.templates,
  });
  const values = { name: campaign.name, hashtag: campaign.hashtag, templates: campaign.templates, updatedAt: now };
  let id = current?.id;
  if (id) await tx.update(campaigns).set(values).where(eq(campaigns.id, id));
  else {
    if (!current) await checkOrgRefs(tx, { orgId, departmentId });
    const [created] = await tx
      .insert(campaigns)
      .values({ ...values, orgId, departmentId, startsAt, endsAt, createdByUserId: actor.userId, createdAt: now })
      .returning({ id: campaigns.id });
    if (!created) throw new Error("campaign insert returned nothing");
    id = created.id;
  }
  await appendAuditEvent(tx, {
    orgId,
    actor,
    action: current ? "campaign.updated" : "campaign.created",
    target: { type: "campaign", id },
    data: { name: campaign.name, adoptedFrom: args.publisherName, sharedVersion: item.version },
    occurredAt: now,
  });
  return id;
}

/** The copy's title and text as they are now (articles and Textbausteine; drafts of the others are new each time). */
export async function copyText(
  db: Db | Tx,
  args: { orgId: string; kind: SharedText["kind"]; targetId: string },
): Promise<{ title: string; body: string } | null> {
  const { orgId, targetId } = args;
  if (args.kind === "article") {
    const [row] = await db
      .select({ title: knowledgeArticles.title, body: knowledgeArticles.body })
      .from(knowledgeArticles)
      .where(and(eq(knowledgeArticles.id, targetId), eq(knowledgeArticles.orgId, orgId)));
    return row ?? null;
  }
  if (args.kind === "template") {
    const [row] = await db
      .select({ title: replyTemplates.title, body: replyTemplates.body })
      .from(replyTemplates)
      .where(and(eq(replyTemplates.id, targetId), eq(replyTemplates.orgId, orgId)));
    return row ?? null;
  }
  return null;
}

/** Whether the organisation still has the copy in use (an archived article or template does not count). */
export async function copyInUse(
  tx: Tx,
  args: { orgId: string; kind: SharedText["kind"]; targetId: string },
): Promise<boolean> {
  const { orgId, targetId } = args;
  const rows =
    args.kind === "article"
      ? await tx
          .select({ id: knowledgeArticles.id })
          .from(knowledgeArticles)
          .where(
            and(
              eq(knowledgeArticles.id, targetId),
              eq(knowledgeArticles.orgId, orgId),
              ne(knowledgeArticles.status, "archived"),
            ),
          )
      : args.kind === "template"
        ? await tx
            .select({ id: replyTemplates.id })
            .from(replyTemplates)
            .where(
              and(eq(replyTemplates.id, targetId), eq(replyTemplates.orgId, orgId), isNull(replyTemplates.archivedAt)),
            )
        : args.kind === "campaign"
          ? await tx
              .select({ id: campaigns.id })
              .from(campaigns)
              .where(and(eq(campaigns.id, targetId), eq(campaigns.orgId, orgId)))
          : args.kind === "netiquette"
            ? await tx
                .select({ id: netiquettes.id })
                .from(netiquettes)
                .where(and(eq(netiquettes.id, targetId), eq(netiquettes.orgId, orgId)))
            : await tx
                .select({ id: guidelines.id })
                .from(guidelines)
                .where(and(eq(guidelines.id, targetId), eq(guidelines.orgId, orgId)));
  return rows.length > 0;
}

/** The right that changing an existing copy needs: its department's knowledge.edit, or guideline.manage. */
export async function copyRight(
  tx: Db | Tx,
  args: { orgId: string; kind: SharedText["kind"]; targetId: string },
): Promise<[Action, Resource]> {
  const { orgId, targetId } = args;
  if (args.kind === "netiquette" || args.kind === "guideline") return ["guideline.manage", organisationWide(orgId)];
  if (args.kind === "campaign") {
    const [campaign] = await tx
      .select({ departmentId: campaigns.departmentId })
      .from(campaigns)
      .where(and(eq(campaigns.id, targetId), eq(campaigns.orgId, orgId)));
    return ["campaign.manage", scoped({ orgId, departmentId: campaign?.departmentId ?? null })];
  }
  const table = args.kind === "article" ? knowledgeArticles : replyTemplates;
  const [copy] = await tx
    .select({ departmentId: table.departmentId })
    .from(table)
    .where(and(eq(table.id, targetId), eq(table.orgId, orgId)));
  return ["knowledge.edit", scoped({ orgId, departmentId: copy?.departmentId ?? null })];
}

/** A guideline is adopted as a draft version, owned by the adopter, to be read and put in force on Richtlinien. */
async function copyGuideline(tx: Tx, args: CopyArgs): Promise<string> {
  const { ctx, actor, orgId, item, now } = args;
  requireAllowed(ctx, actor, "guideline.manage", organisationWide(orgId));
  const rules = item.details.guideline?.rules;
  if (!rules) throw new AppError("NOT_FOUND", { details: { problem: "no_guideline" } });
  const input = {
    title: item.title,
    document: item.body,
    rules,
    ownerUserId: actor.userId,
    reviewBy: aYearAfter(args.today),
  };
  return (await insertGuidelineVersion(tx, { actor, orgId, input, now })).id;
}

export function adoptCopy(tx: Tx, args: CopyArgs): Promise<string> {
  switch (args.item.kind) {
    case "article":
      return copyArticle(tx, args);
    case "template":
      return copyTemplate(tx, args);
    case "netiquette":
      return copyNetiquette(tx, args);
    case "guideline":
      return copyGuideline(tx, args);
    case "campaign":
      return copyCampaign(tx, args);
  }
}
