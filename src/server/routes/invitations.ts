// Invitations to an organisation: administrators invite, list and withdraw; the invited person
// answers signed in (their open invitations) or through the one-time link (public, by its token).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { acceptInvitationLink } from "../../app/invitations/accept-invitation-link.js";
import { acceptInvitation } from "../../app/invitations/accept-invitation.js";
import { declineInvitationLink } from "../../app/invitations/decline-invitation-link.js";
import { inspectInvitationLink } from "../../app/invitations/inspect-invitation-link.js";
import { inviteMember } from "../../app/invitations/invite-member.js";
import { listInvitations } from "../../app/invitations/list-invitations.js";
import { revokeInvitation } from "../../app/invitations/revoke-invitation.js";
import { OK } from "../../contract/common.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf, sessionOf } from "../plugins/auth.js";
import { setSessionCookie } from "../sessionCookie.js";

export function invitationRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; cookie: { secure: boolean; maxAgeSeconds: number }; linkRatePerMinute: number },
) {
  const { ctx } = options;
  const manage = { config: { access: { kind: "org", action: "member.manage" } as const } };
  const signedIn = { config: { access: { kind: "session" } as const } };
  // Public, with the sign-in's rate limit: accepting hashes a password.
  const link = {
    config: {
      access: { kind: "public" } as const,
      rateLimit: { max: options.linkRatePerMinute, timeWindow: "1 minute" },
    },
  };

  contractRoute(app, "POST /api/orgs/:orgId/invitations", manage, async (request, reply) => {
    reply.status(201);
    return inviteMember(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "GET /api/orgs/:orgId/invitations", manage, async (request) => ({
    invitations: await listInvitations(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  }));

  contractRoute(app, "POST /api/orgs/:orgId/invitations/revoke", manage, async (request) => {
    await revokeInvitation(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, ...request.body });
    return OK;
  });

  contractRoute(app, "POST /api/invitation-links/join", signedIn, async (request) => {
    const session = sessionOf(request);
    return acceptInvitation(ctx, {
      actor: { userId: session.user.id, label: session.user.email, requestId: request.id },
      email: session.user.email,
      token: request.body.token,
    });
  });

  contractRoute(app, "POST /api/invitation-links/inspect", link, async (request) =>
    inspectInvitationLink(ctx, { token: request.body.token }),
  );

  contractRoute(app, "POST /api/invitation-links/accept", link, async (request, reply) => {
    const result = await acceptInvitationLink(ctx, {
      ...request.body,
      userAgent: request.headers["user-agent"],
      requestId: request.id,
    });
    setSessionCookie(reply, result.token, options.cookie);
    return OK;
  });

  contractRoute(app, "POST /api/invitation-links/decline", link, async (request) => {
    await declineInvitationLink(ctx, { token: request.body.token, requestId: request.id });
    return OK;
  });
}
