// Adds a person to an organisation: creates the account (with an initial or generated temporary
// password that must be changed at first login) or, if the e-mail already has an account,
// grants that account a membership without touching its password.
import { isUniqueViolation } from "../../db/queries/errors.js";
import { findUserByEmail, normaliseEmail } from "../../db/queries/people.js";
import { memberships, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { assertAcceptablePassword } from "../auth/change-password.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext, Principal } from "../context.js";
import { newTemporaryPassword } from "../security/tokens.js";
import { replaceChannelAccountScope, replaceDepartmentScope } from "./membershipScope.js";
import { type TAddMember, ZAddMember } from "./schemas.js";

export interface AddMemberResult {
  userId: string;
  existingAccount: boolean;
  /** Shown once to the administrator when draht generated it. */
  temporaryPassword: string | null;
}

export async function addMember(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TAddMember },
): Promise<AddMemberResult> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  return addMemberUnchecked(ctx, options);
}

/** Without the policy check: for the operator's CLI and demo data, which act for the installation. */
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
      const [membership] = await tx
        .insert(memberships)
        .values({
          orgId: options.orgId,
          userId: id,
          roles: input.roles,
          activeWindow: input.activeWindow,
          createdAt: now,
        })
        .returning({ id: memberships.id });
      if (!membership) throw new Error("insert returned nothing");
      await replaceDepartmentScope(tx, {
        orgId: options.orgId,
        membershipId: membership.id,
        departmentIds: input.departmentIds,
      });
      await replaceChannelAccountScope(tx, {
        orgId: options.orgId,
        membershipId: membership.id,
        channelAccountIds: input.channelAccountIds,
      });
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
          newAccount: !existing,
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
