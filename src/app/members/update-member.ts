// Changes a member's name, roles, department scope, time window or disables the membership.
// An organisation always keeps one active administrator.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { memberships, sessions, users } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import {
  assertKeepsAnAdministrator,
  findMembership,
  replaceChannelAccountScope,
  replaceDepartmentScope,
} from "./membershipScope.js";
import { type TUpdateMember, ZUpdateMember } from "../../contract/organisation.js";

export async function updateMember(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; userId: string; input: TUpdateMember },
): Promise<void> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  const input = ZUpdateMember.parse(options.input);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const membership = await findMembership(tx, options);
    await assertKeepsAnAdministrator(tx, {
      orgId: options.orgId,
      change: { userId: options.userId, roles: input.roles, disabled: input.disabled },
    });
    const changes: Partial<typeof memberships.$inferInsert> = {};
    if (input.roles) changes.roles = input.roles;
    if (input.activeWindow !== undefined) changes.activeWindow = input.activeWindow;
    if (input.disabled !== undefined) changes.disabledAt = input.disabled ? (membership.disabledAt ?? now) : null;
    if (Object.keys(changes).length > 0)
      await tx.update(memberships).set(changes).where(eq(memberships.id, membership.id));
    if (input.departmentIds !== undefined) {
      await replaceDepartmentScope(tx, {
        orgId: options.orgId,
        membershipId: membership.id,
        departmentIds: input.departmentIds,
      });
    }
    if (input.channelAccountIds !== undefined) {
      await replaceChannelAccountScope(tx, {
        orgId: options.orgId,
        membershipId: membership.id,
        channelAccountIds: input.channelAccountIds,
      });
    }
    if (input.name !== undefined) {
      await tx.update(users).set({ name: input.name, updatedAt: now }).where(eq(users.id, options.userId));
    }
    // A person disabled everywhere they belong has no reason to keep a session.
    if (input.disabled) await endSessionsIfNoActiveMembership(tx, options.userId);
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "member.updated",
      target: { type: "user", id: options.userId },
      data: { changed: Object.keys(input), ...input },
      occurredAt: now,
    });
  });
}

async function endSessionsIfNoActiveMembership(tx: Db, userId: string) {
  const rows = await tx.select().from(memberships).where(eq(memberships.userId, userId));
  if (rows.every((m) => m.disabledAt !== null)) await tx.delete(sessions).where(eq(sessions.userId, userId));
}
