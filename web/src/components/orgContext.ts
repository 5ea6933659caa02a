// The organisation a page is shown in, and how to load it again, as OrgLayout provides them. A module of its
// own so that helpers every page uses (formatDates) read it without importing the layout, which imports them.
import { createContext, useContext } from "react";
import type { Organisation } from "../api/types";

export const OrgContext = createContext<Organisation | null>(null);
export const OrgReloadContext = createContext<() => Promise<void>>(async () => undefined);

/** Loads the organisation again after its settings changed (its time zone, for every date shown). */
export function useReloadOrganisation(): () => Promise<void> {
  return useContext(OrgReloadContext);
}

export function useOrg(): Organisation {
  const org = useContext(OrgContext);
  if (!org) throw new Error("useOrg outside OrgLayout");
  return org;
}
