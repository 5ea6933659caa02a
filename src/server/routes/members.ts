// The people of an organisation: list, change, reset password, remove (adding is by invitation:
// routes/invitations.ts).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { listMembers } from "../../app/members/list-members.js";
import { removeMember } from "../../app/members/remove-member.js";
import { resetMemberPassword } from "../../app/members/reset-member-password.js";
import { ZUpdateMember } from "../../app/members/schemas.js";
import { updateMember } from "../../app/members/update-member.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZMemberParams, ZOrgParams } from "./params.js";

export function memberRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const manage = { config: { access: { kind: "org", action: "member.manage" } as const } };

  app.get(
    "/api/orgs/:orgId/members",
    { config: { access: { kind: "org", action: "member.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { members: await listMembers(ctx, { actor: orgActorOf(request), orgId }) };
    },
  );

  app.patch("/api/orgs/:orgId/members/:userId", manage, async (request) => {
    const params = ZMemberParams.parse(request.params);
    await updateMember(ctx, { actor: orgActorOf(request), ...params, input: ZUpdateMember.parse(request.body) });
    return { ok: true };
  });

  app.post("/api/orgs/:orgId/members/:userId/reset-password", manage, async (request) => {
    const params = ZMemberParams.parse(request.params);
    return resetMemberPassword(ctx, { actor: orgActorOf(request), ...params });
  });

  app.delete("/api/orgs/:orgId/members/:userId", manage, async (request, reply) => {
    const params = ZMemberParams.parse(request.params);
    await removeMember(ctx, { actor: orgActorOf(request), ...params });
    return reply.status(204).send();
  });
}
