// A citizen accepts the Netiquette in force; the accepted version is stored with the session and,
// later, with every comment written under it.
import { eq } from "drizzle-orm";
import { citizenSessions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { requireCitizenSession } from "./citizenSession.js";
import { findPublicOrg, netiquetteInForce } from "./publicOrg.js";

export async function acceptNetiquette(
  ctx: AppContext,
  options: { orgKey: string; token: string | undefined; netiquetteId: string },
) {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const now = ctx.clock();
  const session = await requireCitizenSession(ctx.db, { orgId: org.id, token: options.token, now });
  const current = await netiquetteInForce(ctx.db, org.id);
  if (!current || current.id !== options.netiquetteId) {
    throw new AppError("NETIQUETTE_NOT_ACCEPTED", {
      details: { reason: "not_in_force", netiquetteId: current?.id ?? null, version: current?.version ?? null },
    });
  }
  await ctx.db
    .update(citizenSessions)
    .set({ netiquetteId: current.id, netiquetteAcceptedAt: now })
    .where(eq(citizenSessions.id, session.id));
  return { netiquetteId: current.id, version: current.version };
}
