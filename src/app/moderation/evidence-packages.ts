// Evidence on request: a moderator secures a package for any case (threats are secured at ingestion
// already), and downloads a package as JSON (the authoritative copy, with its hash) or as a PDF.
import { and, eq } from "drizzle-orm";
import { evidencePackages, organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { verifyEvidence } from "../../domain/moderation/evidence.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadCase } from "./caseRecords.js";
import { evidencePdf } from "./evidencePdf.js";
import { secureEvidence } from "./secureEvidence.js";

export async function secureEvidenceOnRequest(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; caseId: string },
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await loadCase(ctx, tx, { ...options, action: "moderation.decide" });
    const secured = await secureEvidence(tx, {
      orgId: options.orgId,
      caseId: options.caseId,
      securedBy: options.actor.label,
      now,
      publicUrl: ctx.publicUrl,
    });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "moderation.evidence_secured",
      target: { type: "moderation_case", id: options.caseId },
      data: { evidenceId: secured.id, sha256: secured.sha256 },
      occurredAt: now,
    });
    return { id: secured.id, sha256: secured.sha256, securedAt: secured.securedAt.toISOString() };
  });
}

export async function exportEvidence(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; caseId: string; evidenceId: string; format: "json" | "pdf" },
) {
  await loadCase(ctx, ctx.db, { ...options, action: "moderation.view" });
  const [row] = await ctx.db
    .select()
    .from(evidencePackages)
    .where(
      and(
        eq(evidencePackages.id, options.evidenceId),
        eq(evidencePackages.caseId, options.caseId),
        eq(evidencePackages.orgId, options.orgId),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND");
  const fileName = `beweissicherung-${row.caseId.slice(0, 8)}-${row.securedAt.toISOString().slice(0, 10)}`;
  if (options.format === "json") {
    const body = JSON.stringify(
      {
        format: "draht-evidence-1",
        sha256: row.sha256,
        hashOf: "canonical JSON of content (keys sorted)",
        verified: verifyEvidence(row.content, row.sha256),
        content: row.content,
      },
      null,
      2,
    );
    return {
      fileName: `${fileName}.json`,
      contentType: "application/json; charset=utf-8",
      body: Buffer.from(body, "utf8"),
    };
  }
  return {
    fileName: `${fileName}.pdf`,
    contentType: "application/pdf",
    body: Buffer.from(await evidencePdf(row.content, row.sha256, { timeZone: await timeZoneOf(ctx, options.orgId) })),
  };
}

async function timeZoneOf(ctx: AppContext, orgId: string): Promise<string> {
  const [org] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org?.timeZone ?? "Europe/Berlin";
}
