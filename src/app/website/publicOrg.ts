// Looks up an organisation for its public pages by slug or id, with its website settings (defaults
// when none are stored) and the Netiquette version in force.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { netiquettes, organisations, websiteSettings } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { DEFAULT_WEBSITE_SETTINGS, type TWebsiteSettings } from "../../domain/website/publicSettings.js";
import type { TNetiquetteClause } from "../../domain/website/netiquette.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PublicOrg {
  id: string;
  slug: string;
  name: string;
  settings: TWebsiteSettings;
}

export interface NetiquetteInForce {
  id: string;
  version: number;
  title: string;
  intro: string;
  clauses: TNetiquetteClause[];
  publishedAt: Date;
}

/** What a slug or an id can look like; anything else names no organisation, without asking the database. */
const ORG_KEY = /^[A-Za-z0-9-]{1,100}$/;

export async function findPublicOrg(db: Db | Tx, key: string): Promise<PublicOrg> {
  if (!ORG_KEY.test(key)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, settings: websiteSettings })
    .from(organisations)
    .leftJoin(websiteSettings, eq(websiteSettings.orgId, organisations.id))
    .where(UUID.test(key) ? eq(organisations.id, key) : eq(organisations.slug, key.toLowerCase()));
  if (!row) throw new AppError("NOT_FOUND");
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    settings: row.settings ? settingsOfRow(row.settings) : DEFAULT_WEBSITE_SETTINGS,
  };
}

export async function websiteSettingsOf(db: Db | Tx, orgId: string): Promise<TWebsiteSettings> {
  const [row] = await db.select().from(websiteSettings).where(eq(websiteSettings.orgId, orgId));
  return row ? settingsOfRow(row) : DEFAULT_WEBSITE_SETTINGS;
}

function settingsOfRow(row: typeof websiteSettings.$inferSelect): TWebsiteSettings {
  const { orgId: _org, updatedAt: _updated, ...settings } = row;
  return settings;
}

export async function netiquetteInForce(db: Db | Tx, orgId: string): Promise<NetiquetteInForce | null> {
  const [row] = await db
    .select()
    .from(netiquettes)
    .where(and(eq(netiquettes.orgId, orgId), isNotNull(netiquettes.publishedAt)))
    .orderBy(desc(netiquettes.version))
    .limit(1);
  if (!row?.publishedAt) return null;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    intro: row.intro,
    clauses: row.clauses,
    publishedAt: row.publishedAt,
  };
}
