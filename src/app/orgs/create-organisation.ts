// Creates an organisation (a municipality or authority). An installation-level act of the operator.
import { z } from "zod";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";
import { isUniqueViolation } from "../../db/queries/errors.js";

export const GERMAN_STATES = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;

export const ZCreateOrganisation = z.object({
  name: z.string().trim().min(2).max(200),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens")
    .max(60),
  state: z.enum(GERMAN_STATES),
  timeZone: z.string().default("Europe/Berlin"),
});
export type TCreateOrganisation = z.input<typeof ZCreateOrganisation>;

export async function createOrganisation(ctx: AppContext, options: { actor: Principal; input: TCreateOrganisation }) {
  const input = ZCreateOrganisation.parse(options.input);
  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organisations)
        .values({ ...input, createdAt: now })
        .returning();
      if (!org) throw new Error("insert returned nothing");
      await appendAuditEvent(tx, {
        orgId: null,
        actor: options.actor,
        action: "org.created",
        target: { type: "organisation", id: org.id },
        data: { slug: org.slug },
        occurredAt: now,
      });
      await appendAuditEvent(tx, {
        orgId: org.id,
        actor: options.actor,
        action: "org.created",
        target: { type: "organisation", id: org.id },
        data: { slug: org.slug, name: org.name },
        occurredAt: now,
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "slug" }, cause: error });
    throw error;
  }
}
