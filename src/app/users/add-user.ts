// The operator adds a person to an organisation from the command line (installation level).
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { type AddMemberResult, type TAddMember, addMemberUnchecked } from "../members/add-member.js";

export async function addUser(
  ctx: AppContext,
  options: { actor: Principal; orgSlug: string; input: TAddMember; mustChangePassword?: boolean },
): Promise<AddMemberResult & { orgId: string }> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.slug, options.orgSlug));
  if (!org) throw new AppError("NOT_FOUND", { userMessage: `No organisation with slug "${options.orgSlug}".` });
  const result = await addMemberUnchecked(ctx, { ...options, orgId: org.id });
  return { ...result, orgId: org.id };
}
