// Events about a person's own account (login, lockout, password) go to the chain of every
// organisation they belong to, or to the installation chain when they belong to none.
import type { Db } from "../../db/client.js";
import { activeOrgIdsOfUser } from "../../db/queries/people.js";
import type { AuditAction } from "../../domain/words/codes.js";
import type { Principal } from "../context.js";
import { appendAuditEvent } from "./auditTrail.js";

export async function auditPersonEvent(
  tx: Db,
  args: { userId: string; actor: Principal; action: AuditAction; data?: Record<string, unknown>; occurredAt: Date },
): Promise<void> {
  const orgIds = await activeOrgIdsOfUser(tx, args.userId);
  const chains: (string | null)[] = orgIds.length > 0 ? orgIds : [null];
  for (const orgId of chains) {
    await appendAuditEvent(tx, {
      orgId,
      actor: args.actor,
      action: args.action,
      target: { type: "user", id: args.userId },
      data: args.data,
      occurredAt: args.occurredAt,
    });
  }
}
