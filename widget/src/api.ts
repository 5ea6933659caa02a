// The citizens' API as the widget uses it. The session token lives in this site's localStorage (no
// cookies); errors arrive as German messages ready to show.
import { solve } from "./pow.js";

const MESSAGES: Record<string, string> = {
  DRAHT_ERR_NETIQUETTE_NOT_ACCEPTED: "Bitte bestätigen Sie zuerst, dass Sie die Netiquette akzeptieren.",
  DRAHT_ERR_RATE_LIMITED: "Sie haben gerade viele Beiträge gesendet. Bitte warten Sie einen Moment.",
  DRAHT_ERR_DUPLICATE_COMMENT: "Diesen Kommentar haben Sie bereits gesendet.",
  DRAHT_ERR_COMMENTS_CLOSED: "Die Kommentarfunktion ist geschlossen.",
  DRAHT_ERR_POLL_CLOSED: "Die Abstimmung ist beendet.",
  DRAHT_ERR_ALREADY_VOTED: "Sie haben bereits abgestimmt.",
  DRAHT_ERR_PROOF_OF_WORK_FAILED: "Die Spam-Schutz-Prüfung ist fehlgeschlagen. Bitte senden Sie erneut.",
  DRAHT_ERR_VALIDATION_FAILED: "Bitte prüfen Sie Ihre Eingaben.",
  DRAHT_ERR_SPAM_SUSPECTED: "Der Beitrag wurde als Spam erkannt.",
};

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PublicApi {
  base: string;
  org: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** Fetches a challenge and solves it. */
  work(): Promise<{ challenge: string; nonce: string }>;
  ensureSession(): Promise<void>;
  forgetSession(): void;
}

export function createApi(origin: string, org: string): PublicApi {
  const base = `${origin}/api/public/orgs/${encodeURIComponent(org)}`;
  const storageKey = `draht-session:${origin}:${org}`;
  let token: string | null = readToken(storageKey);
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = {};
    if (token) headers["x-draht-session"] = token;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
    });
    const data = (await response.json().catch(() => ({}))) as {
      error?: { code: string; details?: { reason?: string } };
    };
    if (!response.ok) {
      const code = data.error?.code ?? "DRAHT_ERR_INTERNAL";
      if (code === "DRAHT_ERR_NOT_AUTHENTICATED") api.forgetSession();
      throw new ApiError(
        code,
        MESSAGES[code] ?? "Das hat leider nicht geklappt. Bitte versuchen Sie es später erneut.",
      );
    }
    return data as T;
  };
  const api: PublicApi = {
    base,
    org,
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body),
    work: async () => {
      const { challenge, bits } = await request<{ challenge: string; bits: number }>("GET", "/challenge");
      return { challenge, nonce: await solve(challenge, bits) };
    },
    ensureSession: async () => {
      if (token) return;
      token = (await request<{ token: string }>("POST", "/sessions")).token;
      try {
        localStorage.setItem(storageKey, token);
      } catch {
        // Storage may be blocked; the session then lasts as long as the page.
      }
    },
    forgetSession: () => {
      token = null;
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // nothing stored
      }
    },
  };
  return api;
}

function readToken(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
