// The Netiquette in force of an organisation (null while none is published), for its public pages.
import type { AppContext } from "../context.js";
import { findPublicOrg, netiquetteInForce } from "./publicOrg.js";

export async function getPublicNetiquette(ctx: AppContext, options: { orgKey: string }) {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  return { org, netiquette: await netiquetteInForce(ctx.db, org.id) };
}
