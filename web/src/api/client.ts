// The typed HTTP client of the admin app, derived from the server's contract (src/contract/): a route is
// named by its key ("GET /api/orgs/:orgId"), its parameters, query and body are checked against the
// contract's input schemas, and the answer has the type of the contract's response schema — a changed
// answer breaks the web app's build. The server owns the rules; this carries requests, the CSRF token
// and structured errors. Type-only imports: no schema code reaches the bundle.
import type { ApiContract, ApiRouteKey } from "@contract/index";
import type { RequestOf, ResponseOf, Wire } from "@contract/route";
import type { ZErrorBody } from "@contract/common";
import type {
  Department,
  InvitationCreated,
  InvitationPreview,
  Member,
  OrgInvitation,
  Organisation,
  Session,
} from "./types";

/** The answer of a route, as it arrives (dates as ISO strings). */
export type Answer<K extends ApiRouteKey> = ResponseOf<ApiContract[K]>;
/** What a route takes: path parameters, query and body as the contract declares them. */
export type Input<K extends ApiRouteKey> = RequestOf<ApiContract[K]>;
/** The JSON body of a route, as the client sends it. */
export type Body<K extends ApiRouteKey> = Input<K> extends { body: infer B } ? B : never;

type ErrorBody = Wire<typeof ZErrorBody>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: string,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(code);
  }
}

let csrfToken = "";
export function setCsrfToken(token: string) {
  csrfToken = token;
}

interface Options {
  /** Aborts the request (a superseded load, see useLoad). */
  signal?: AbortSignal;
}

/** Calls the route `key`; its input and answer are typed by the contract. */
export function call<K extends ApiRouteKey>(key: K, input: Input<K>, options: Options = {}): Promise<Answer<K>> {
  const body =
    input.body === undefined ? undefined : { contentType: "application/json", body: JSON.stringify(input.body) };
  return send<K>(key, input, body, options);
}

/** Sends a file as the raw request body of `key` (the server decides its type by content). */
export function upload<K extends ApiRouteKey>(key: K, input: Input<K>, file: Blob): Promise<Answer<K>> {
  return send<K>(key, input, { contentType: "application/octet-stream", body: file }, {});
}

/** The address of a route, e.g. for a link or an image. */
export function urlOf<K extends ApiRouteKey>(key: K, input: Input<K>): string {
  const path = key.slice(key.indexOf(" ") + 1);
  const params = (input.params ?? {}) as Record<string, string>;
  const filled = path.replace(/:(\w+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ""));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((input.query ?? {}) as Record<string, unknown>))
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

async function send<K extends ApiRouteKey>(
  key: K,
  input: Input<K>,
  payloadBody: { contentType: string; body: BodyInit } | undefined,
  options: Options,
): Promise<Answer<K>> {
  const method = key.slice(0, key.indexOf(" "));
  const headers: Record<string, string> = {};
  if (payloadBody) headers["content-type"] = payloadBody.contentType;
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  const response = await fetch(urlOf(key, input), {
    method,
    headers,
    credentials: "same-origin",
    body: payloadBody?.body,
    signal: options.signal,
  });
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => ({}));
  if (!response.ok) {
    const error: Partial<ErrorBody["error"]> = (payload as Partial<ErrorBody> | undefined)?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "DRAHT_ERR_INTERNAL",
      error.key ?? "errors.INTERNAL",
      error.details,
    );
  }
  // The one place where JSON becomes typed: sound because the server serialises every answer through this
  // route's response schema (src/server/contractRoutes.ts) and refuses to send anything else.
  return payload as Answer<K>;
}

const orgParams = (orgId: string) => ({ params: { orgId } });

export const api = {
  login: (email: string, password: string) => call("POST /api/auth/login", { body: { email, password } }),
  session: (options?: Options): Promise<Session> => call("GET /api/auth/session", {}, options),
  logout: () => call("POST /api/auth/logout", {}),
  logoutEverywhere: () => call("POST /api/auth/logout-everywhere", {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    call("POST /api/auth/password", { body: { currentPassword, newPassword } }),
  organisation: (orgId: string, options?: Options): Promise<Organisation> =>
    call("GET /api/orgs/:orgId", orgParams(orgId), options),
  updateOrganisation: (orgId: string, input: Body<"PATCH /api/orgs/:orgId">): Promise<Organisation> =>
    call("PATCH /api/orgs/:orgId", { ...orgParams(orgId), body: input }),
  openOrganisation: (orgId: string) => call("POST /api/orgs/:orgId/open", orgParams(orgId)),
  departments: (orgId: string, options?: Options): Promise<{ departments: Department[] }> =>
    call("GET /api/orgs/:orgId/departments", orgParams(orgId), options),
  createDepartment: (orgId: string, input: Body<"POST /api/orgs/:orgId/departments">) =>
    call("POST /api/orgs/:orgId/departments", { ...orgParams(orgId), body: input }),
  updateDepartment: (
    orgId: string,
    departmentId: string,
    input: Body<"PATCH /api/orgs/:orgId/departments/:departmentId">,
  ) => call("PATCH /api/orgs/:orgId/departments/:departmentId", { params: { orgId, departmentId }, body: input }),
  deleteDepartment: (orgId: string, departmentId: string) =>
    call("DELETE /api/orgs/:orgId/departments/:departmentId", { params: { orgId, departmentId } }),
  members: (orgId: string, options?: Options): Promise<{ members: Member[] }> =>
    call("GET /api/orgs/:orgId/members", orgParams(orgId), options),
  inviteMember: (orgId: string, input: Body<"POST /api/orgs/:orgId/invitations">): Promise<InvitationCreated> =>
    call("POST /api/orgs/:orgId/invitations", { ...orgParams(orgId), body: input }),
  invitations: (orgId: string, options?: Options): Promise<{ invitations: OrgInvitation[] }> =>
    call("GET /api/orgs/:orgId/invitations", orgParams(orgId), options),
  revokeInvitation: (orgId: string, invitationId: string) =>
    call("POST /api/orgs/:orgId/invitations/revoke", { ...orgParams(orgId), body: { invitationId } }),
  joinByInvitation: (token: string) => call("POST /api/invitation-links/join", { body: { token } }),
  inspectInvitationLink: (token: string, options?: Options): Promise<InvitationPreview> =>
    call("POST /api/invitation-links/inspect", { body: { token } }, options),
  acceptInvitationLink: (token: string, password: string) =>
    call("POST /api/invitation-links/accept", { body: { token, password } }),
  declineInvitationLink: (token: string) => call("POST /api/invitation-links/decline", { body: { token } }),
  updateMember: (orgId: string, userId: string, input: Body<"PATCH /api/orgs/:orgId/members/:userId">) =>
    call("PATCH /api/orgs/:orgId/members/:userId", { params: { orgId, userId }, body: input }),
  resetPassword: (orgId: string, userId: string) =>
    call("POST /api/orgs/:orgId/members/:userId/reset-password", { params: { orgId, userId } }),
  removeMember: (orgId: string, userId: string) =>
    call("DELETE /api/orgs/:orgId/members/:userId", { params: { orgId, userId } }),
  audit: (orgId: string, beforeSeq?: number, options?: Options) =>
    call("GET /api/orgs/:orgId/audit", { ...orgParams(orgId), query: { beforeSeq } }, options),
};
