// Invitations to an organisation: administrators invite, list and withdraw; the invited person
// answers signed in (their open invitations) or through the one-time link (public, by its token).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { acceptInvitationLink } from "../../app/invitations/accept-invitation-link.js";
import { acceptInvitation } from "../../app/invitations/accept-invitation.js";
import { declineInvitationLink } from "../../app/invitations/decline-invitation-link.js";
import { declineInvitation } from "../../app/invitations/decline-invitation.js";
import { inspectInvitationLink } from "../../app/invitations/inspect-invitation-link.js";
import { inviteMember } from "../../app/invitations/invite-member.js";
import { listInvitations } from "../../app/invitations/list-invitations.js";
import { listMyInvitations } from "../../app/invitations/list-my-invitations.js";
import { revokeInvitation } from "../../app/invitations/revoke-invitation.js";
import {
  ZAcceptInvitationLink,
  ZInvitationLink,
  ZInviteMember,
  ZRevokeInvitation,
} from "../../app/invitations/schemas.js";
import { orgActorOf, sessionOf } from "../plugins/auth.js";
import { setSessionCookie } from "../sessionCookie.js";
import { ZOrgParams } from "./params.js";

const ZInvitationParams = z.object({ invitationId: z.uuid() });

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

  app.post("/api/orgs/:orgId/invitations", manage, async (request, reply) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const input = ZInviteMember.parse(request.body);
    reply.status(201);
    return inviteMember(ctx, { actor: orgActorOf(request), orgId, input });
  });

  app.get("/api/orgs/:orgId/invitations", manage, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return { invitations: await listInvitations(ctx, { actor: orgActorOf(request), orgId }) };
  });

  app.post("/api/orgs/:orgId/invitations/revoke", manage, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const { invitationId } = ZRevokeInvitation.parse(request.body);
    await revokeInvitation(ctx, { actor: orgActorOf(request), orgId, invitationId });
    return { ok: true };
  });

  app.get("/api/invitations", signedIn, async (request) => {
    const session = sessionOf(request);
    return { invitations: await listMyInvitations(ctx, { email: session.user.email }) };
  });

  const answerer = (request: Parameters<typeof sessionOf>[0]) => {
    const session = sessionOf(request);
    const { invitationId } = ZInvitationParams.parse(request.params);
    const actor = { userId: session.user.id, label: session.user.email, requestId: request.id };
    return { actor, email: session.user.email, invitationId };
  };
  app.post("/api/invitations/:invitationId/accept", signedIn, async (request) =>
    acceptInvitation(ctx, answerer(request)),
  );
  app.post("/api/invitations/:invitationId/decline", signedIn, async (request) => {
    await declineInvitation(ctx, answerer(request));
    return { ok: true };
  });

  app.post("/api/invitation-links/inspect", link, async (request) => {
    const { token } = ZInvitationLink.parse(request.body);
    return inspectInvitationLink(ctx, { token });
  });

  app.post("/api/invitation-links/accept", link, async (request, reply) => {
    const input = ZAcceptInvitationLink.parse(request.body);
    const result = await acceptInvitationLink(ctx, {
      ...input,
      userAgent: request.headers["user-agent"],
      requestId: request.id,
    });
    setSessionCookie(reply, result.token, options.cookie);
    return { ok: true };
  });

  app.post("/api/invitation-links/decline", link, async (request) => {
    const { token } = ZInvitationLink.parse(request.body);
    await declineInvitationLink(ctx, { token, requestId: request.id });
    return { ok: true };
  });
}
