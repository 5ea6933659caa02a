// The signed-in person and their organisations, shared by every page.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ApiError, api, setCsrfToken } from "./api/client";
import { latestOnly } from "./api/useLoad";
import type { Session } from "./api/types";

interface SessionState {
  session: Session | null;
  loading: boolean;
  refresh(): Promise<void>;
  clear(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  // The latest refresh wins (the first load must not overwrite the session a sign-in just made).
  const [latest] = useState(latestOnly);
  const refresh = useCallback(
    () =>
      new Promise<void>((resolve, reject) => {
        const signedOut = (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        };
        const apply = (next: Session | null) => {
          if (next) setCsrfToken(next.csrfToken);
          setSession(next);
          setLoading(false);
        };
        const fail = (error: unknown) => {
          setLoading(false);
          reject(error);
        };
        void latest.run((signal) => api.session({ signal }).catch(signedOut), apply, fail).then(() => resolve());
      }),
    [latest],
  );
  const clear = useCallback(() => setSession(null), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, loading, refresh, clear }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
