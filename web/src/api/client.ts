// The typed HTTP client of the admin app. The server owns the rules; this only carries requests,
// the CSRF token and structured errors.
import type {
  AuditPage,
  Department,
  InvitationCreated,
  InvitationPreview,
  Member,
  MyInvitation,
  OrgInvitation,
  Organisation,
  Session,
} from "./types";

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

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const json = body === undefined ? undefined : { contentType: "application/json", body: JSON.stringify(body) };
  return send<T>(method, url, json);
}

/** Sends a file as the raw request body (the server decides its type by content). */
export function upload<T>(url: string, file: Blob): Promise<T> {
  return send<T>("POST", url, { contentType: "application/octet-stream", body: file });
}

async function send<T>(method: string, url: string, payloadBody?: { contentType: string; body: BodyInit }): Promise<T> {
  const headers: Record<string, string> = {};
  if (payloadBody) headers["content-type"] = payloadBody.contentType;
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  const response = await fetch(url, { method, headers, credentials: "same-origin", body: payloadBody?.body });
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error =
      (payload as { error?: { code?: string; key?: string; details?: Record<string, unknown> } }).error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "DRAHT_ERR_INTERNAL",
      error.key ?? "errors.INTERNAL",
      error.details,
    );
  }
  return payload as T;
}

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const api = {
  login: (email: string, password: string) =>
    call<{ mustChangePassword: boolean }>("POST", "/api/auth/login", { email, password }),
  session: () => call<Session>("GET", "/api/auth/session"),
  logout: () => call<{ ok: true }>("POST", "/api/auth/logout"),
  logoutEverywhere: () => call<{ sessionsEnded: number }>("POST", "/api/auth/logout-everywhere"),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<{ ok: true }>("POST", "/api/auth/password", { currentPassword, newPassword }),
  organisation: (orgId: string) => call<Organisation>("GET", org(orgId)),
  updateOrganisation: (orgId: string, input: { timeZone: string }) => call<Organisation>("PATCH", org(orgId), input),
  openOrganisation: (orgId: string) => call<void>("POST", `${org(orgId)}/open`),
  departments: (orgId: string) => call<{ departments: Department[] }>("GET", `${org(orgId)}/departments`),
  createDepartment: (orgId: string, input: { name: string; shortName?: string | null }) =>
    call<Department>("POST", `${org(orgId)}/departments`, input),
  updateDepartment: (orgId: string, id: string, input: { name: string; shortName?: string | null }) =>
    call<Department>("PATCH", `${org(orgId)}/departments/${id}`, input),
  deleteDepartment: (orgId: string, id: string) => call<void>("DELETE", `${org(orgId)}/departments/${id}`),
  members: (orgId: string) => call<{ members: Member[] }>("GET", `${org(orgId)}/members`),
  inviteMember: (orgId: string, input: Record<string, unknown>) =>
    call<InvitationCreated>("POST", `${org(orgId)}/invitations`, input),
  invitations: (orgId: string) => call<{ invitations: OrgInvitation[] }>("GET", `${org(orgId)}/invitations`),
  revokeInvitation: (orgId: string, invitationId: string) =>
    call<{ ok: true }>("POST", `${org(orgId)}/invitations/revoke`, { invitationId }),
  myInvitations: () => call<{ invitations: MyInvitation[] }>("GET", "/api/invitations"),
  acceptInvitation: (id: string) =>
    call<{ orgId: string }>("POST", `/api/invitations/${encodeURIComponent(id)}/accept`),
  declineInvitation: (id: string) => call<{ ok: true }>("POST", `/api/invitations/${encodeURIComponent(id)}/decline`),
  inspectInvitationLink: (token: string) => call<InvitationPreview>("POST", "/api/invitation-links/inspect", { token }),
  acceptInvitationLink: (token: string, password: string) =>
    call<{ ok: true }>("POST", "/api/invitation-links/accept", { token, password }),
  declineInvitationLink: (token: string) => call<{ ok: true }>("POST", "/api/invitation-links/decline", { token }),
  updateMember: (orgId: string, userId: string, input: Record<string, unknown>) =>
    call<{ ok: true }>("PATCH", `${org(orgId)}/members/${userId}`, input),
  resetPassword: (orgId: string, userId: string) =>
    call<{ temporaryPassword: string }>("POST", `${org(orgId)}/members/${userId}/reset-password`),
  removeMember: (orgId: string, userId: string) => call<void>("DELETE", `${org(orgId)}/members/${userId}`),
  audit: (orgId: string, beforeSeq?: number) =>
    call<AuditPage>("GET", `${org(orgId)}/audit${beforeSeq ? `?beforeSeq=${beforeSeq}` : ""}`),
};
