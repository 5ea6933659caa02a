// What the knowledge pages offer to choose from: the organisation's departments (names and the editor's
// choice) and the colleagues one may name as owner or mention in a comment.
import { useState } from "react";
import { api } from "../../api/client";
import { inboxApi } from "../../api/inbox";
import type { Department, Organisation } from "../../api/types";
import { useLoad } from "../../api/useLoad";

/** The organisation's departments; none when they cannot be read. */
export function useDepartments(orgId: string): Department[] {
  const [departments, setDepartments] = useState<Department[]>([]);
  useLoad(
    (signal) => api.departments(orgId, { signal }),
    (d) => setDepartments(d.departments),
    [orgId],
    { onError: () => setDepartments([]) },
  );
  return departments;
}

export interface Person {
  id: string;
  name: string;
}

/**
 * The organisation's people by name: the inbox's colleague list for those who work in the inbox, else the member
 * list for those who may read it; nobody (no picker shown) for someone who may read neither.
 */
export function useColleagues(org: Organisation): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  const fromInbox = org.myActions.includes("inbox.view");
  const fromMembers = !fromInbox && org.myActions.includes("member.view");
  useLoad(
    async (signal): Promise<Person[]> => {
      if (fromInbox)
        return (await inboxApi.colleagues(org.id, { signal })).colleagues.map((c) => ({ id: c.userId, name: c.name }));
      return (await api.members(org.id, { signal })).members.map((m) => ({ id: m.userId, name: m.name }));
    },
    setPeople,
    [org.id, fromInbox],
    { enabled: fromInbox || fromMembers, onError: () => setPeople([]) },
  );
  return people;
}
