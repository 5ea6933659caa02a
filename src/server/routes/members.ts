// The people of an organisation: list, change, reset password, remove (adding is by invitation:
// routes/invitations.ts).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { listMembers } from "../../app/members/list-members.js";
import { removeMember } from "../../app/members/remove-member.js";
import { resetMemberPassword } from "../../app/members/reset-member-password.js";
import { updateMember } from "../../app/members/update-member.js";
import { OK } from "../../contract/common.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function memberRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const manage = { config: { access: { kind: "org", action: "member.manage" } as const } };

  contractRoute(
    app,
    "GET /api/orgs/:orgId/members",
    { config: { access: { kind: "org", action: "member.view" } } },
    async (request) => ({
      members: await listMembers(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
    }),
  );

  contractRoute(app, "PATCH /api/orgs/:orgId/members/:userId", manage, async (request) => {
    await updateMember(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
    return OK;
  });

  contractRoute(app, "POST /api/orgs/:orgId/members/:userId/reset-password", manage, async (request) =>
    resetMemberPassword(ctx, { actor: orgActorOf(request), ...request.params }),
  );

  contractRoute(app, "DELETE /api/orgs/:orgId/members/:userId", manage, async (request, reply) => {
    await removeMember(ctx, { actor: orgActorOf(request), ...request.params });
    return reply.status(204).send();
  });
}
