// Every API route declares who may call it; the auth plugin enforces the declaration and refuses
// to start the server if a route under /api has none.
import type { OrgActor } from "../app/authorization.js";
import type { ResolvedSession } from "../app/auth/resolve-session.js";
import type { Action } from "../domain/roles.js";

export type RouteAccess =
  | { kind: "public" }
  /** Any signed-in person; `duringPasswordChange` keeps it reachable while a new password is due. */
  | { kind: "session"; duringPasswordChange?: boolean }
  /** A member of the organisation in the `:orgId` parameter whose roles grant `action`. */
  | { kind: "org"; action: Action };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    orgActor: OrgActor | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}
