// The organisation's public-page settings and its Netiquette versions, for the administration.
import { desc, eq } from "drizzle-orm";
import { netiquettes } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { websiteSettingsOf } from "./publicOrg.js";

export async function getWebsiteSettings(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The public pages' settings are the organisation's and public anyway: read by everyone who sees channels.
  requireAllowed(ctx, options.actor, "channel.view", inOrganisation(options.orgId));
  const settings = await websiteSettingsOf(ctx.db, options.orgId);
  const versions = await ctx.db
    .select()
    .from(netiquettes)
    .where(eq(netiquettes.orgId, options.orgId))
    .orderBy(desc(netiquettes.version));
  return {
    settings,
    netiquettes: versions.map((n) => ({
      id: n.id,
      version: n.version,
      title: n.title,
      intro: n.intro,
      clauses: n.clauses,
      publishedAt: n.publishedAt?.toISOString() ?? null,
    })),
  };
}
