// The operator resets a person's password from the command line.
import { findUserByEmail } from "../../db/queries/people.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { setTemporaryPassword } from "../members/reset-member-password.js";

export async function resetUserPassword(ctx: AppContext, options: { actor: Principal; email: string }) {
  const user = await findUserByEmail(ctx.db, options.email);
  if (!user) throw new AppError("NOT_FOUND", { userMessage: `No account with e-mail ${options.email}.` });
  return setTemporaryPassword(ctx, { actor: options.actor, userId: user.id });
}
