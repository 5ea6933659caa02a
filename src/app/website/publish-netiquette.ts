// Publishes a new version of the organisation's Netiquette. Citizens accept the new version before
// their next comment; earlier comments keep the version they were written under.
import { eq, max } from "drizzle-orm";
import { netiquettes } from "../../db/schema/index.js";
import { ZNetiquetteDraft } from "../../domain/website/netiquette.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function publishNetiquette(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const draft = ZNetiquetteDraft.parse(options.input);
  requireAllowed(ctx, options.actor, "guideline.manage", organisationWide(options.orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(netiquettes.version) })
      .from(netiquettes)
      .where(eq(netiquettes.orgId, options.orgId));
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx
      .insert(netiquettes)
      .values({
        orgId: options.orgId,
        version,
        ...draft,
        publishedAt: now,
        createdByUserId: options.actor.userId,
        createdAt: now,
      })
      .returning({ id: netiquettes.id, version: netiquettes.version });
    if (!row) throw new Error("netiquette insert returned nothing");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "netiquette.published",
      target: { type: "netiquette", id: row.id },
      data: { version, clauses: draft.clauses.map((c) => c.number) },
      occurredAt: now,
    });
    return row;
  });
}
