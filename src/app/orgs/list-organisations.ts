// Every organisation of the installation (for the operator's CLI).
import { asc } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";

export async function listOrganisations(ctx: AppContext) {
  return ctx.db.select().from(organisations).orderBy(asc(organisations.slug));
}
