// What an organisation shares of one of its items, as receivers will read it: a published article, a
// Textbaustein in use or the Netiquette in force, written as title, Markdown text and tags. And the check
// for citizens' personal data in it, which looks up names among the authors of the organisation's messages.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  campaigns,
  conversations,
  guidelines,
  knowledgeArticles,
  replyTemplates,
  websiteSettings,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import {
  type PersonalDataFinding,
  type SharedItemDetails,
  type SharedItemKind,
  campaignAsMarkdown,
  findPersonalData,
  nameCandidates,
  netiquetteAsMarkdown,
  withoutChannelScopes,
} from "../../domain/knowledge/sharing.js";
import { netiquetteInForce } from "../website/publicOrg.js";

export interface SourceSnapshot {
  sourceId: string;
  title: string;
  body: string;
  tags: string[];
  details: SharedItemDetails;
}

const MEDIA_REFERENCE = /\]\(\s*media:/i;

async function articleSnapshot(db: Db | Tx, orgId: string, articleId: string): Promise<SourceSnapshot> {
  const [article] = await db
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.orgId, orgId)));
  if (!article) throw new AppError("NOT_FOUND");
  if (article.status !== "published")
    throw new AppError("INVALID_TRANSITION", { details: { problem: "article_not_published" } });
  // Pictures live in the sharing organisation's media library, which receivers cannot read.
  if (MEDIA_REFERENCE.test(article.body))
    throw new AppError("VALIDATION_FAILED", { details: { field: "sourceId", problem: "article_has_pictures" } });
  return { sourceId: article.id, title: article.title, body: article.body, tags: article.tags, details: {} };
}

async function templateSnapshot(db: Db | Tx, orgId: string, templateId: string): Promise<SourceSnapshot> {
  const [template] = await db
    .select()
    .from(replyTemplates)
    .where(and(eq(replyTemplates.id, templateId), eq(replyTemplates.orgId, orgId), isNull(replyTemplates.archivedAt)));
  if (!template) throw new AppError("NOT_FOUND");
  return { sourceId: template.id, title: template.title, body: template.body, tags: template.tags, details: {} };
}

/** The Netiquette is shared as the organisation's (its source is the organisation); each share takes the one in force. */
async function netiquetteSnapshot(db: Db | Tx, orgId: string): Promise<SourceSnapshot> {
  const netiquette = await netiquetteInForce(db, orgId);
  if (!netiquette) throw new AppError("NOT_FOUND", { details: { problem: "no_netiquette" } });
  return {
    sourceId: orgId,
    title: netiquette.title,
    body: netiquetteAsMarkdown(netiquette),
    tags: [],
    details: { netiquette: { intro: netiquette.intro, clauses: netiquette.clauses } },
  };
}

/** The guideline in force is shared as the organisation's, like the Netiquette. */
async function guidelineSnapshot(db: Db | Tx, orgId: string): Promise<SourceSnapshot> {
  const [guideline] = await db
    .select()
    .from(guidelines)
    .where(and(eq(guidelines.orgId, orgId), eq(guidelines.status, "active")));
  if (!guideline) throw new AppError("NOT_FOUND", { details: { problem: "no_guideline" } });
  return {
    sourceId: orgId,
    title: guideline.title,
    body: guideline.document,
    tags: [],
    details: { guideline: { rules: withoutChannelScopes(guideline.rules) } },
  };
}

/** A campaign as a template: its name, hashtag, length and pre-approved texts (not its dates or people). */
async function campaignSnapshot(db: Db | Tx, orgId: string, campaignId: string): Promise<SourceSnapshot> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.orgId, orgId)));
  if (!campaign) throw new AppError("NOT_FOUND");
  const shared = {
    hashtag: campaign.hashtag,
    durationHours: Math.max(1, Math.round((campaign.endsAt.getTime() - campaign.startsAt.getTime()) / 3_600_000)),
    templates: campaign.templates.map(({ id, title, text }) => ({ id, title, text })),
  };
  return {
    sourceId: campaign.id,
    title: campaign.name,
    body: campaignAsMarkdown(shared),
    tags: [],
    details: { campaign: shared },
  };
}

export function sourceSnapshot(
  db: Db | Tx,
  args: { orgId: string; kind: SharedItemKind; sourceId: string },
): Promise<SourceSnapshot> {
  switch (args.kind) {
    case "article":
      return articleSnapshot(db, args.orgId, args.sourceId);
    case "template":
      return templateSnapshot(db, args.orgId, args.sourceId);
    case "netiquette":
      return netiquetteSnapshot(db, args.orgId);
    case "guideline":
      return guidelineSnapshot(db, args.orgId);
    case "campaign":
      return campaignSnapshot(db, args.orgId, args.sourceId);
  }
}

/** Whether two snapshots say the same (a share of an unchanged item only confirms it). */
export function sameContent(a: Omit<SourceSnapshot, "sourceId">, b: Omit<SourceSnapshot, "sourceId">): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.details) === JSON.stringify(b.details)
  );
}

/** The organisation's own web domains (its legal pages and the sites embedding its widget), for its addresses. */
async function ownDomains(db: Db | Tx, orgId: string): Promise<string[]> {
  const [settings] = await db.select().from(websiteSettings).where(eq(websiteSettings.orgId, orgId));
  const urls = [settings?.impressumUrl, settings?.privacyUrl, ...(settings?.embedOrigins ?? [])];
  const domains = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      domains.add(new URL(url).hostname.replace(/^www\./, ""));
    } catch {
      // Not an address: nothing to learn from it.
    }
  }
  return [...domains];
}

/**
 * E-mail addresses, phone numbers, and names or handles of people who wrote to the organisation (the citizens
 * of its conversations), in a snapshot, its rules and clauses included. Only the word runs of the text are
 * looked up (by the indexes on lower(citizen_name) and lower(citizen_handle)), not every conversation.
 */
export async function personalDataIn(db: Db | Tx, orgId: string, snapshot: SourceSnapshot) {
  const text = [snapshot.title, snapshot.body, ...detailTexts(snapshot.details)].join("\n");
  const { names, handles } = nameCandidates(text);
  let known: string[] = [];
  if (names.length > 0 || handles.length > 0) {
    const name = sql<string>`lower(${conversations.citizenName})`;
    const handle = sql<string>`lower(${conversations.citizenHandle})`;
    const [byName, byHandle] = await Promise.all([
      names.length > 0
        ? db
            .selectDistinct({ value: name })
            .from(conversations)
            .where(and(eq(conversations.orgId, orgId), inArray(name, names)))
            .limit(100)
        : [],
      handles.length > 0
        ? db
            .selectDistinct({ value: handle })
            .from(conversations)
            .where(and(eq(conversations.orgId, orgId), inArray(handle, handles)))
            .limit(100)
        : [],
    ]);
    known = [...byName, ...byHandle].map((row) => row.value);
  }
  return findPersonalData(text, known, { ownDomains: await ownDomains(db, orgId) }) satisfies PersonalDataFinding[];
}

/** The words of a Netiquette's clauses and a guideline's rules (signatures, terms, reasons), checked like the text. */
function detailTexts(details: SharedItemDetails): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(details);
  return texts;
}
