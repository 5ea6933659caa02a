// The signed-in person and their organisations, shared by every page.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ApiError, api, setCsrfToken } from "./api/client";
import type { Session } from "./api/types";

interface SessionState {
  session: Session | null;
  loading: boolean;
  refresh(): Promise<Session | null>;
  clear(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const next = await api.session();
      setCsrfToken(next.csrfToken);
      setSession(next);
      return next;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setSession(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);
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
