// What the invitation page shows to whoever holds the link: which organisation invites which address.
// The same for addresses with and without an account.
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { isRole } from "../../domain/roles.js";
import type { AppContext } from "../context.js";
import { openInvitationByToken } from "./invitationRecords.js";

export async function inspectInvitationLink(ctx: AppContext, options: { token: string }) {
  const invitation = await openInvitationByToken(ctx.db, { token: options.token, now: ctx.clock() });
  if (!invitation) throw new AppError("INVITATION_INVALID");
  const [org] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, invitation.orgId));
  return {
    organisationName: org?.name ?? "",
    email: invitation.email,
    name: invitation.name,
    roles: invitation.roles.filter(isRole),
    invitedBy: invitation.invitedByLabel,
    expiresAt: invitation.expiresAt,
  };
}
