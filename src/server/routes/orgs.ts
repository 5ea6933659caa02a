// An organisation (its time zone; opening it), its office hours, its departments and its audit trail.
import type { FastifyInstance } from "fastify";
import { listAuditEvents } from "../../app/audit/list-audit-events.js";
import type { AppContext } from "../../app/context.js";
import { createDepartment } from "../../app/departments/create-department.js";
import { deleteDepartment } from "../../app/departments/delete-department.js";
import { listDepartments } from "../../app/departments/list-departments.js";
import { updateDepartment } from "../../app/departments/update-department.js";
import { getOrganisation } from "../../app/orgs/get-organisation.js";
import { getOfficeSchedule, updateOfficeSchedule } from "../../app/orgs/office-schedule.js";
import { openOrganisation } from "../../app/orgs/open-organisation.js";
import { setupChecklist } from "../../app/orgs/setup-checklist.js";
import { updateOrganisation } from "../../app/orgs/update-organisation.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";
import { found } from "./found.js";

export function orgRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const orgView = { config: { access: { kind: "org", action: "org.view" } as const } };
  const orgUpdate = { config: { access: { kind: "org", action: "org.update" } as const } };
  const manageDepartments = { config: { access: { kind: "org", action: "department.manage" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId", orgView, async (request) =>
    getOrganisation(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(app, "PATCH /api/orgs/:orgId", orgUpdate, async (request) =>
    updateOrganisation(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/open", orgView, async (request, reply) => {
    await openOrganisation(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
    return reply.status(204).send();
  });

  contractRoute(app, "GET /api/orgs/:orgId/setup-checklist", orgUpdate, async (request) =>
    setupChecklist(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(app, "GET /api/orgs/:orgId/office-schedule", orgView, async (request) =>
    getOfficeSchedule(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(app, "PUT /api/orgs/:orgId/office-schedule", orgUpdate, async (request) =>
    updateOfficeSchedule(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body }),
  );

  contractRoute(
    app,
    "GET /api/orgs/:orgId/departments",
    { config: { access: { kind: "org", action: "department.view" } } },
    async (request) => ({
      departments: await listDepartments(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
    }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/departments", manageDepartments, async (request, reply) => {
    reply.status(201);
    return createDepartment(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "PATCH /api/orgs/:orgId/departments/:departmentId", manageDepartments, async (request) =>
    found(await updateDepartment(ctx, { actor: orgActorOf(request), ...request.params, input: request.body })),
  );

  contractRoute(app, "DELETE /api/orgs/:orgId/departments/:departmentId", manageDepartments, async (request, reply) => {
    await deleteDepartment(ctx, { actor: orgActorOf(request), ...request.params });
    return reply.status(204).send();
  });

  contractRoute(
    app,
    "GET /api/orgs/:orgId/audit",
    { config: { access: { kind: "org", action: "audit.view" } } },
    async (request) =>
      listAuditEvents(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, ...request.query }),
  );
}
