// The signed-in person as an actor in one organisation: their grant there (or none).
import { loadGrant } from "../../db/queries/grants.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function actorInOrganisation(
  ctx: AppContext,
  options: { userId: string; label: string; orgId: string; requestId?: string },
): Promise<OrgActor> {
  const grant = await loadGrant(ctx.db, { userId: options.userId, orgId: options.orgId });
  return { userId: options.userId, label: options.label, requestId: options.requestId, grant };
}
