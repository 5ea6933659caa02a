// The operator adds a person to an organisation directly (CLI, demo data; the installation acts, not an
// organisation's administrator): creates the account (with an initial or generated temporary password
// that must be changed at first login) or grants an existing account a membership without touching
// its password. Administrators in the web app invite instead (invitations/invite-member.ts), so that
// nobody joins an organisation without accepting.
import { isUniqueViolation } from "../../db/queries/errors.js";
import { findUserByEmail, normaliseEmail } from "../../db/queries/people.js";
import { users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { assertAcceptablePassword } from "../auth/change-password.js";
import type { AppContext, Principal } from "../context.js";
import { newTemporaryPassword } from "../security/tokens.js";
import { grantMembership } from "./grantMembership.js";
import { ZMemberScope } from "../../contract/organisation.js";
import { MAX_PASSWORD_LENGTH } from "../../domain/passwordPolicy.js";
import { z } from "zod";

/** The operator's input (CLI, demo data); not part of the HTTP API, where administrators invite. */
export const ZAddMember = ZMemberScope.extend({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  /** Omitted: a temporary password is generated and shown once. */
  initialPassword: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});
export type TAddMember = z.input<typeof ZAddMember>;

export interface AddMemberResult {
  userId: string;
  existingAccount: boolean;
  /** Shown once to the operator when draht generated it. */
  temporaryPassword: string | null;
}

/** Without a policy check: only for the operator's CLI and demo data, which act for the installation. */
export async function addMemberUnchecked(
  ctx: AppContext,
  options: { actor: Principal; orgId: string; input: TAddMember; mustChangePassword?: boolean },
): Promise<AddMemberResult> {
  const input = ZAddMember.parse(options.input);
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(ctx.db, email);
  let temporaryPassword: string | null = null;
  let passwordHash: string | null = null;
  if (!existing) {
    const password = input.initialPassword ?? (temporaryPassword = newTemporaryPassword());
    assertAcceptablePassword(password, email);
    passwordHash = await ctx.passwords.hash(password);
  }
  const now = ctx.clock();
  try {
    const userId = await ctx.db.transaction(async (tx) => {
      let id = existing?.id;
      if (!id) {
        const [created] = await tx
          .insert(users)
          .values({
            email,
            name: input.name,
            passwordHash,
            mustChangePassword: options.mustChangePassword ?? true,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
        if (!created) throw new Error("insert returned nothing");
        id = created.id;
      }
      await grantMembership(tx, { orgId: options.orgId, userId: id, scope: input, now });
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "member.added",
        target: { type: "user", id },
        data: {
          email,
          roles: input.roles,
          departmentIds: input.departmentIds,
          channelAccountIds: input.channelAccountIds,
        },
        occurredAt: now,
      });
      return id;
    });
    return { userId, existingAccount: Boolean(existing), temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "email" }, cause: error });
    throw error;
  }
}
