// Contract of signing in and out, the current session, one's own password, the health checks and the
// API's own description.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../domain/passwordPolicy.js";
import { ROLES } from "../domain/roles.js";
import { ZId, ZOk } from "./common.js";
import type { ContractGroup } from "./route.js";

export const ZLogin = z.object({ email: z.string().trim().max(254), password: z.string().max(MAX_PASSWORD_LENGTH) });
export const ZChangePassword = z.object({
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

export const ZSession = z
  .object({
    user: z.object({
      id: ZId,
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      mustChangePassword: z.boolean(),
    }),
    /** Send it as x-csrf-token with every state-changing request. */
    csrfToken: z.string(),
    /** Empty while a new password is due. */
    organisations: z.array(z.object({ id: ZId, name: z.string(), slug: z.string(), roles: z.array(z.enum(ROLES)) })),
    /** The organisation the start page opens: the one opened last, else the one with the most members. */
    homeOrganisationId: ZId.nullable(),
  })
  .meta({ id: "Session" });

const tag = "Sign-in";

export const authContract = {
  "POST /api/auth/login": {
    tag,
    summary: "Sign in",
    description:
      "Sets the session cookie (draht_session, HTTP-only). Rate limited per client address. " +
      "mustChangePassword: only the session and password routes answer until a new password is set.",
    body: ZLogin,
    responses: { 200: z.object({ mustChangePassword: z.boolean() }) },
  },
  "GET /api/auth/session": {
    tag,
    summary: "The signed-in person, the CSRF token and their organisations",
    responses: { 200: ZSession },
  },
  "POST /api/auth/logout": { tag, summary: "Sign out (this session)", responses: { 200: ZOk } },
  "POST /api/auth/logout-everywhere": {
    tag,
    summary: "Sign out everywhere (all of one's sessions)",
    responses: { 200: z.object({ sessionsEnded: z.number().int() }) },
  },
  "POST /api/auth/password": {
    tag,
    summary: "Change one's own password",
    body: ZChangePassword,
    responses: { 200: ZOk },
  },
} as const satisfies ContractGroup;

export const operationsContract = {
  "GET /healthz": {
    tag: "Operations",
    summary: "Liveness: the process answers",
    responses: { 200: z.object({ status: z.literal("ok") }) },
  },
  "GET /readyz": {
    tag: "Operations",
    summary: "Readiness: started and the database answers",
    responses: {
      200: z.object({ status: z.literal("ready") }),
      503: z.object({ status: z.enum(["starting", "database_unavailable"]) }),
    },
  },
  "GET /api/openapi.json": {
    tag: "Operations",
    summary: "This description of the API (OpenAPI 3.1)",
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
} as const satisfies ContractGroup;
