// An organisation, its office hours, its departments, its members and its audit trail.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listAuditEvents } from "../../app/audit/list-audit-events.js";
import type { AppContext } from "../../app/context.js";
import { createDepartment } from "../../app/departments/create-department.js";
import { deleteDepartment } from "../../app/departments/delete-department.js";
import { listDepartments } from "../../app/departments/list-departments.js";
import { ZDepartmentInput } from "../../app/departments/schemas.js";
import { updateDepartment } from "../../app/departments/update-department.js";
import { getOrganisation } from "../../app/orgs/get-organisation.js";
import { getOfficeSchedule, updateOfficeSchedule } from "../../app/orgs/office-schedule.js";
import { openOrganisation } from "../../app/orgs/open-organisation.js";
import { updateOrganisation } from "../../app/orgs/update-organisation.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZDepartmentParams, ZOrgParams } from "./params.js";

const ZAuditQuery = z.object({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export function orgRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;

  app.get("/api/orgs/:orgId", { config: { access: { kind: "org", action: "org.view" } } }, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return getOrganisation(ctx, { actor: orgActorOf(request), orgId });
  });

  app.patch("/api/orgs/:orgId", { config: { access: { kind: "org", action: "org.update" } } }, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return updateOrganisation(ctx, { actor: orgActorOf(request), orgId, input: request.body });
  });

  app.post(
    "/api/orgs/:orgId/open",
    { config: { access: { kind: "org", action: "org.view" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      await openOrganisation(ctx, { actor: orgActorOf(request), orgId });
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/orgs/:orgId/office-schedule",
    { config: { access: { kind: "org", action: "org.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return getOfficeSchedule(ctx, { actor: orgActorOf(request), orgId });
    },
  );

  app.put(
    "/api/orgs/:orgId/office-schedule",
    { config: { access: { kind: "org", action: "org.update" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return updateOfficeSchedule(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );

  app.get(
    "/api/orgs/:orgId/departments",
    { config: { access: { kind: "org", action: "department.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { departments: await listDepartments(ctx, { actor: orgActorOf(request), orgId }) };
    },
  );

  app.post(
    "/api/orgs/:orgId/departments",
    { config: { access: { kind: "org", action: "department.manage" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      const input = ZDepartmentInput.parse(request.body);
      reply.status(201);
      return createDepartment(ctx, { actor: orgActorOf(request), orgId, input });
    },
  );

  app.patch(
    "/api/orgs/:orgId/departments/:departmentId",
    { config: { access: { kind: "org", action: "department.manage" } } },
    async (request) => {
      const params = ZDepartmentParams.parse(request.params);
      const input = ZDepartmentInput.parse(request.body);
      return updateDepartment(ctx, { actor: orgActorOf(request), ...params, input });
    },
  );

  app.delete(
    "/api/orgs/:orgId/departments/:departmentId",
    { config: { access: { kind: "org", action: "department.manage" } } },
    async (request, reply) => {
      const params = ZDepartmentParams.parse(request.params);
      await deleteDepartment(ctx, { actor: orgActorOf(request), ...params });
      return reply.status(204).send();
    },
  );

  app.get("/api/orgs/:orgId/audit", { config: { access: { kind: "org", action: "audit.view" } } }, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const query = ZAuditQuery.parse(request.query);
    return listAuditEvents(ctx, { actor: orgActorOf(request), orgId, ...query });
  });
}
